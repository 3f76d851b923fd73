package io.dealgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealgraph.testing.EmbeddedStoreTest;
import io.dealgraph.testing.GraphFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** POST /api/documents through HTTP: what a client sends, what it gets back, and what the graph holds after. */
@EmbeddedStoreTest
class DocumentApiIT {

    static final String ARTICLE = """
            Orbitale Robotics raises $120 million

            Orbitale Robotics said on Tuesday it had raised $120 million in a round led by Index Ventures, with \
            participation from Nvidia. The startup also agreed to spend $30 million on Google Cloud over three years.
            """;

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void empty() {
        GraphFixtures.wipe(driver);
    }

    HttpResponse<String> post(String query, String contentType, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/documents" + query))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPlainTextArticleIsIngestedAndItsFactsComeBack() throws Exception {
        HttpResponse<String> first = post("?name=orbitale.txt&published=2025-03-04&url=https://example.com/orbitale",
                "text/plain; charset=utf-8", ARTICLE.getBytes(StandardCharsets.UTF_8));
        assertThat(first.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(first.body());
        assertThat(body.path("status").asText()).isEqualTo("ingested");
        assertThat(body.path("documentId").asText()).hasSize(64);
        assertThat(body.path("facts").findValuesAsText("from")).contains("Index Ventures", "Orbitale Robotics");
        assertThat(driver.executableQuery("""
                MATCH (:Company {name: 'Index Ventures'})-[:INVESTS_IN]->(:Company {name: 'Orbitale Robotics'})
                MATCH (d:Document {url: 'https://example.com/orbitale'})
                RETURN d.published AS published""").execute().records().get(0).get("published").asString()).isEqualTo("2025-03-04");

        HttpResponse<String> again = post("?name=copy.txt", "text/plain", ARTICLE.getBytes(StandardCharsets.UTF_8));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).path("status").asText()).isEqualTo("duplicate");
        assertThat(count("Document")).isEqualTo(1);
    }

    @Test
    void jsonLinesBecomeAJobWhoseProgressCanBeFollowed() throws Exception {
        String lines = json.writeValueAsString(Map.of("id", "a", "url", "https://example.com/a", "published", "2024-05-01", "text", ARTICLE)) + "\n"
                + json.writeValueAsString(Map.of("id", "b", "html", "<html><body><article><p>Lumen Bio took $15 million from "
                + "Amazon in a seed round.</p></article></body></html>")) + "\n";
        HttpResponse<String> accepted = post("", "application/x-ndjson", lines.getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.statusCode()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode job;
        long deadline = System.currentTimeMillis() + 60_000;
        do {
            Thread.sleep(100);
            job = json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + location)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } while (!job.path("state").asText().equals("DONE") && System.currentTimeMillis() < deadline);
        assertThat(job.path("state").asText()).isEqualTo("DONE");
        assertThat(job.path("progress").path("ingested").asInt()).isEqualTo(2);
        assertThat(count("Document")).isEqualTo(2);
    }

    @Test
    void badInputIsRefusedWithAProblemAndNothingIsWritten() throws Exception {
        assertRefused(post("", "text/plain", new byte[0]), 400, "empty");
        assertRefused(post("", "text/plain", new byte[]{'a', 0, 1, 2, 3}), 400, "binary");
        assertRefused(post("", "text/plain", new byte[]{'N', 'e', 'w', 's', ' ', (byte) 0xC3, (byte) 0x28}), 400, "UTF-8");
        assertRefused(post("", "application/json", "{\"text\": \"unterminated".getBytes(StandardCharsets.UTF_8)), 400, "JSON");
        assertRefused(post("", "application/json", "{\"title\": \"no text\"}".getBytes(StandardCharsets.UTF_8)), 400, "no text");
        assertRefused(post("?published=last-tuesday", "text/plain", ARTICLE.getBytes(StandardCharsets.UTF_8)), 400, "YYYY-MM-DD");
        byte[] huge = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        assertRefused(post("", "text/plain", huge), 413, "limit");
        assertThat(count("Document")).isZero();
        assertThat(count("Claim")).isZero();
        // and the server is still there to take a good one
        assertThat(post("", "text/plain", ARTICLE.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(201);
    }

    @Test
    void requestsTheApiCannotTakeAreProblemsToo() throws Exception {
        assertRefused(post("", "application/pdf", new byte[]{'%', 'P', 'D', 'F'}), 415, "application/pdf");
        String boundary = "b";
        byte[] noFile = ("--b\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8);
        assertRefused(post("", "multipart/form-data; boundary=" + boundary, noFile), 400, "file");
        assertThat(count("Document")).isZero();
    }

    @Test
    void anUnknownJobIsA404Problem() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/jobs/nope")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertRefused(r, 404, "no ingest job");
    }

    void assertRefused(HttpResponse<String> r, int status, String mentions) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(r.body()).path("detail").asText()).containsIgnoringCase(mentions);
    }

    long count(String label) {
        return driver.executableQuery("MATCH (n:" + label + ") RETURN count(n) AS n").execute().records().get(0).get("n").asLong();
    }
}
