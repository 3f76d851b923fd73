package io.dealgraph.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealgraph.graph.Keys;
import io.dealgraph.ingest.IngestService;
import io.dealgraph.testing.EmbeddedStoreTest;
import io.dealgraph.testing.GraphFixtures;
import io.dealgraph.testing.KeysContract;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * V0010 as it meets a graph that carries no migration history (a csv export loaded with neo4j-admin): the ingested
 * seeds, one of whose deals still has an id from before ids came from claims, beside the deals it cannot re-key (one
 * whose claim is not named {@code claim-...}, one with no claims, one whose new id another deal holds) and one from
 * another ingest order that it can.
 */
@EmbeddedStoreTest
class DealIdsMigrationIT {

    @Autowired
    IngestService ingest;

    @Autowired
    Driver driver;

    @Test
    void dealsItCannotReKeyKeepTheirIdsAndTheOthersAreNamedAfterTheirEarliestClaimAsIngestNamesThem() {
        GraphFixtures.loadIngestedSeeds(ingest, driver);
        java.util.List<String> ingested = driver.executableQuery("MATCH (d:Deal) RETURN d.id AS id").execute().records().stream()
                .map(r -> r.get("id").asString()).toList();
        // the $5B as a graph written before V0010 had it: named after whichever claim arrived first
        String fiveBillion = GraphFixtures.dealId(driver, "amazon", "anthropic", 5_000_000_000L, null);
        driver.executableQuery("""
                MATCH (f)-[:MADE]->(d:Deal {id: $id})-[:TO]->(t)
                SET d.id = $old, d.timelineFrom = $from, d.timelineTo = $to""")
                .withParameters(Map.of("id", fiveBillion, "old", "deal-from-arrival",
                        "from", Keys.timeline("amazon", date(fiveBillion), "deal-from-arrival"),
                        "to", Keys.timeline("anthropic", date(fiveBillion), "deal-from-arrival"))).execute();
        driver.executableQuery("""
                CREATE (doc:Document {id: 'doc-v10'})
                CREATE (:Deal {id: 'deal-without-claims'})
                CREATE (written:Deal {id: 'deal-hand-written'})<-[:SUPPORTS]-(:Claim {id: 'c4', published: '2024-01-01', start: 0})-[:SOURCED_FROM]->(doc)
                CREATE (:Deal {id: 'deal-taken'})
                CREATE (blocked:Deal {id: 'deal-blocked'})
                CREATE (doc)<-[:SOURCED_FROM]-(:Claim {id: 'claim-taken', published: '2024-01-01', start: 5})-[:SUPPORTS]->(blocked)""")
                .execute();
        Map<String, String> before = ids();
        assertThat(before).containsEntry("deal-from-arrival", "deal-from-arrival").doesNotContainKey(fiveBillion);

        run(DealIdsFromClaims.MIGRATION);

        // every deal ingest wrote has its ingest id again, the renamed one included; the others are as they were
        Map<String, String> expected = new TreeMap<>(before);
        expected.put("deal-from-arrival", fiveBillion);
        assertThat(ids()).isEqualTo(expected);
        assertThat(expected.values()).containsAll(ingested);
        assertThat(expected).containsEntry("deal-without-claims", "deal-without-claims").containsEntry("deal-hand-written", "deal-hand-written")
                .containsEntry("deal-blocked", "deal-blocked").containsEntry("deal-taken", "deal-taken").hasSize(ingested.size() + 4);
        // and its timeline keys end in its new id
        KeysContract.check(driver);

        run(DealIdsFromClaims.MIGRATION);
        assertThat(ids()).as("running it again changes nothing").isEqualTo(expected);
    }

    private String date(String deal) {
        return driver.executableQuery("MATCH (d:Deal {id: $id}) RETURN d.date AS date").withParameters(Map.of("id", deal)).execute()
                .records().get(0).get("date").asString(null);
    }

    /** Each deal's id before the test's migration (its {@code was}) to its id now. */
    private Map<String, String> ids() {
        driver.executableQuery("MATCH (d:Deal) WHERE d.was IS NULL SET d.was = d.id").execute();
        Map<String, String> ids = new TreeMap<>();
        driver.executableQuery("MATCH (d:Deal) RETURN d.was AS was, d.id AS id").execute().records()
                .forEach(r -> ids.put(r.get("was").asString(), r.get("id").asString()));
        return ids;
    }

    private void run(Migration m) {
        try (var session = driver.session()) {
            m.statements().forEach(s -> session.run(s).consume());
        }
    }
}
