package io.dealgraph.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealgraph.testing.EmbeddedStoreTest;
import io.dealgraph.testing.GraphFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * V0009 on a graph written before claims knew their publication day: the hand-written seeds graph (documents with
 * and without a date, ingested 2026-11-23) gets claim days, first-reported days and one reading per deal.
 */
@EmbeddedStoreTest
class WhatWasKnownWhenMigrationIT {

    @Autowired
    Driver driver;

    @Test
    void claimsDealsAndRoundsLearnWhenTheyWereFirstReported() {
        GraphFixtures.loadSeedsGraph(driver);
        Migration v9 = SchemaMigrations.available().stream().filter(m -> m.version() == 9).findFirst().orElseThrow();
        runAll(v9);

        Map<String, Object> claims = one("""
                MATCH (c:Claim)-[:SOURCED_FROM]->(d:Document)
                RETURN count(c) AS all, count(c.published) AS dated,
                       all(x IN collect(c.published = coalesce(d.published, '2026-11-23')) WHERE x) AS fromTheirDocument""");
        assertThat(claims.get("dated")).isEqualTo(claims.get("all"));
        assertThat(claims.get("fromTheirDocument")).isEqualTo(true);

        List<Record> deals = driver.executableQuery("""
                MATCH (d:Deal)
                RETURN d.id AS id, d.label AS label, d.firstReported AS first,
                       COLLECT { MATCH (c:Claim)-[:SUPPORTS]->(d) RETURN c.published AS day ORDER BY day LIMIT 1 }[0] AS earliest,
                       [(d)-[:AS_OF]->(r:Reading) | r {.since, .label}] AS readings""").execute().records();
        assertThat(deals).isNotEmpty().allSatisfy(d -> {
            assertThat(d.get("readings").size()).as(d.get("id").asString()).isEqualTo(1);
            assertThat(d.get("readings").get(0).get("label").asString()).isEqualTo(d.get("label").asString());
            assertThat(d.get("readings").get(0).get("since")).isEqualTo(d.get("first"));
            assertThat(d.get("first")).isEqualTo(d.get("earliest"));
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
}
