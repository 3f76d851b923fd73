package io.dealgraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealgraph.testing.EmbeddedStoreTest;
import io.dealgraph.testing.GraphFixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The probes of a careless client and an attacker against a server with an API token, replayed on every build:
 * no spelling of a protected path gets past the token, and every refusal is problem JSON.
 */
@EmbeddedStoreTest
@TestPropertySource(properties = {"dealgraph.security.api-token=" + SecurityProbesIT.TOKEN, "server.tomcat.max-part-count=70"})
class SecurityProbesIT {

    static final String TOKEN = "probe-token-7f3a";
    static final Map<String, String> SIGNED = Map.of("Authorization", "Bearer " + TOKEN);
    static final String ARTICLE = "Orbitale Robotics raised $120 million in a round led by Index Ventures.";

    /** Every kind of protected route: reads, exports, jobs, writes, uploads, re-extraction, the actuator. */
    record Route(String method, String path, String contentType, String body) {
    }

    static final List<Route> PROTECTED = List.of(
            new Route("GET", "/api/stats", null, null),
            new Route("GET", "/api/entities?q=Amazon", null, null),
            new Route("GET", "/api/companies/Anthropic/funders", null, null),
            new Route("GET", "/api/timeline", null, null),
            new Route("GET", "/api/export?format=json", null, null),
            new Route("GET", "/api/jobs/some-job", null, null),
            new Route("POST", "/api/cypher", "application/json", "{\"query\": \"MATCH (n) RETURN count(n)\"}"),
            new Route("POST", "/api/documents", "text/plain", ARTICLE),
            new Route("POST", "/api/documents", "multipart/form-data; boundary=XyZ",
                    "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n" + ARTICLE + "\r\n--XyZ--\r\n"),
            new Route("POST", "/api/reextract", null, null),
            new Route("GET", "/actuator/info", null, null),
            new Route("GET", "/actuator/health/neo4j", null, null));

    /** Spellings of one path that a raw-path check would not recognise as that path. */
    static final List<UnaryOperator<String>> TRICKS = List.of(
            p -> p,
            p -> p.replaceFirst("^/(\\w+)", "/$1;x=1"),
            p -> p.replaceFirst("^/(\\w+)", "/$1;"),
            p -> p.replaceFirst("^/(\\w+)/", "/$1;jsessionid=1/"),
            p -> p.replaceFirst("^/a", "/%61"),
            p -> p.replaceFirst("^/(\\w+)/", "/$1//"),
            p -> "/" + p,
            p -> p.replaceFirst("^/(\\w+)/", "/$1/./"),
            p -> p.replaceFirst("^/(\\w+)/", "/$1/%2e/"),
            p -> "/browser/.." + p,
            p -> "/browser/%2e%2e" + p,
            p -> "/actuator/health/.." + p.substring(p.indexOf('/', 1)),
            p -> "/browser/..;" + p,
            p -> "/" + p.substring(1, p.indexOf('/', 1)).toUpperCase(java.util.Locale.ROOT) + p.substring(p.indexOf('/', 1)),
            p -> p.contains("?") ? p.replace("?", "/?") : p + "/",
            p -> p.replaceFirst("^/(\\w+)/", "/$1%2F"),
            p -> p.replaceFirst("^/(\\w+)/", "/$1%2f./"));

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    final ObjectMapper json = new ObjectMapper();
    RawHttp http;

    @BeforeEach
    void empty() {
        GraphFixtures.wipe(driver);
        http = new RawHttp(port);
    }

    RawHttp.Answer call(Route route, String path, Map<String, String> headers) throws Exception {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        if (route.contentType() != null) {
            all.put("Content-Type", route.contentType());
        }
        return http.send(route.method(), path, all, route.body() == null ? null : route.body().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void noSpellingOfAProtectedPathGetsPastTheToken() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Route route : PROTECTED) {
            for (UnaryOperator<String> trick : TRICKS) {
                String path = trick.apply(route.path());
                RawHttp.Answer answer = call(route, path, Map.of());
                // 401: judged as the protected route it is; 400: refused as not in normal form; 404: nothing there,
                // but not a handler's own 404 (an unknown company, a job that does not exist), which would mean it ran.
                boolean handlerAnswered = answer.status() == 404
                        && (answer.body().contains("Unknown entity") || answer.body().contains("No such job"));
                if (!List.of(400, 401, 404).contains(answer.status()) || handlerAnswered) {
                    leaks.add(route.method() + " " + path + " -> " + answer.status());
                } else if (answer.status() == 401) {
                    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
                    assertThat(json.readTree(answer.body()).path("status").asInt()).isEqualTo(401);
                }
            }
        }
        assertThat(leaks).as("requests without the token that were answered").isEmpty();
        assertThat(count("Document")).as("documents written without the token").isZero();
    }

    @Test
    void aWrongTokenIsRefusedAndTheRightOneOpensEveryRoute() throws Exception {
        for (Route route : PROTECTED) {
            assertThat(call(route, route.path(), Map.of("Authorization", "Bearer not-" + TOKEN)).status())
                    .as(route.path()).isEqualTo(401);
        }
        for (Route route : PROTECTED) {
            int status = call(route, route.path(), SIGNED).status();
            assertThat(status).as(route.method() + " " + route.path()).isNotIn(401, 403).isLessThan(500);
        }
        assertThat(count("Document")).isEqualTo(1);
    }

    @Test
    void pathsNotInNormalFormAreRefusedWithProblemJson() throws Exception {
        for (String path : List.of("/api;x=1/stats", "/api//stats", "/api/./stats", "/browser/../api/stats", "/api/%2e/stats")) {
            RawHttp.Answer answer = http.get(path, SIGNED);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(json.readTree(answer.body()).path("detail").asText()).contains("normal form");
        }
        // Names with slashes, backslashes and percent signs still travel encoded in a path segment.
        RawHttp.Answer slash = http.get("/api/companies/A%2FB%5CC%25D/funders", SIGNED);
        assertThat(slash.status()).isEqualTo(404);
        assertThat(json.readTree(slash.body()).path("name").asText()).isEqualTo("A/B\\C%D");
    }

    @Test
    void healthSaysUpToAnyoneAndItsDetailsOnlyToTokenHolders() throws Exception {
        JsonNode open = json.readTree(http.get("/actuator/health", Map.of()).body());
        assertThat(open.path("status").asText()).isEqualTo("UP");
        assertThat(open.has("components")).isFalse();
        assertThat(open.toString()).doesNotContain("path").doesNotContain("bolt").doesNotContain("version");
        JsonNode signed = json.readTree(http.get("/actuator/health", SIGNED).body());
        assertThat(signed.path("components").path("neo4j").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void browserDiscoveryAndTheApiDescriptionStayOpen() throws Exception {
        assertThat(http.get("/browser/", Map.of()).status()).isEqualTo(200);
        assertThat(http.get("/", Map.of("Accept", "application/json")).status()).isEqualTo(200);
        assertThat(http.get("/v3/api-docs", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void theErrorPageIsNotAnEndpoint() throws Exception {
        RawHttp.Answer answer = http.get("/error", SIGNED);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(json.readTree(answer.body()).path("status").asInt()).isEqualTo(404);
    }

    @Test
    void administrationCommandsAreRefusedAsSuch() throws Exception {
        for (String command : List.of("SHOW USERS", "SHOW DATABASES", "SHOW TRANSACTIONS", "TERMINATE TRANSACTIONS 'neo4j-transaction-1'")) {
            RawHttp.Answer answer = http.send("POST", "/api/cypher", merge(SIGNED, "Content-Type", "application/json"),
                    json.writeValueAsBytes(Map.of("query", command)));
            assertThat(answer.status()).as(command).isEqualTo(400);
            assertThat(json.readTree(answer.body()).path("detail").asText()).as(command).contains("dministration");
        }
    }

    @Test
    void uploadsOfManySmallFilesAreTakenAndTooManyPartsAreNamedAsSuch() throws Exception {
        RawHttp.Answer sixty = http.send("POST", "/api/documents", merge(SIGNED, "Content-Type", "multipart/form-data; boundary=XyZ"),
                multipart(60));
        assertThat(sixty.status()).isEqualTo(202);
        awaitJob(sixty.header("Location"));
        RawHttp.Answer tooMany = http.send("POST", "/api/documents", merge(SIGNED, "Content-Type", "multipart/form-data; boundary=XyZ"),
                multipart(80));
        assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(413);
        JsonNode problem = json.readTree(tooMany.body());
        assertThat(problem.path("title").asText()).isEqualTo("Too many files");
        assertThat(problem.path("detail").asText()).contains("70").contains("DEALGRAPH_MAX_UPLOAD_FILES");
    }

    @Test
    void jsonWithTrailingContentAndBlankLinesAreRefusedNotHalfRead() throws Exception {
        byte[] twoValues = ("{\"text\": \"" + ARTICLE + "\"}\n{\"text\": \"Lumen Bio raised $15 million from Amazon.\"}")
                .getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer trailing = http.send("POST", "/api/documents", merge(SIGNED, "Content-Type", "application/json"), twoValues);
        assertThat(trailing.status()).isEqualTo(400);
        assertThat(json.readTree(trailing.body()).path("detail").asText()).contains("line 2");
        RawHttp.Answer blank = http.send("POST", "/api/documents", merge(SIGNED, "Content-Type", "application/x-ndjson"),
                " \n\t\n  \n".getBytes(StandardCharsets.UTF_8));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(count("Document")).isZero();
    }

    @Test
    void aCypherBodyOfMegabytesIsRefusedBeforeItIsParsed() throws Exception {
        byte[] huge = ("{\"query\": \"RETURN $x\", \"parameters\": {\"x\": \"" + "a".repeat(2_000_000) + "\"}}").getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer answer = http.send("POST", "/api/cypher", merge(SIGNED, "Content-Type", "application/json"), huge);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(json.readTree(answer.body()).path("detail").asText()).contains("cypher-max-body");
    }

    /** Jobs write in the background; the next test's wipe must not race one. */
    void awaitJob(String location) throws Exception {
        for (int i = 0; i < 600; i++) {
            JsonNode job = json.readTree(http.get(location, SIGNED).body());
            String state = job.path("state").asText().toLowerCase(java.util.Locale.ROOT);
            if (!state.equals("running") && !state.equals("queued")) {
                assertThat(state).isEqualTo("done");
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + location + " did not finish");
    }

    static Map<String, String> merge(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put(name, value);
        return all;
    }

    static byte[] multipart(int files) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < files; i++) {
            body.append("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"n").append(i).append(".txt\"\r\n\r\n")
                    .append("Company").append(i).append(" Labs raised $").append(i + 1).append(" million from Index Ventures.\r\n");
        }
        return body.append("--XyZ--\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    long count(String label) {
        return driver.executableQuery("MATCH (n:" + label + ") RETURN count(n) AS n").execute().records().get(0).get("n").asLong();
    }
}
