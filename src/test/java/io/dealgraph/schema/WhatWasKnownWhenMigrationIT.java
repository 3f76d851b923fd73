package io.dealgraph.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealgraph.ingest.IngestService;
import io.dealgraph.testing.EmbeddedStoreTest;
import io.dealgraph.testing.GraphFixtures;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * V0009 on a graph written before claims knew their publication day: the ingested seeds (one document dated, four
 * counted from the day they were ingested) with what V0009 fills in taken away, so the migration must give back the
 * claim days and first-reported days ingest writes, and one reading per deal.
 */
@EmbeddedStoreTest
class WhatWasKnownWhenMigrationIT {

    @Autowired
    IngestService ingest;

    @Autowired
    Driver driver;

    @Test
    void claimsDealsAndRoundsLearnWhenTheyWereFirstReportedAsIngestWouldHaveSaid() {
        GraphFixtures.loadIngestedSeeds(ingest, driver);
        Map<String, Object> claimDays = map("MATCH (c:Claim) RETURN c.id AS k, c.published AS v");
        Map<String, Object> firstReported = map("MATCH (d:Deal) RETURN d.id AS k, d.firstReported AS v");
        // the seeds' two time axes: 004 was published 2024-11-22, the others count from the day of the ingest
        assertThat(claimDays.values()).contains("2024-11-22").doesNotContainNull();
        assertThat(claimDays.values().stream().distinct().count()).isEqualTo(2);
        assertThat(firstReported.values()).contains("2024-11-22").doesNotContainNull();

        // the graph as it was before V0009
        driver.executableQuery("""
                MATCH (c:Claim) REMOVE c.published
                WITH count(*) AS claims
                MATCH (d:Deal) REMOVE d.firstReported
                WITH count(*) AS deals
                OPTIONAL MATCH (r:Reading) DETACH DELETE r
                WITH count(*) AS readings
                OPTIONAL MATCH (:Company)-[m:MADE]->(:Round) REMOVE m.since""").execute();
        assertThat(one("RETURN count { (c:Claim) WHERE c.published IS NOT NULL } + count { (r:Reading) } AS n").get("n")).isEqualTo(0L);

        Migration v9 = SchemaMigrations.available().stream().filter(m -> m.version() == 9).findFirst().orElseThrow();
        runAll(v9);

        assertThat(map("MATCH (c:Claim) RETURN c.id AS k, c.published AS v")).isEqualTo(claimDays);
        assertThat(map("MATCH (d:Deal) RETURN d.id AS k, d.firstReported AS v")).isEqualTo(firstReported);
        List<Record> deals = driver.executableQuery("""
                MATCH (d:Deal)
                RETURN d.id AS id, d.label AS label, d.firstReported AS first,
                       [(d)-[:AS_OF]->(r:Reading) | r {.since, .label}] AS readings""").execute().records();
        assertThat(deals).hasSize(firstReported.size()).allSatisfy(d -> {
            assertThat(d.get("readings").size()).as(d.get("id").asString()).isEqualTo(1);
            assertThat(d.get("readings").get(0).get("label").asString()).isEqualTo(d.get("label").asString());
            assertThat(d.get("readings").get(0).get("since")).isEqualTo(d.get("first"));
        });

        long readings = (Long) one("MATCH (r:Reading) RETURN count(r) AS n").get("n");
        runAll(v9);
        assertThat(one("MATCH (r:Reading) RETURN count(r) AS n").get("n")).as("running it again adds nothing").isEqualTo(readings);
    }

    private void runAll(Migration m) {
        try (var session = driver.session()) {
            m.statements().forEach(s -> session.run(s).consume());
        }
    }

    private Map<String, Object> one(String cypher) {
        return driver.executableQuery(cypher).execute().records().get(0).asMap();
    }

    private Map<String, Object> map(String cypher) {
        Map<String, Object> m = new TreeMap<>();
        driver.executableQuery(cypher).execute().records().forEach(r -> m.put(r.get("k").asString(), r.get("v").asObject()));
        return m;
    }
}
