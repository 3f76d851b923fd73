package io.dealgraph.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealgraph.testing.EmbeddedStoreTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A query Neo4j cannot stop (pure expressions: the database checks its timeout only when a query touches the store)
 * still gets its answer at the deadline, and holds one of the console's few slots, not the server.
 */
@EmbeddedStoreTest
@TestPropertySource(properties = {"dealgraph.query.timeout=1s", "dealgraph.query.cypher-concurrency=1"})
class CypherRunawayIT {

    /** About 1.5 × 10^8 steps of expression work: several times the deadline on any machine, and no store access at all. */
    static final String RUNAWAY = "RETURN reduce(s = 0, a IN range(1, 500000) | s + size([b IN range(1, 300) WHERE b % 7 = a % 7])) AS n";

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    HttpResponse<String> cypher(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/cypher"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(Map.of("query", query)))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aQueryTheDatabaseCannotStopIsAnsweredAtItsDeadlineAndHoldsOnlyItsSlot() throws Exception {
        HttpResponse<String> runaway = cypher(RUNAWAY);
        assertThat(runaway.statusCode()).isEqualTo(400);
        assertThat(json.readTree(runaway.body()).path("title").asText()).isEqualTo("Query timed out");

        // Its work goes on in the database; with one slot, the next caller is told to come back, not queued behind it.
        HttpResponse<String> next = cypher("RETURN 1 AS one");
        assertThat(next.statusCode()).isEqualTo(503);
        assertThat(next.headers().firstValue("Retry-After")).isPresent();
        JsonNode problem = json.readTree(next.body());
        assertThat(problem.path("detail").asText()).contains("cypher-concurrency");
    }

    @Test
    void aLiteralRangeOfBillionsIsRefusedBeforeItRuns() throws Exception {
        HttpResponse<String> answer = cypher("RETURN reduce(s = 0, x IN range(1, 1000000000) | s + x) AS t");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json.readTree(answer.body()).path("detail").asText()).contains("range()");
    }
}
