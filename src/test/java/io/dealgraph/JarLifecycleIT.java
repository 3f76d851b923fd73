package io.dealgraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * The packaged jar as a user runs it: start, write, stop with a signal (what Ctrl-C and "docker stop" send), start
 * again on the same data directory and find the graph intact.
 */
class JarLifecycleIT {

    static final Path JAR = Path.of("target", "dealgraph.jar");
    static final Pattern BOLT = Pattern.compile("Bolt\\s+(bolt://\\S+)");
    static final Pattern API = Pattern.compile("REST API\\s+(http://\\S+)/api");

    @TempDir
    Path work;

    record Running(Process process, Path log, String bolt, String http) {
    }

    Running start(String name) throws Exception {
        Path log = work.resolve(name + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-jar", JAR.toString(), "--server.port=0",
                "--dealgraph.embedded.bolt-port=0", "--dealgraph.embedded.data-dir=" + work.resolve("data"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            String text = Files.readString(log);
            Matcher bolt = BOLT.matcher(text);
            Matcher api = API.matcher(text);
            if (text.contains("dealgraph is ready") && bolt.find() && api.find()) {
                Matcher ready = Pattern.compile("ready in (\\d+) ms").matcher(text);
                System.out.println("[figure] " + name + ": java -jar start-up " + (ready.find() ? ready.group(1) : "?") + " ms");
                return new Running(process, log, bolt.group(1), api.group(1));
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new AssertionError("the jar did not become ready:\n" + Files.readString(log));
    }

    void stop(Running running) throws Exception {
        running.process().destroy(); // SIGTERM
        assertThat(running.process().waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
        // Stopped as asked, not failed: what lets "./mvnw spring-boot:run" end in BUILD SUCCESS after a kill.
        assertThat(running.process().exitValue()).as("exit status after SIGTERM").isZero();
        String log = Files.readString(running.log());
        assertThat(log).contains("Embedded Neo4j stopped").doesNotContain("did not shut down cleanly");
    }

    @Test
    void theGraphSurvivesAStopBySignalAndARestart() throws Exception {
        Running first = start("first");
        try (Driver driver = GraphDatabase.driver(first.bolt())) {
            driver.executableQuery("CREATE (:Company {id: 'survivor', name: 'Survivor Inc'})").execute();
        } finally {
            stop(first);
        }

        Running second = start("second");
        try (Driver driver = GraphDatabase.driver(second.bolt())) {
            assertThat(driver.executableQuery("MATCH (c:Company {id: 'survivor'}) RETURN c.name AS name").execute()
                    .records()).singleElement().satisfies(r -> assertThat(r.get("name").asString()).isEqualTo("Survivor Inc"));
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(second.http() + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"neo4j\":{\"status\":\"UP\"");
            assertThat(Files.readString(second.log())).contains("Schema is up to date");
        } finally {
            stop(second);
        }
    }

    @Test
    void anUnknownCommandExitsWithAUsageError() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-jar", JAR.toString(), "frobnicate").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("unknown command 'frobnicate'").doesNotContain("Exception");
    }
}
