package io.dealgraph.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import io.dealgraph.extract.DocumentReader;
import io.dealgraph.graph.CypherScript;
import io.dealgraph.graph.Keys;
import io.dealgraph.graph.Label;
import io.dealgraph.graph.RelType;
import io.dealgraph.ingest.IngestService;
import io.dealgraph.schema.KeyBackfills;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * Graphs for tests. Test classes annotated {@link EmbeddedStoreTest} share one application context and so one
 * database: a test that needs a known graph wipes the data first (the schema and its migration records stay).
 */
public final class GraphFixtures {

    /** The five real articles the product was conceived from, read where they are (next to the project), never copied. */
    public static final Path SEEDS = Path.of("..", "shared", "corpus", "seeds");

    private GraphFixtures() {
    }

    /**
     * Skips the calling test when the seeds are absent (a contributor without {@code ../shared}), but fails it in CI
     * (the environment variable {@code CI} set, as CI services and {@code .ci/run} set it): there a skipped quality
     * gate would leave the build green with nothing checked.
     */
    public static void assumeSeeds() {
        if (java.nio.file.Files.isDirectory(SEEDS)) {
            return;
        }
        String ci = System.getenv("CI");
        String why = "the seed articles are not at " + SEEDS.toAbsolutePath().normalize() + " (../shared/corpus/seeds beside the clone)";
        if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
            org.junit.jupiter.api.Assertions.fail(why + "; in CI (CI=" + ci + ") the tests that need them must run, not skip");
        }
        org.junit.jupiter.api.Assumptions.abort(why);
    }

    /** The seed articles as ingest inputs, in file order. */
    public static List<IngestService.Input> seedDocuments() throws IOException {
        return DocumentReader.collect(List.of(SEEDS)).stream().map(p -> IngestService.Input.file(p, null)).toList();
    }

    /** Deletes every node and relationship except the schema's migration bookkeeping. */
    public static void wipe(Driver driver) {
        // CALL ... IN TRANSACTIONS needs an auto-commit transaction, which only a session's run gives.
        try (Session session = driver.session()) {
            session.run("""
                    MATCH (n) WHERE NOT n:__Migration AND NOT n:__MigrationLock
                    CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS""").consume();
        }
    }

    /**
     * Wipes, then loads {@code fixtures/seeds-graph.cypher}: a hand-written graph in the shape ingest writes. The file
     * has no keys; they are computed here with graph/Keys: each deal's pair key, then the timeline, rank and pair-edge
     * keys by the migrations' back-fills (schema/KeyBackfills).
     */
    public static void loadSeedsGraph(Driver driver) {
        wipe(driver);
        statements("/fixtures/seeds-graph.cypher").forEach(s -> driver.executableQuery(s).execute());
        List<Map<String, Object>> pairs = driver.executableQuery("""
                MATCH (f)-[:MADE]->(d:Deal)-[:TO]->(t) WHERE d.pair IS NULL
                RETURN elementId(d) AS deal, d.type AS type, f.id AS from, t.id AS to, t:Cloud AS toCloud""")
                .execute().records().stream()
                .map(r -> Map.<String, Object>of("deal", r.get("deal").asString(), "pair", Keys.pair(RelType.valueOf(r.get("type").asString()),
                        r.get("from").asString(), r.get("toCloud").asBoolean() ? Label.Cloud : Label.Company, r.get("to").asString())))
                .toList();
        driver.executableQuery("UNWIND $rows AS k MATCH (d:Deal) WHERE elementId(d) = k.deal SET d.pair = k.pair")
                .withParameters(Map.of("rows", pairs)).execute();
        KeyBackfills.fillAll(driver, "neo4j");
    }

    /** The statements of a Cypher script: each ends with a semicolon at the end of a line; // comments dropped. */
    public static List<String> statements(String resource) {
        try (InputStream in = GraphFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            return CypherScript.parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8)).statements();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
