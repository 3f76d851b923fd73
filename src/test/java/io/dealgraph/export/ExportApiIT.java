package io.dealgraph.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealgraph.ingest.IngestService;
import io.dealgraph.store.EmbeddedNeo4j;
import io.dealgraph.testing.EmbeddedStoreTest;
import io.dealgraph.testing.GraphFixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The export through REST and through the {@code export} command, as a user calls them. */
@EmbeddedStoreTest
class ExportApiIT {

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    EmbeddedNeo4j embedded;

    final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    IngestService ingest;

    @BeforeEach
    void seeds() {
        GraphFixtures.loadIngestedSeeds(ingest, driver);
    }

    HttpResponse<byte[]> get(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/export?" + query)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/export"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void getServesEachFormatWithItsTypeAndFileName() throws Exception {
        HttpResponse<byte[]> graphml = get("center=Anthropic&depth=2&format=graphml");
        assertThat(graphml.statusCode()).isEqualTo(200);
        assertThat(graphml.headers().firstValue("Content-Type")).hasValue("application/graphml+xml");
        assertThat(graphml.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment").contains("anthropic-2.graphml");
        assertThat(new String(graphml.body(), StandardCharsets.UTF_8)).contains("<graphml").contains("Amazon Web Services");

        HttpResponse<byte[]> json = get("center=AWS&depth=1");
        assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(ExportTesting.JSON.readTree(json.body()).path("counts").path("nodes").asInt()).isPositive();

        HttpResponse<byte[]> csv = get("center=Anthropic&format=csv");
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("anthropic-2.zip");
        List<String> entries = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(csv.body()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.add(e.getName() + ":" + new String(zip.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse(""));
            }
        }
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0)).startsWith("nodes.csv::ID,:LABEL,");
        assertThat(entries.get(1)).startsWith("relationships.csv::START_ID,:END_ID,:TYPE");

        HttpResponse<byte[]> nodes = get("center=Anthropic&format=csv&part=nodes");
        assertThat(nodes.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(new String(nodes.body(), StandardCharsets.UTF_8)).startsWith(":ID,:LABEL,");

        HttpResponse<byte[]> cypher = get("between=Amazon,OpenAI&format=cypher");
        assertThat(new String(cypher.body(), StandardCharsets.UTF_8)).contains("MERGE (n:Company {id: 'openai'})");
    }

    @Test
    void postTakesAReadOnlyQueryWithParameters() throws Exception {
        HttpResponse<byte[]> r = post("""
                {"query": "MATCH p = (:Company {name: $name})-[:INVESTS_IN]->() RETURN p", "params": {"name": "Amazon"},
                 "format": "json"}""");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = ExportTesting.JSON.readTree(r.body());
        List<String> companies = new ArrayList<>(driver.executableQuery(
                "MATCH (:Company {name: 'Amazon'})-[:INVESTS_IN]->(c) RETURN c.name AS name").execute().records().stream()
                .map(x -> x.get("name").asString()).toList());
        // the gold timeline: Amazon funds Anthropic and OpenAI
        assertThat(companies).contains("Anthropic", "OpenAI");
        companies.add("Amazon");
        companies.sort(null);
        assertThat(ExportTesting.captions(doc, "Company")).containsExactlyElementsOf(companies);
    }

    @Test
    void badRequestsAreProblemDocuments() throws Exception {
        assertProblem(get("center=Nobody&format=json"), 404, "no company, cloud or chip is called 'Nobody'");
        assertProblem(get("center=Anthropic&depth=7"), 400, "depth must be 1, 2 or 3");
        assertProblem(get("center=Anthropic&depth=two"), 400, "depth must be 1, 2 or 3");
        assertProblem(get("center=Anthropic&format=pdf"), 400, "unknown format 'pdf'");
        assertProblem(get("center=Anthropic&from=last-year"), 400, "dates are YYYY");
        assertProblem(get("center=Anthropic&between=Amazon,OpenAI"), 400, "choose one of");
        assertProblem(get("center=Anthropic&format=json&part=nodes"), 400, "part is for csv only");
        assertProblem(post("{\"query\": \"MATCH (n) DETACH DELETE n\"}"), 400, "read-only");
        assertProblem(post("{\"query\": \"MATCH (n RETURN n\"}"), 400, "the query failed");
    }

    private static void assertProblem(HttpResponse<byte[]> r, int status, String detail) throws Exception {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = ExportTesting.JSON.readTree(r.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).contains(detail);
    }

    @Test
    void theCommandExportsToAFileAndExplainsFailures(@TempDir Path dir) throws Exception {
        String store = "--dealgraph.neo4j.uri=" + embedded.boltUri();
        Path file = dir.resolve("anthropic.graphml");
        Result ok = cli("export", "--center", "Anthropic", "--depth", "2", "--format", "graphml", "-o", file.toString(), store);
        assertThat(ok.status).as(ok.err).isZero();
        int nodes = ExportTesting.JSON.readTree(get("center=Anthropic&depth=2&format=json").body()).path("counts").path("nodes").asInt();
        assertThat(ok.err).contains(nodes + " nodes");
        // the gold timeline: Anthropic trains on Trainium, which Amazon makes
        assertThat(Files.readString(file)).contains("<graphml").contains(">Trainium<");

        Result csv = cli("export", "--center", "aws", "--format", "csv", "-o", dir.resolve("aws").toString(), store);
        assertThat(csv.status).as(csv.err).isZero();
        assertThat(Files.readString(dir.resolve("aws/nodes.csv"))).startsWith(":ID,:LABEL,");
        assertThat(Files.readString(dir.resolve("aws/relationships.csv"))).startsWith(":START_ID,:END_ID,:TYPE");

        Result missing = cli("export", "--center", "Nobody", "--format", "json", "-o", dir.resolve("x.json").toString(), store);
        assertThat(missing.status).isEqualTo(1);
        assertThat(missing.err).contains("no company, cloud or chip is called 'Nobody'").doesNotContain("Exception");
        assertThat(dir.resolve("x.json")).doesNotExist();

        Result tooMany = cli("export", "--format", "json", store, "--dealgraph.export.max-elements=10");
        assertThat(tooMany.status).isEqualTo(1);
        assertThat(tooMany.err).contains("more than the limit of 10");
    }

    @Test
    void usageErrorsNeedNoDatabase() {
        assertThat(cli("export", "--center", "Anthropic").status).isEqualTo(2);
        Result depth = cli("export", "--center", "Anthropic", "--depth", "5", "--format", "json");
        assertThat(depth.status).isEqualTo(2);
        assertThat(depth.err).contains("depth must be 1, 2 or 3");
        assertThat(cli("export", "--format", "csv").err).contains("csv is two files");
        assertThat(cli("export", "--format", "xlsx").err).contains("unknown format 'xlsx'");
    }

    record Result(int status, String out, String err) {
    }

    static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = io.dealgraph.cli.Commands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
