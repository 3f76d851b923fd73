package io.dealgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealgraph.extract.Document;
import io.dealgraph.testing.EmbeddedStoreTest;
import io.dealgraph.testing.GraphFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Many clients sending the same document at the same moment: one of them ingests it, every other one is told it is
 * a duplicate, nobody gets a server error, and the graph holds it once.
 */
@EmbeddedStoreTest
class ConcurrentIngestIT {

    static final int CLIENTS = 24;

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    IngestService ingest;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void empty() {
        GraphFixtures.wipe(driver);
    }

    @Test
    void theSameDocumentPostedByManyClientsAtOnceIsIngestedOnceAndTheRestAreDuplicates() throws Exception {
        byte[] body = DocumentApiIT.ARTICLE.getBytes(StandardCharsets.UTF_8);
        List<HttpResponse<String>> answers = all(CLIENTS, i -> post("?name=client-" + i + ".txt&published=2025-03-04", "text/plain", body));

        Map<Integer, Integer> byStatus = new TreeMap<>();
        answers.forEach(a -> byStatus.merge(a.statusCode(), 1, Integer::sum));
        assertThat(byStatus).as(answers.stream().filter(a -> a.statusCode() >= 500).map(HttpResponse::body).findFirst().orElse(""))
                .containsExactlyInAnyOrderEntriesOf(Map.of(201, 1, 200, CLIENTS - 1));
        for (HttpResponse<String> a : answers) {
            String status = json.readTree(a.body()).path("status").asText();
            assertThat(status).isEqualTo(a.statusCode() == 201 ? "ingested" : "duplicate");
        }
        assertThat(count("MATCH (d:Document) RETURN count(d) AS n")).isEqualTo(1);
        // and what it says is written once: the claims of one ingest, not of several
        long claims = count("MATCH (c:Claim) RETURN count(c) AS n");
        GraphFixtures.wipe(driver);
        assertThat(post("?published=2025-03-04", "text/plain", body).statusCode()).isEqualTo(201);
        assertThat(count("MATCH (c:Claim) RETURN count(c) AS n")).isEqualTo(claims);
    }

    @Test
    void theSameDocumentUploadedAsFilesByManyClientsAtOnceGivesNoServerError() throws Exception {
        String boundary = "dealgraph-boundary";
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"orbitale.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + DocumentApiIT.ARTICLE + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        List<HttpResponse<String>> answers = all(CLIENTS / 2, i -> post("", "multipart/form-data; boundary=" + boundary, body));
        assertThat(answers).extracting(HttpResponse::statusCode).as(answers.toString()).containsOnly(201, 200)
                .filteredOn(s -> s == 201).hasSize(1);
        assertThat(count("MATCH (d:Document) RETURN count(d) AS n")).isEqualTo(1);
    }

    @Test
    void theSameDocumentTwiceInOneRunIsIngestedOnce() {
        Document d = new Document("a.txt", null, null, java.time.LocalDate.parse("2025-03-04"), DocumentApiIT.ARTICLE);
        Document copy = new Document("copy-of-a.txt", null, null, java.time.LocalDate.parse("2025-03-04"), DocumentApiIT.ARTICLE);
        IngestProgress progress = new IngestProgress();
        ingest.ingestAll(List.of(IngestService.Input.documents("both", List.of(d, copy))), progress);
        assertThat(progress.snapshot().ingested()).isEqualTo(1);
        assertThat(progress.snapshot().duplicates()).isEqualTo(1);
        assertThat(progress.snapshot().rejected()).isZero();
        assertThat(count("MATCH (d:Document) RETURN count(d) AS n")).isEqualTo(1);
    }

    interface Call {
        HttpResponse<String> send(int client) throws Exception;
    }

    /** {@code n} clients, released together by a barrier, each making one call. */
    private List<HttpResponse<String>> all(int n, Call call) throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        ExecutorService clients = Executors.newFixedThreadPool(n);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int client = i;
                futures.add(clients.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return call.send(client);
                }));
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                answers.add(f.get(2, TimeUnit.MINUTES));
            }
            return answers;
        } finally {
            clients.shutdownNow();
        }
    }

    private HttpResponse<String> post(String query, String contentType, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/documents" + query))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private long count(String cypher) {
        return driver.executableQuery(cypher).execute().records().get(0).get("n").asLong();
    }
}
