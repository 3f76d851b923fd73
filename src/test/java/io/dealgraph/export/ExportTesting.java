package io.dealgraph.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealgraph.schema.SchemaMigrations;
import io.dealgraph.store.EmbeddedNeo4j;
import io.dealgraph.store.EmbeddedSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

/** Helpers shared by the export tests: selections, exports to bytes, and a second, empty database. */
final class ExportTesting {

    static final ObjectMapper JSON = new ObjectMapper();

    private ExportTesting() {
    }

    static Selection around(String center, int depth) {
        return new Selection(center, depth, null, null, null, null, null, null, true);
    }

    static Selection query(String cypher) {
        return new Selection(null, 1, null, null, null, null, cypher, Map.of(), true);
    }

    static byte[] export(Exporter exporter, Selection selection, ExportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.write(exporter.open(selection, format), out);
        return out.toByteArray();
    }

    static JsonNode json(Exporter exporter, Selection selection) {
        try {
            return JSON.readTree(export(exporter, selection, ExportFormat.JSON));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JSON export reduced to what must survive a round trip, independent of element order: node key to labels
     * and properties; "source -TYPE-> target" to properties.
     */
    static Map<String, Object> canonical(JsonNode doc) {
        Map<String, Object> nodes = new TreeMap<>();
        doc.path("elements").path("nodes").forEach(n -> {
            List<String> labels = new java.util.ArrayList<>();
            n.path("data").path("labels").forEach(l -> labels.add(l.asText()));
            labels.sort(null);
            nodes.put(n.path("data").path("id").asText(), Map.of("labels", labels, "properties", n.path("data").path("properties")));
        });
        Map<String, Object> edges = new TreeMap<>();
        doc.path("elements").path("edges").forEach(e -> {
            JsonNode d = e.path("data");
            edges.put(d.path("source").asText() + " -" + d.path("type").asText() + "-> " + d.path("target").asText(),
                    d.path("properties"));
        });
        return Map.of("nodes", nodes, "edges", edges);
    }

    static List<String> captions(JsonNode doc, String label) {
        return java.util.stream.StreamSupport.stream(doc.path("elements").path("nodes").spliterator(), false)
                .filter(n -> n.path("data").path("labels").toString().contains("\"" + label + "\""))
                .map(n -> n.path("data").path("caption").asText()).sorted().collect(Collectors.toList());
    }

    /** A second embedded Neo4j, empty, for loading exports back; close it after the test class. */
    static final class SecondDatabase implements AutoCloseable {
        final EmbeddedNeo4j neo4j;
        final Driver driver;

        SecondDatabase(Path dir) {
            neo4j = EmbeddedNeo4j.start(new EmbeddedSettings(dir, "127.0.0.1", 0, "32m", ""), "neo4j");
            driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none());
            // What dealgraph pointed at this database would do first; its name lookups need the schema's indexes.
            new SchemaMigrations(driver, "neo4j").migrate();
        }

        void wipe() {
            try (Session s = driver.session()) {
                s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume();
            }
        }

        Exporter exporter() {
            return new Exporter(driver, "neo4j", new ExportSettings(0, 0));
        }

        @Override
        public void close() {
            driver.close();
            neo4j.close();
        }
    }
}
