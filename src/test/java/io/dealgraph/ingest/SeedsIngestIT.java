package io.dealgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealgraph.testing.EmbeddedStoreTest;
import io.dealgraph.testing.GraphFixtures;
import io.dealgraph.testing.KeysContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The seed articles through the real pipeline into the embedded database: one deal per real-world event. The tests
 * read the graph of the one ingest of the seeds this test run makes (testing/GraphFixtures: the first test to ask
 * ingests, the others get a faithful copy); the last ingests them again, one document per batch.
 */
@EmbeddedStoreTest
class SeedsIngestIT {

    @Autowired
    IngestService ingest;

    @Autowired
    Driver driver;

    @BeforeEach
    void ingestSeeds() {
        // asserts that all five were ingested, none refused
        GraphFixtures.loadIngestedSeeds(ingest, driver);
    }

    @Test
    void ingestingTheSeedsAgainChangesNothing() throws Exception {
        // the seeds in one batch: every key is the one graph/Keys makes
        assertThat(KeysContract.check(driver)).isGreaterThan(50);
        Map<String, Object> before = counts();
        IngestProgress again = new IngestProgress();
        ingest.ingestAll(GraphFixtures.seedDocuments(), again);
        assertThat(again.snapshot().ingested()).isZero();
        assertThat(again.snapshot().duplicates()).isEqualTo(5);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void theFiveBillionReportedByThreeArticlesIsOneDealWithThreeSources() {
        List<Record> deals = driver.executableQuery("""
                MATCH (:Company {id: 'amazon'})-[:MADE]->(d:Deal:Investment {amountUsd: 5000000000})-[:TO]->(:Company {id: 'anthropic'})
                RETURN d.id AS id, count { (d)<-[:SUPPORTS]-(:Claim)-[:SOURCED_FROM]->(:Document) } AS claims,
                       count { MATCH (d)<-[:SUPPORTS]-(:Claim)-[:SOURCED_FROM]->(doc:Document) RETURN DISTINCT doc } AS documents""")
                .execute().records();
        assertThat(deals).hasSize(1);
        assertThat(deals.get(0).get("documents").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(deals.get(0).get("claims").asInt()).isGreaterThanOrEqualTo(deals.get(0).get("documents").asInt());
    }

    @Test
    void theHundredBillionAwsCommitmentIsOneDeal() {
        List<Record> deals = driver.executableQuery("""
                MATCH (:Company {id: 'anthropic'})-[:MADE]->(d:Deal:SpendCommitment)-[:TO]->(:Cloud {id: 'amazon-web-services'})
                WHERE d.amountUsd = 100000000000
                RETURN d.id AS id, count { (d)<-[:SUPPORTS]-(:Claim) } AS claims""").execute().records();
        assertThat(deals).hasSize(1);
        // sources that say "spend with Amazon" and those that say "on AWS" support the same deal
        assertThat(deals.get(0).get("claims").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(driver.executableQuery("MATCH (:Company {id: 'anthropic'})-[:MADE]->(d:SpendCommitment)-[:TO]->(:Company) RETURN d")
                .execute().records()).isEmpty();
    }

    @Test
    void theEarlierInvestmentsAreDistinctDealsOnTheTimeline() {
        List<String> dated = driver.executableQuery("""
                MATCH (:Company {id: 'amazon'})-[:MADE]->(d:Deal:Investment)-[:TO]->(:Company {id: 'anthropic'})
                WHERE d.date IS NOT NULL
                RETURN d.date + ' ' + d.label AS deal ORDER BY d.date""").execute().records().stream()
                .map(r -> r.get("deal").asString()).toList();
        assertThat(dated).anyMatch(d -> d.startsWith("2023-09") && d.contains("$1.25B"));
        // one outlet says "up to $4 billion", another "$4 billion": as many sources for each, the plain figure shows
        assertThat(dated).anyMatch(d -> d.startsWith("2023-09") && d.contains("$4B"));
        assertThat(dated).anyMatch(d -> d.startsWith("2024-03") && d.contains("$2.75B"));
        assertThat(dated).anyMatch(d -> d.startsWith("2024-11") && d.contains("$4B"));
        // the tranches of the first commitment hang under it
        Record tranches = driver.executableQuery("""
                MATCH (t:Deal)-[:TRANCHE_OF]->(d:Deal {amountUsd: 4000000000, date: '2023-09'})
                RETURN count(t) AS n, sum(t.amountUsd) AS sum""")
                .execute().records().get(0);
        assertThat(tranches.get("n").asLong()).isEqualTo(2);
        assertThat(tranches.get("sum").asLong()).isEqualTo(4_000_000_000L);
    }

    @Test
    void whoFundsWhomIsOneHopWithTotalsAndRunningTotalsAreNotDeals() {
        Record r = driver.executableQuery("""
                MATCH (:Company {id: 'amazon'})-[r:INVESTS_IN]->(:Company {id: 'anthropic'})
                RETURN r.deals AS deals, r.totalUsd AS total, r.reportedTotalUsd AS reported, r.firstDate AS first""")
                .execute().records().get(0);
        assertThat(r.get("reported").asLong()).isEqualTo(8_000_000_000L);
        assertThat(r.get("first").asString()).isEqualTo("2023-09");
        long cumulativeDeals = driver.executableQuery("""
                MATCH (c:Claim {cumulative: true})-[:SUPPORTS]->(:Deal) RETURN count(c) AS n""")
                .execute().records().get(0).get("n").asLong();
        assertThat(cumulativeDeals).isZero();
        // Amazon runs AWS and makes Trainium, as the knowledge file says and the articles confirm
        assertThat(driver.executableQuery("""
                MATCH (:Company {id: 'amazon'})-[o:OPERATES]->(:Cloud {id: 'amazon-web-services'}),
                      (:Company {id: 'amazon'})-[m:MAKES]->(:Chip {id: 'trainium'}),
                      (:Company {id: 'anthropic'})-[u:USES]->(:Chip {id: 'trainium'})
                RETURN o.curated AND m.curated AND u.sources > 0 AS ok""").execute().records().get(0).get("ok").asBoolean()).isTrue();
    }

    @Test
    void everyClaimCarriesItsEvidenceAndEveryDealASource() {
        Map<String, Object> c = driver.executableQuery("""
                RETURN count { MATCH (c:Claim) WHERE c.evidence IS NULL OR c.start IS NULL OR NOT (c)-[:SOURCED_FROM]->(:Document) } AS bad,
                       count { MATCH (d:Deal) WHERE NOT (d)<-[:SUPPORTS]-(:Claim) } AS unsupported,
                       count { MATCH (d:Deal) WHERE NOT ()-[:MADE]->(d) OR NOT (d)-[:TO]->() } AS orphans""")
                .execute().records().get(0).asMap();
        assertThat(c).containsEntry("bad", 0L).containsEntry("unsupported", 0L).containsEntry("orphans", 0L);
    }

    @Test
    void everyDealIsFiledUnderItsPairAndInBothPartiesTimelinesAndEveryPairRankedAfterEachDocumentRefinesIt() throws Exception {
        // One document per batch: deals reported again are re-summarised (date, figure) by later batches, and the
        // keys the query API reads them by must follow.
        GraphFixtures.assumeSeeds();
        GraphFixtures.wipe(driver);
        for (IngestService.Input seed : GraphFixtures.seedDocuments()) {
            ingest.ingestAll(List.of(seed), new IngestProgress());
        }
        // every key (deals' pair and timeline keys, pair edges' pair and rank keys with their current totals) is the
        // one graph/Keys makes, and every deal's pair has its edge
        assertThat(KeysContract.check(driver)).isGreaterThan(50);
    }

    private Map<String, Object> counts() {
        return driver.executableQuery("""
                RETURN count { MATCH (n) WHERE NOT n:__Migration AND NOT n:__MigrationLock } AS nodes,
                       count { MATCH ()-[r]->() } AS relationships,
                       count { MATCH (d:Deal) } AS deals, count { MATCH (c:Claim) } AS claims""")
                .execute().records().get(0).asMap();
    }
}
