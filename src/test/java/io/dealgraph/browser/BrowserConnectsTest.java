package io.dealgraph.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealgraph.store.EmbeddedNeo4j;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real thing: headless Chromium opens {@code /browser} on a running application and the bundled Neo4j Browser
 * connects to the embedded database with no typing, then draws seeded nodes in dealgraph's graph style.
 * Driven by {@code src/test/browser/connect.mjs}; skipped where Chromium, Node or playwright-core is missing.
 */
@ExtendWith(BrowserConnectsTest.NeedsChromiumNodeAndPlaywright.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dealgraph.embedded.bolt-port=0")
class BrowserConnectsTest {

    private static final Path BROWSER_DIR = Path.of("src/test/browser");
    private static final Path SCRIPT = BROWSER_DIR.resolve("connect.mjs");
    private static final Path SCREENSHOT = Path.of("target/browser-connect.png");
    private static final long SCRIPT_TIMEOUT_SECONDS = 90;
    private static final String QUERY = "MATCH (n) WHERE n:Company OR n:Cloud RETURN n ORDER BY n.id";
    private static final Map<String, String> COMPANIES = Map.of("anthropic", "Anthropic", "openai", "OpenAI",
            "amazon", "Amazon", "microsoft", "Microsoft");
    private static final Map<String, String> CLOUDS = Map.of("aws", "AWS", "azure", "Azure");
    /** from, type, to: the Browser draws these itself between the nodes the query returns. */
    private static final List<List<String>> LINKS = List.of(
            List.of("amazon", "INVESTS_IN", "anthropic"), List.of("microsoft", "INVESTS_IN", "openai"),
            List.of("anthropic", "COMMITS_SPEND_TO", "aws"), List.of("openai", "COMMITS_SPEND_TO", "azure"));

    @TempDir
    static Path dataDir;

    private static String chromium;
    private static String node;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("dealgraph.embedded.data-dir", () -> dataDir.toString());
    }

    @Autowired
    Driver driver;

    @Autowired
    EmbeddedNeo4j embedded;

    @Autowired
    ObjectMapper mapper;

    @LocalServerPort
    int port;

    /**
     * Decides before the application context starts, so a machine without a browser skips at no cost. A condition
     * rather than an assumption in {@code @BeforeAll}: Surefire counts a class aborted there as no test at all,
     * while a disabled one shows as skipped, with the reason.
     */
    static class NeedsChromiumNodeAndPlaywright implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            chromium = Files.isExecutable(Path.of("/usr/bin/chromium")) ? "/usr/bin/chromium" : onPath("chromium");
            node = onPath("node");
            if (chromium == null) {
                return ConditionEvaluationResult.disabled("no Chromium (apt-get install -y chromium)");
            }
            if (node == null) {
                return ConditionEvaluationResult.disabled("no node on PATH");
            }
            if (!Files.isDirectory(BROWSER_DIR.resolve("node_modules/playwright-core"))) {
                return ConditionEvaluationResult.disabled("no playwright-core (npm ci --prefix src/test/browser)");
            }
            return ConditionEvaluationResult.enabled("Chromium, node and playwright-core found");
        }
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void browserConnectsByItselfAndDrawsTheGraphInDealgraphStyle() throws Exception {
        seed();

        JsonNode seen = runScript("http://127.0.0.1:" + port, QUERY);

        assertThat(seen.path("error").isNull()).as("script error: %s", seen.path("error")).isTrue();
        assertThat(seen.path("url").asText()).as("the /browser redirect").endsWith("/browser/?preselectAuthMethod=NO_AUTH");
        assertThat(seen.path("connected").asBoolean()).as("connected").isTrue();
        String bolt = embedded.boltUri().toString();
        assertThat(seen.path("filledUri").asText()).as("connect URL filled in from discovery").isEqualTo(bolt);
        assertThat(seen.path("storedUri").asText()).as("the connection the Browser made").isEqualTo(bolt);
        assertThat(seen.path("telemetryBanner").asBoolean(true)).as("usage-data banner visible").isFalse();
        assertThat(seen.path("pageErrors")).as("uncaught page errors").isEmpty();
        // The Browser would otherwise load analytics and send traces with telemetry off (BrowserContentPolicy).
        assertThat(seen.path("outsideRequests")).as("requests that left this machine").isEmpty();
        assertThat(Files.size(SCREENSHOT)).isPositive();

        // Each seeded node drawn with the colour and caption that cypher/dealgraph.grass gives its label.
        JsonNode style = GrassStyle.parse(new ClassPathResource("cypher/dealgraph.grass")
                .getContentAsString(StandardCharsets.UTF_8), mapper);
        List<String> drawn = new ArrayList<>();
        seen.path("nodes").forEach(n -> drawn.add(n.path("caption").asText() + " " + n.path("fill").asText()));
        List<String> expected = new ArrayList<>();
        COMPANIES.values().forEach(name -> expected.add(name + " " + style.path("node.Company").path("color").asText()));
        CLOUDS.values().forEach(name -> expected.add(name + " " + style.path("node.Cloud").path("color").asText()));
        assertThat(drawn).as("node captions and colours").containsExactlyInAnyOrderElementsOf(expected);

        List<String> links = new ArrayList<>();
        // A caption longer than its arrow is cut short with an ellipsis ("COMMITS_SPEN…").
        seen.path("relationships").forEach(r -> {
            String caption = r.path("caption").asText();
            String type = caption.endsWith("…") ? LINKS.stream().map(l -> l.get(1))
                    .filter(t -> t.startsWith(caption.substring(0, caption.length() - 1))).findFirst().orElse(caption) : caption;
            links.add(type + " " + r.path("stroke").asText());
        });
        assertThat(links).as("relationship captions and colours").containsExactlyInAnyOrderElementsOf(LINKS.stream()
                .map(l -> l.get(1) + " " + style.path("relationship." + l.get(1)).path("color").asText()).toList());
    }

    private void seed() {
        QueryConfig config = QueryConfig.builder().withDatabase("neo4j").build();
        COMPANIES.forEach((id, name) -> driver.executableQuery("MERGE (c:Company {id: $id}) SET c.name = $name")
                .withParameters(Map.of("id", id, "name", name)).withConfig(config).execute());
        CLOUDS.forEach((id, name) -> driver.executableQuery("MERGE (c:Cloud {id: $id}) SET c.name = $name")
                .withParameters(Map.of("id", id, "name", name)).withConfig(config).execute());
        // Types can't be parameters; these are fixed strings from LINKS.
        LINKS.forEach(link -> driver.executableQuery("MATCH (a {id: $from}), (b {id: $to}) MERGE (a)-[:" + link.get(1) + "]->(b)")
                .withParameters(Map.of("from", link.get(0), "to", link.get(2))).withConfig(config).execute());
    }

    /** Runs connect.mjs with a hard limit and returns the JSON line it printed. */
    private JsonNode runScript(String base, String query) throws IOException, InterruptedException {
        Files.createDirectories(SCREENSHOT.getParent());
        Files.deleteIfExists(SCREENSHOT);
        Path out = Path.of("target/browser-connect.out");
        Path err = Path.of("target/browser-connect.log");
        ProcessBuilder builder = new ProcessBuilder(node, SCRIPT.toString(), base, SCREENSHOT.toString(), query)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("CHROMIUM", chromium);
        builder.environment().put("BROWSER_CHECK_TIMEOUT_MS", String.valueOf((SCRIPT_TIMEOUT_SECONDS - 10) * 1000));
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            if (!process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("connect.mjs did not finish in " + SCRIPT_TIMEOUT_SECONDS + " s; see " + err);
            }
        } finally {
            // Chromium is a child of node: never leave either behind.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(out);
        Files.delete(out);
        String json = lines.stream().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse(null);
        if (json == null) {
            throw new AssertionError("connect.mjs printed no result (exit " + process.exitValue() + "): "
                    + String.join(" ", Files.readAllLines(err)));
        }
        System.out.printf("connect.mjs finished in %d ms: %s%n", (System.nanoTime() - started) / 1_000_000, json);
        return mapper.readTree(json);
    }

    private static String onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        return Stream.of(path.split(File.pathSeparator))
                .map(dir -> Path.of(dir, command))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst().orElse(null);
    }
}
