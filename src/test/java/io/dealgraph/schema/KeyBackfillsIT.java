package io.dealgraph.schema;

import static org.assertj.core.api.Assertions.assertThat;

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
 * V0005-V0007 (schema/KeyBackfills) on a graph written before timeline, rank and pair-edge keys: the ingested seeds
 * without them. The back-fills must write the keys ingest writes.
 */
@EmbeddedStoreTest
class KeyBackfillsIT {

    static final String KEYS = """
            MATCH (d:Deal) RETURN 'deal ' + d.id AS k, [d.timelineFrom, d.timelineTo] AS v
            UNION ALL
            MATCH (f)-[e:INVESTS_IN|COMMITS_SPEND_TO]->(t) RETURN type(e) + ' ' + f.id + ' ' + t.id AS k, [e.pair, e.rankFrom, e.rankTo] AS v""";

    @Autowired
    IngestService ingest;

    @Autowired
    Driver driver;

    @Test
    void theBackfillsWriteTheKeysIngestWrites() {
        GraphFixtures.loadIngestedSeeds(ingest, driver);
        Map<String, Object> ingested = keys();
        driver.executableQuery("""
                MATCH (d:Deal) REMOVE d.timelineFrom, d.timelineTo
                WITH count(*) AS deals
                MATCH ()-[e:INVESTS_IN|COMMITS_SPEND_TO]->() REMOVE e.pair, e.rankFrom, e.rankTo""").execute();
        assertThat(keys().values()).as("stripped").allSatisfy(v -> assertThat((Iterable<?>) v).containsOnlyNulls());

        KeyBackfills.fillAll(driver, "neo4j");

        assertThat(keys()).isEqualTo(ingested).hasSizeGreaterThan(10);
        assertThat(KeysContract.check(driver)).isGreaterThan(50);
    }

    private Map<String, Object> keys() {
        Map<String, Object> m = new TreeMap<>();
        driver.executableQuery(KEYS).execute().records().forEach(r -> m.put(r.get("k").asString(), r.get("v").asList()));
        return m;
    }
}
