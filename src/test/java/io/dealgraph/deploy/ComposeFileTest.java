package io.dealgraph.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs where this project is built, so docker-compose.yml cannot be started here. This keeps it
 * honest instead: every variable it sets must be one the application reads, and its wiring must match the
 * application's defaults and the image the build produces.
 */
class ComposeFileTest {

    static JsonNode compose;
    static Set<String> applicationVariables;

    @BeforeAll
    static void read() throws IOException {
        compose = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker-compose.yml").toFile());
        applicationVariables = placeholders(Files.readString(Path.of("src/main/resources/application.yml")));
    }

    static Set<String> placeholders(String yaml) {
        Set<String> names = new HashSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):").matcher(yaml);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    JsonNode service(String name) {
        return compose.path("services").path(name);
    }

    static List<String> containerPorts(JsonNode service) {
        List<String> ports = new ArrayList<>();
        service.path("ports").forEach(p -> {
            String[] parts = p.asText().split(":");
            ports.add(parts[parts.length - 1]);
        });
        return ports;
    }

    @Test
    void itHasTheDatabaseAndTheApplication() {
        assertThat(compose.path("services").fieldNames()).toIterable().containsExactlyInAnyOrder("neo4j", "dealgraph");
        assertThat(service("neo4j").path("image").asText()).startsWith("neo4j:5.26");
    }

    @Test
    void everyVariableGivenToTheApplicationIsOneItReads() {
        assertThat(service("dealgraph").path("environment").fieldNames()).toIterable()
                .isNotEmpty()
                .allSatisfy(key -> assertThat(applicationVariables).as("application.yml reads " + key).contains(key));
    }

    @Test
    void theApplicationUsesTheComposeDatabaseOverBolt() {
        JsonNode env = service("dealgraph").path("environment");
        URI uri = URI.create(env.path("NEO4J_URI").asText());
        assertThat(uri.getScheme()).isEqualTo("bolt");
        assertThat(uri.getHost()).isEqualTo("neo4j");
        assertThat(containerPorts(service("neo4j"))).contains(String.valueOf(uri.getPort()));
        // The password the server is created with is the one the application logs in with.
        assertThat(service("neo4j").path("environment").path("NEO4J_AUTH").asText())
                .isEqualTo(env.path("NEO4J_USERNAME").asText() + "/" + env.path("NEO4J_PASSWORD").asText());
        assertThat(env.path("NEO4J_USERNAME").asText()).isEqualTo("neo4j");
    }

    @Test
    void theApplicationIsPublishedOnItsPortAndNeverWithoutAToken() {
        JsonNode env = service("dealgraph").path("environment");
        assertThat(containerPorts(service("dealgraph"))).containsExactly(env.path("DEALGRAPH_HTTP_PORT").asText());
        if (!env.path("DEALGRAPH_HTTP_ADDRESS").asText("127.0.0.1").startsWith("127.")) {
            assertThat(env.path("DEALGRAPH_API_TOKEN").asText()).contains(":?");
        }
        service("dealgraph").path("ports").forEach(p -> assertThat(p.asText()).startsWith("127.0.0.1:"));
        service("neo4j").path("ports").forEach(p -> assertThat(p.asText()).startsWith("127.0.0.1:"));
    }

    @Test
    void theImageIsTheOneTheBuildMakes() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>dealgraph</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(version.find()).isTrue();
        assertThat(pom).contains("<name>dealgraph:${project.version}</name>");
        assertThat(service("dealgraph").path("image").asText()).isEqualTo("dealgraph:" + version.group(1));
    }
}
