package io.dealgraph.export;

import static io.dealgraph.export.ExportTesting.around;
import static io.dealgraph.export.ExportTesting.export;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealgraph.ingest.IngestService;
import io.dealgraph.testing.EmbeddedStoreTest;
import io.dealgraph.testing.GraphFixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/** The issue's "done when": the seed articles ingested for real, Anthropic's 2-hop neighbourhood in every format. */
@EmbeddedStoreTest
class SeedsExportIT {

    @Autowired
    IngestService ingest;

    @Autowired
    Driver driver;

    @Autowired
    Exporter exporter;

    @Test
    void anthropicsNeighbourhoodFromTheIngestedSeedsExportsInEveryFormat() throws Exception {
        GraphFixtures.loadIngestedSeeds(ingest, driver);

        JsonNode json = ExportTesting.json(exporter, around("Anthropic", 2));
        assertThat(ExportTesting.captions(json, "Company")).contains("Anthropic", "Amazon");
        assertThat(ExportTesting.captions(json, "Cloud")).isNotEmpty();
        assertThat(json.path("counts").path("nodes").asInt()).isEqualTo(json.path("elements").path("nodes").size());
        // Provenance: claims with their sentences, and the documents they cite (plain-text seeds have no URL).
        assertThat(json.toString()).contains("\"evidence\"").contains("\"SOURCED_FROM\"");
        assertThat(ExportTesting.captions(json, "Document")).isNotEmpty();

        byte[] graphml = export(exporter, around("Anthropic", 2), ExportFormat.GRAPHML);
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(GraphMLImporter.class.getResource("/graphml.xsd"))
                .newValidator().validate(new StreamSource(new ByteArrayInputStream(graphml)));

        String cypher = new String(export(exporter, around("Anthropic", 2), ExportFormat.CYPHER), StandardCharsets.UTF_8);
        assertThat(cypher.lines().filter(l -> l.startsWith("MERGE (n")).count()).isEqualTo(json.path("counts").path("nodes").asLong());

        Path dir = Path.of("target/report");
        Files.createDirectories(dir);
        String html = new String(export(exporter, around("Anthropic", 2), ExportFormat.HTML), StandardCharsets.UTF_8);
        assertThat(html).contains("<h1>Anthropic: 2-hop neighbourhood</h1>").contains("Deals over time: investments and spend commitments");
        Files.writeString(dir.resolve("seeds-anthropic-2.html"), html);
        // The real articles say that Anthropic uses Trainium in two places: one fact, one row, both sentences.
        String facts = html.substring(html.indexOf("<h2>Other facts</h2>"), html.indexOf("<h2>Sources</h2>"));
        List<String> rows = Arrays.stream(facts.split("<tr>")).skip(2).map(r -> r.substring(0, r.indexOf("data-label=\"Sources\""))).toList();
        assertThat(rows).as("Other facts, by fact, subject, object and amount").isNotEmpty().doesNotHaveDuplicates();
        // Untitled plain-text seeds are listed by file and the day they were ingested; quotes carry no markdown.
        assertThat(html).contains("a file without a title · no date given; ingested ").doesNotContainPattern("<q>[^<]*\\]\\(http");
        Files.write(dir.resolve("seeds-anthropic-2.png"), export(exporter, around("Anthropic", 2), ExportFormat.PNG));
        exporter.writeCsvDirectory(exporter.open(around("Anthropic", 2), ExportFormat.CSV), dir.resolve("seeds-anthropic-2-csv"));
        assertThat(Files.readString(dir.resolve("seeds-anthropic-2-csv/nodes.csv"))).startsWith(":ID,:LABEL,");
    }
}
