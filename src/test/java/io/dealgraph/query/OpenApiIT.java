package io.dealgraph.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealgraph.testing.EmbeddedStoreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The OpenAPI description lists every endpoint with seed examples, and Swagger UI is served. */
@EmbeddedStoreTest
class OpenApiIT {

    @Autowired
    TestRestTemplate http;

    @Test
    void theDescriptionListsEveryEndpoint() {
        ResponseEntity<JsonNode> r = http.getForEntity("/v3/api-docs", JsonNode.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode paths = r.getBody().get("paths");
        assertThat(paths.has("/api/entities")).isTrue();
        for (String path : new String[]{"/api/entities", "/api/companies/{name}/funders", "/api/companies/{name}/investments",
                "/api/companies/{name}/commitments", "/api/timeline", "/api/deals/{id}", "/api/circular", "/api/paths",
                "/api/stats"}) {
            assertThat(paths.has(path)).as(path).isTrue();
            assertThat(paths.at("/" + path.replace("/", "~1") + "/get/summary").asText()).as(path).isNotBlank();
        }
        assertThat(paths.has("/api/cypher")).isTrue();
        assertThat(paths.at("/~1api~1companies~1{name}~1funders/get/parameters/0/example").asText()).isEqualTo("Anthropic");
        assertThat(r.getBody().at("/info/title").asText()).isEqualTo("dealgraph API");
    }

    @Test
    void theApiIndexLinksEveryDescribedEndpoint() {
        JsonNode described = http.getForEntity("/v3/api-docs", JsonNode.class).getBody();
        assertThat(described.at("/info/license/identifier").asText()).isEqualTo("GPL-3.0-or-later");
        for (String address : new String[]{"/api", "/api/"}) {
            ResponseEntity<JsonNode> r = http.getForEntity(address, JsonNode.class);
            assertThat(r.getStatusCode()).as(address).isEqualTo(HttpStatus.OK);
            JsonNode index = r.getBody();
            assertThat(index.path("openApi").asText()).isEqualTo("/v3/api-docs");
            assertThat(index.path("swaggerUi").asText()).isEqualTo("/swagger-ui.html");
            java.util.Set<String> listed = new java.util.HashSet<>();
            index.path("endpoints").forEach(e -> listed.add(e.path("method").asText() + " " + e.path("path").asText()));
            described.path("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                if (!path.getKey().equals("/api") && !path.getKey().equals("/api/")) {
                    assertThat(listed).as(address).contains(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                }
            }));
            assertThat(listed).contains("GET /api/companies/{name}/funders", "POST /api/documents", "POST /api/cypher");
        }
    }

    @Test
    void everyOperationHasASummaryAndAFeatureTag() {
        JsonNode paths = http.getForEntity("/v3/api-docs", JsonNode.class).getBody().get("paths");
        java.util.Set<String> tags = new java.util.TreeSet<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(op -> {
            assertThat(op.getValue().path("summary").asText()).as(op.getKey() + " " + path.getKey()).isNotBlank();
            op.getValue().path("tags").forEach(t -> tags.add(t.asText()));
        }));
        // Tags name features, not Spring's class names ("document-controller").
        assertThat(tags).containsExactlyInAnyOrder("Cypher", "Documents", "Export", "Index", "Query");
        JsonNode example = paths.at("/~1api~1companies~1{name}~1funders/get/responses/200/content/application~1json/examples");
        assertThat(example.toString()).contains("\"name\":\"Anthropic\"").contains("\"name\":\"Amazon\"");
    }

    /**
     * An implementation other than the one that wrote it (springdoc) must find the description valid:
     * {@code @apidevtools/swagger-parser}, run with Node when {@code npm ci --prefix src/test/browser} has installed it.
     */
    @Test
    void anIndependentValidatorAcceptsTheDescription(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path script = java.nio.file.Path.of("src/test/browser/validate-openapi.mjs");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(
                java.nio.file.Path.of("src/test/browser/node_modules/@apidevtools/swagger-parser")),
                "no @apidevtools/swagger-parser (npm ci --prefix src/test/browser)");
        java.nio.file.Path described = tmp.resolve("openapi.json");
        java.nio.file.Files.writeString(described, http.getForEntity("/v3/api-docs", String.class).getBody());
        Process node;
        try {
            node = new ProcessBuilder("node", script.toString(), described.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException noNode) {
            org.junit.jupiter.api.Assumptions.abort("no node on PATH");
            return;
        }
        String said = new String(node.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertThat(node.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(said).isEqualTo("valid");
        assertThat(node.exitValue()).isZero();
    }

    @Test
    void swaggerUiLoads() {
        ResponseEntity<String> page = http.getForEntity("/swagger-ui/index.html", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("swagger-ui");
        ResponseEntity<String> config = http.getForEntity("/v3/api-docs/swagger-config", String.class);
        assertThat(config.getBody()).contains("/v3/api-docs");
        // The short address redirects to the page.
        assertThat(http.getForEntity("/swagger-ui.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
