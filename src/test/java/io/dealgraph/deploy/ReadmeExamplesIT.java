package io.dealgraph.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's shell examples, run as a new user runs them: in order, with bash, from a project directory, against
 * the packaged jar started as the README starts it. Each {@code curl} and {@code java -jar target/dealgraph.jar}
 * line of a {@code bash} block either runs here or is named in {@link #NOT_RUN} with the reason, so an example added
 * to the README is either checked or knowingly left out; the files every example names must exist either way.
 *
 * <p>The one change to the text is the port: the server here listens on a free port, not 8080, and the commands are
 * pointed at it ({@code DEALGRAPH_HTTP_PORT} tells the CLI where the server is, as it would a user who moved it).
 * They run in a scratch copy of the project layout ({@code target/dealgraph.jar}, {@code examples/},
 * {@code ../shared}) so that the files they write ({@code anthropic.html}, {@code facts.jsonl}) stay out of the
 * working tree.
 */
class ReadmeExamplesIT {

    static final Path JAR = Path.of("target", "dealgraph.jar").toAbsolutePath();
    static final Pattern API = Pattern.compile("REST API\\s+http://127\\.0\\.0\\.1:(\\d+)/api");
    static final ObjectMapper JSON = new ObjectMapper();
    /** A file or directory an example reads: in examples/, the shared corpus beside the project, or corpus/ (not its cache). */
    static final Pattern FILE_ARGUMENT = Pattern.compile("(?<=[\\s@])((?:examples|\\.\\./shared|corpus)/(?!cache/)[^\\s'\"]+)");

    /** README commands this test does not run, by a prefix of the command, and why. */
    static final Map<String, String> NOT_RUN = new LinkedHashMap<>();

    static {
        NOT_RUN.put("./mvnw", "builds and tests: this test is part of that build");
        NOT_RUN.put("java -jar target/dealgraph.jar", "the server: it is what this test starts");
        NOT_RUN.put("java -Djarmode=tools", "class-data sharing: a second server start, minutes on two cores");
        NOT_RUN.put("java -XX:", "class-data sharing: a second server start, minutes on two cores");
        NOT_RUN.put("java -Xmx2g", "the server with heap settings: it is what this test starts");
        NOT_RUN.put("NEO4J_URI=", "an external Neo4j server, which a build machine does not have");
        NOT_RUN.put("NEO4J_PASSWORD=", "docker compose, which needs a Docker engine");
        NOT_RUN.put("java -jar target/dealgraph.jar extract", "reads with language models of its own, 10-15 s a command; ExtractCommandTest runs it in-process");
        NOT_RUN.put("java -jar target/dealgraph.jar evaluate", "reads with language models of its own, 10-15 s a command; EvaluationTest scores the same sets in-process");
        NOT_RUN.put("java -jar target/dealgraph.jar bench", "a benchmark: minutes of work");
        NOT_RUN.put("java -jar target/dealgraph.jar generate", "writes a million-deal graph: minutes of work");
    }

    @TempDir
    Path scratch;

    record Example(String command, int line) {
    }

    record Outcome(int exit, String out, String err, List<Integer> statuses) {
    }

    /** Every command of every {@code bash} block, continuation lines joined, with its line in the README. */
    static List<Example> examples(String readme) {
        List<Example> examples = new ArrayList<>();
        String[] lines = readme.split("\n", -1);
        boolean inBash = false;
        StringBuilder command = null;
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!inBash) {
                inBash = line.strip().equals("```bash");
                continue;
            }
            if (line.strip().equals("```")) {
                inBash = false;
                continue;
            }
            if (command == null) {
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                command = new StringBuilder();
                start = i + 1;
            }
            command.append(line).append('\n');
            if (!line.stripTrailing().endsWith("\\")) {
                examples.add(new Example(command.toString().strip(), start));
                command = null;
            }
        }
        return examples;
    }

    static boolean runnable(Example e) {
        return e.command().startsWith("curl ") || e.command().startsWith("java -jar target/dealgraph.jar ");
    }

    /** Why a command is not run, or null; the serve command is a prefix of all the others, so it must match whole. */
    static String notRun(Example e) {
        String bare = e.command().replaceFirst("\\s+#[^\n]*$", "").strip();
        return NOT_RUN.entrySet().stream()
                .filter(n -> n.getKey().equals("java -jar target/dealgraph.jar") ? bare.equals(n.getKey()) : bare.startsWith(n.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    static boolean onPath(String tool) {
        try {
            Process p = new ProcessBuilder("bash", "-c", "command -v " + tool).redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static void skipLoudly(boolean condition, String why) {
        if (!condition) {
            System.out.println("\n*** ReadmeExamplesIT SKIPPED: " + why + " ***\n");
        }
        assumeTrue(condition, why);
    }

    @Test
    void everyShellExampleInTheReadmeRunsVerbatimAgainstTheJar() throws Exception {
        skipLoudly(onPath("bash") && onPath("curl"), "the README's examples need bash and curl on PATH");
        // the README ingests ../shared/corpus/seeds: skipped without it on a contributor's machine, failed in CI
        io.dealgraph.testing.GraphFixtures.assumeSeeds();
        assertThat(JAR).as("the packaged jar (mvn package runs before failsafe)").exists();

        List<Example> examples = examples(Files.readString(Path.of("README.md")));
        List<Example> toRun = new ArrayList<>();
        for (Example e : examples) {
            String reason = notRun(e);
            if (reason == null && runnable(e)) {
                toRun.add(e);
            } else if (reason == null) {
                fail("README line " + e.line() + " is a shell example this test neither runs nor lists in NOT_RUN: " + e.command());
            }
            // Run or not, the files an example names are there (the texts of corpus/cache/ are not in git).
            Matcher file = FILE_ARGUMENT.matcher(e.command());
            while (file.find()) {
                assertThat(Path.of(file.group(1))).as("README line " + e.line() + " names " + file.group(1)).exists();
            }
        }
        assertThat(toRun).as("the README's runnable examples").hasSizeGreaterThan(10);

        // The project as a new user has it: the jar, the examples, and the shared corpus beside the project.
        Path project = Files.createDirectories(scratch.resolve("dealgraph"));
        Files.createDirectories(project.resolve("target"));
        Files.createSymbolicLink(project.resolve("target/dealgraph.jar"), JAR);
        Files.createSymbolicLink(project.resolve("examples"), Path.of("examples").toAbsolutePath());
        Files.createSymbolicLink(scratch.resolve("shared"), Path.of("..", "shared").toAbsolutePath().normalize());

        Instant began = Instant.now();
        Path log = scratch.resolve("server.log");
        ProcessBuilder serve = new ProcessBuilder(java(), "-jar", "target/dealgraph.jar").directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        serve.environment().put("DEALGRAPH_DATA_DIR", scratch.resolve("data").toString());
        serve.environment().put("DEALGRAPH_HTTP_PORT", "0");
        serve.environment().put("DEALGRAPH_BOLT_PORT", "0");
        serve.environment().put("DEALGRAPH_PAGE_CACHE", "32m");
        Process server = serve.start();
        try {
            String port = awaitReady(server, log);
            String base = "http://127.0.0.1:" + port;
            System.out.printf("[figure] README examples: server ready after %d ms%n", Duration.between(began, Instant.now()).toMillis());
            for (Example e : toRun) {
                Instant t = Instant.now();
                String command = e.command().replace("127.0.0.1:8080", "127.0.0.1:" + port);
                Outcome o = bash(command, project, port, scratch.resolve("data"));
                String what = "README line " + e.line() + ": " + e.command() + "\n--- stdout\n" + o.out() + "\n--- stderr\n" + o.err();
                assertThat(o.exit()).as(what).isZero();
                if (e.command().startsWith("curl ")) {
                    assertThat(o.statuses()).as(what).isNotEmpty().allSatisfy(s -> assertThat(s).isBetween(200, 299));
                }
                check(e, o, what, base);
                System.out.printf("[figure] README line %d: %d ms%n", e.line(), Duration.between(t, Instant.now()).toMillis());
            }

            // What a user looks for afterwards: each example document's deal in the graph, and the files written.
            assertThat(funders(base, "Northwind Robotics")).contains("Harbor Peak Capital");
            assertThat(funders(base, "Quillmoor Bio")).contains("Saltmarsh Partners");
            assertThat(funders(base, "Tidewater AI")).contains("Gorse Hill Ventures");
            assertThat(funders(base, "Ferrous Labs")).contains("Kestrel Steel");
            assertThat(funders(base, "Orchard Line Energy")).contains("Brambleton Capital");
            assertThat(Files.readString(project.resolve("anthropic.graphml"))).contains("<graphml").contains("Anthropic");
            assertThat(Files.readString(project.resolve("anthropic.html"))).contains("<html").contains("Anthropic");
            assertThat(JSON.readTree(project.resolve("known-2024-12-01.json").toFile()).path("format").asText()).isEqualTo("dealgraph-export/1");
            System.out.printf("[figure] README examples: %d commands run, %d ms in all%n", toRun.size(), Duration.between(began, Instant.now()).toMillis());
        } finally {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /** The outcome a reader of the README expects from particular examples, beyond exit code 0 and HTTP 2xx. */
    void check(Example e, Outcome o, String what, String base) throws Exception {
        String c = e.command();
        if (c.contains("--data-binary @examples/deal.txt")) {
            assertThat(o.statuses()).as(what).containsExactly(201);
            assertThat(JSON.readTree(body(o)).path("facts").toString()).as(what).contains("Northwind Robotics");
        } else if (c.contains("-F file=@examples/a.html")) {
            assertThat(o.statuses()).as(what).containsExactly(202);
            String job = JSON.readTree(body(o)).path("id").asText();
            // As the README says: the job's progress is at /api/jobs/{id}; a user waits for it before querying.
            JsonNode done = awaitJob(base, job);
            assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("DONE");
            assertThat(done.path("progress").path("ingested").asInt()).as(done.toString()).isEqualTo(3);
        } else if (c.contains("ingest ../shared/corpus/seeds")) {
            // Straight to the server holding the store: no failed start-up on the way.
            assertThat(o.out()).as(what).contains("6 documents ingested");
            assertThat(o.err()).as(what).contains("in use by a running dealgraph").doesNotContain("Exception").doesNotContain("APPLICATION FAILED");
        } else if (c.contains("dealgraph.jar export")) {
            assertThat(o.err()).as(what).contains("in use by a running dealgraph").doesNotContain("Exception").doesNotContain("APPLICATION FAILED");
        } else if (c.contains("funders?asOf=2024-06-01")) {
            assertThat(JSON.readTree(body(o)).path("funders").size()).as(what).isZero();
        } else if (c.contains("funders?asOf=2024-12-01")) {
            assertThat(amazon(body(o))).as(what).isEqualTo("8000000000 over 2 deals");
        } else if (c.contains("Anthropic/funders'")) {
            assertThat(amazon(body(o))).as(what).isEqualTo("13000000000 over 3 deals");
        } else if (c.contains(" help")) {
            assertThat(o.out()).as(what).contains("ingest").contains("export");
        } else if (c.contains("/api/cypher")) {
            assertThat(JSON.readTree(body(o)).path("rows").toString()).as(what).contains("Amazon");
        }
    }

    /** Amazon's line in a funders answer: total USD and deal count. */
    static String amazon(String body) throws IOException {
        for (JsonNode f : JSON.readTree(body).path("funders")) {
            if (f.path("counterparty").path("name").asText().equals("Amazon")) {
                return f.path("totalUsd").asLong() + " over " + f.path("dealCount").asInt() + " deals";
            }
        }
        return "no Amazon in " + body;
    }

    static String body(Outcome o) {
        String out = o.out();
        int status = out.lastIndexOf("\n__HTTP ");
        return status < 0 ? out : out.substring(0, status);
    }

    static String funders(String base, String company) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/companies/"
                + URLEncoder.encode(company, StandardCharsets.UTF_8).replace("+", "%20") + "/funders")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(company + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    static JsonNode awaitJob(String base, String job) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/jobs/" + job)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String state = status.path("state").asText();
            if (state.equals("DONE") || state.equals("FAILED")) {
                return status;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job " + job + " did not end in 2 minutes");
    }

    /**
     * Runs one README command with bash in the project directory. {@code curl} is wrapped so that each response's
     * status is printed after its body ({@code __HTTP 201}); the user's arguments pass through untouched.
     */
    static Outcome bash(String command, Path project, String port, Path data) throws Exception {
        Path out = Files.createTempFile("readme-out", ".txt");
        Path err = Files.createTempFile("readme-err", ".txt");
        String script = "set -o pipefail\n"
                + "curl() { command curl --no-progress-meter -w '\\n__HTTP %{http_code}\\n' \"$@\"; }\n"
                + command + "\n";
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(project.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("DEALGRAPH_HTTP_PORT", port);
        pb.environment().put("DEALGRAPH_DATA_DIR", data.toString());
        pb.environment().put("DEALGRAPH_BOLT_PORT", "0");
        // The java the build runs on, first on PATH, so that the examples' "java" is a JDK this project supports.
        Path javaBin = Path.of(java()).getParent();
        if (javaBin != null) {
            pb.environment().put("PATH", javaBin + ":" + pb.environment().getOrDefault("PATH", "/usr/bin:/bin"));
        }
        try {
            Process p = pb.start();
            if (!p.waitFor(3, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("did not finish in 3 minutes: " + command);
            }
            String stdout = Files.readString(out);
            List<Integer> statuses = new ArrayList<>();
            Matcher m = Pattern.compile("(?m)^__HTTP (\\d{3})$").matcher(stdout);
            while (m.find()) {
                statuses.add(Integer.parseInt(m.group(1)));
            }
            // A curl with -o writes its body to the file and only the status here.
            return new Outcome(p.exitValue(), stdout, Files.readString(err), statuses);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static String awaitReady(Process server, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline) && server.isAlive()) {
            String text = Files.readString(log);
            Matcher api = API.matcher(text);
            if (text.contains("dealgraph is ready") && api.find()) {
                return api.group(1);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the jar did not become ready:\n" + Files.readString(log));
    }
}
