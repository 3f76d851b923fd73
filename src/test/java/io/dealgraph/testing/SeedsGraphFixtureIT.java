package io.dealgraph.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;

/** The hand-written fixture obeys the graph model, so tests built on it test against the real shape. */
@EmbeddedStoreTest
class SeedsGraphFixtureIT {

    @Autowired
    Driver driver;

    @Test
    void directEdgesSummariseTopLevelDealsOnly() {
        GraphFixtures.loadSeedsGraph(driver);
        Record r = driver.executableQuery("""
                MATCH (:Company {name: 'Amazon'})-[r:INVESTS_IN]->(:Company {name: 'Anthropic'})
                RETURN r.totalUsd AS total, r.deals AS deals, r.firstDate AS first, r.lastDate AS last""")
                .execute().records().get(0);
        // up to $4B (2023-09) + $4B (2024-11) + $5B (2026): the two tranches hang under the first deal
        assertThat(r.get("total").asLong()).isEqualTo(13_000_000_000L);
        assertThat(r.get("deals").asInt()).isEqualTo(3);
        assertThat(r.get("first").asString()).isEqualTo("2023-09");
        assertThat(r.get("last").asString()).isEqualTo("2026-04-20");
    }

    @Test
    void theFixturesKeysAreTheOnesGraphKeysMakes() {
        // the file has none: the loader computes the deals' pair keys, the migrations' back-fills the rest
        GraphFixtures.loadSeedsGraph(driver);
        assertThat(KeysContract.check(driver)).isGreaterThan(50);
    }

    @Test
    void everyDealHasPartiesAndEveryClaimASource() {
        GraphFixtures.loadSeedsGraph(driver);
        Map<String, Object> counts = driver.executableQuery("""
                MATCH (d:Deal) OPTIONAL MATCH (d)<-[:SUPPORTS]-(c:Claim)
                WITH d, count(c) AS claims
                RETURN count(d) AS deals,
                       count { MATCH (d2:Deal) WHERE NOT ()-[:MADE]->(d2) OR NOT (d2)-[:TO]->() } AS orphanDeals,
                       count { MATCH (c:Claim) WHERE NOT (c)-[:SOURCED_FROM]->(:Document) } AS unsourcedClaims,
                       sum(CASE WHEN claims = 0 THEN 1 ELSE 0 END) AS unsupportedDeals""")
                .execute().records().get(0).asMap();
        assertThat(counts).containsEntry("deals", 12L).containsEntry("orphanDeals", 0L)
                .containsEntry("unsourcedClaims", 0L).containsEntry("unsupportedDeals", 0L);
    }
}
