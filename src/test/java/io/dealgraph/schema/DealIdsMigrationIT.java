package io.dealgraph.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealgraph.testing.EmbeddedStoreTest;
import io.dealgraph.testing.GraphFixtures;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * V0010 over a graph it cannot fully re-key, as it meets one that carries no migration history (a csv export loaded
 * with neo4j-admin): the hand-written seeds graph, whose claims are not named {@code claim-...}, beside a deal with no
 * claims, one whose new id another deal holds, and one it can re-key.
 */
@EmbeddedStoreTest
class DealIdsMigrationIT {

    @Autowired
    Driver driver;

    @Test
    void dealsItCannotReKeyKeepTheirIdsAndTheOthersAreNamedAfterTheirEarliestClaim() {
        GraphFixtures.loadSeedsGraph(driver);
        driver.executableQuery("""
                CREATE (doc:Document {id: 'doc-v10'})
                CREATE (:Deal {id: 'deal-without-claims'})
                CREATE (renamed:Deal {id: 'deal-from-arrival', timelineFrom: 'acme 2024-01 deal-from-arrival'})
                CREATE (late:Claim {id: 'claim-late', published: '2024-02-01', start: 0})-[:SUPPORTS]->(renamed)
                CREATE (early:Claim {id: 'claim-early', published: '2024-01-01', start: 0})-[:SUPPORTS]->(renamed)
                CREATE (late)-[:SOURCED_FROM]->(doc), (early)-[:SOURCED_FROM]->(doc)
                CREATE (:Deal {id: 'deal-taken'})
                CREATE (blocked:Deal {id: 'deal-blocked'})
                CREATE (doc)<-[:SOURCED_FROM]-(:Claim {id: 'claim-taken', published: '2024-01-01', start: 5})-[:SUPPORTS]->(blocked)""").execute();
        Map<String, String> before = ids();

        run(DealIdsFromClaims.MIGRATION);

        Map<String, String> expected = new TreeMap<>(before);
        expected.put("deal-from-arrival", "deal-early");
        assertThat(ids()).isEqualTo(expected);
        assertThat(expected).containsEntry("deal-without-claims", "deal-without-claims").containsEntry("deal-blocked", "deal-blocked")
                .containsEntry("deal-aa-2023-09", "deal-aa-2023-09");
        assertThat(driver.executableQuery("MATCH (d:Deal {id: 'deal-early'}) RETURN d.timelineFrom AS key").execute()
                .records().get(0).get("key").asString()).isEqualTo("acme 2024-01 deal-early");

        run(DealIdsFromClaims.MIGRATION);
        assertThat(ids()).as("running it again changes nothing").isEqualTo(expected);
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
