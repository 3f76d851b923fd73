package io.dealgraph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealgraph.DealgraphApplication;
import io.dealgraph.testing.ExpectedStartupFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * NEO4J_URI switches the application to an external server with no code change: here the "server" is a second
 * Neo4j started on its own, with authentication on, as a real server would have.
 */
class ExternalNeo4jIT {

    static final String PASSWORD = "external-secret";

    @TempDir
    static Path serverHome;

    @TempDir
    static Path appDataDir;

    static EmbeddedNeo4j server;

    @BeforeAll
    static void startServer() {
        server = EmbeddedNeo4j.start(new EmbeddedSettings(serverHome, "127.0.0.1", 0, "32m", PASSWORD), "neo4j");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** Started as a user would, with command-line settings (which win over application.yml, like env variables). */
    ConfigurableApplicationContext app(String password) {
        return new SpringApplicationBuilder(DealgraphApplication.class).run(
                "--server.port=0",
                // with the wrong password the start-up fails on purpose; the test reads the analysis, not the banner
                ExpectedStartupFailure.QUIET_BANNER,
                "--dealgraph.neo4j.uri=" + server.boltUri(),
                "--dealgraph.neo4j.username=neo4j",
                "--dealgraph.neo4j.password=" + password,
                // Were the embedded database started by mistake, it would show up here.
                "--dealgraph.embedded.data-dir=" + appDataDir.resolve("should-stay-empty"));
    }

    @Test
    void theApplicationMigratesAndUsesTheExternalServerAndStartsNoEmbeddedOne() {
        try (ConfigurableApplicationContext context = app(PASSWORD)) {
            assertThat(context.getBeanNamesForType(EmbeddedNeo4jStartup.class)).isEmpty();
            assertThat(Files.exists(appDataDir.resolve("should-stay-empty"))).isFalse();
            context.getBean(Driver.class).executableQuery("CREATE (:Company {id: 'through-the-app', name: 'Through The App'})").execute();
        }
        // Seen from an independent client of the server: the schema history and the application's write.
        try (Driver client = GraphDatabase.driver(server.boltUri(), AuthTokens.basic("neo4j", PASSWORD))) {
            List<Integer> versions = client.executableQuery("MATCH (m:__Migration) RETURN m.version AS v ORDER BY v").execute()
                    .records().stream().map(r -> r.get("v").asInt()).toList();
            assertThat(versions).containsExactlyElementsOf(io.dealgraph.schema.SchemaMigrations.shippedVersions());
            assertThat(client.executableQuery("MATCH (c:Company {id: 'through-the-app'}) RETURN c.name AS n").execute()
                    .records()).hasSize(1);
        }
    }

    @Test
    void wrongCredentialsFailTheStartWithAClearReason() {
        assertThatThrownBy(() -> app("wrong-password").close())
                .satisfies(failure -> {
                    FailureAnalysis analysis = new StartupFailureAnalyzer().analyze(failure);
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription()).startsWith("Neo4j refused the credentials");
                    assertThat(analysis.getAction()).contains("NEO4J_PASSWORD");
                });
    }
}
