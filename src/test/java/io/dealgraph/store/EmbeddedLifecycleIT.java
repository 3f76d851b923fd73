package io.dealgraph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealgraph.DealgraphApplication;
import io.dealgraph.testing.ExpectedStartupFailure;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded default across restarts: the data directory keeps the graph, and only one process may own it. */
class EmbeddedLifecycleIT {

    @TempDir
    Path dataDir;

    /** Started as a user would, with command-line settings (which win over application.yml, like env variables). */
    static ConfigurableApplicationContext run(String... settings) {
        String[] args = java.util.stream.Stream.concat(
                java.util.stream.Stream.of("--server.port=0", "--dealgraph.embedded.bolt-port=0", "--dealgraph.embedded.page-cache=32m"),
                java.util.stream.Stream.of(settings)).toArray(String[]::new);
        return new SpringApplicationBuilder(DealgraphApplication.class).run(args);
    }

    ConfigurableApplicationContext start() {
        return run("--dealgraph.embedded.data-dir=" + dataDir);
    }

    @Test
    void aRestartKeepsTheGraphAndASecondOwnerOfTheDataDirectoryIsRefusedClearly() {
        try (ConfigurableApplicationContext first = start()) {
            first.getBean(Driver.class).executableQuery("CREATE (:Company {id: 'kept', name: 'Kept Across Restarts'})").execute();

            // A second process (here: a second database) on the same directory.
            assertThatThrownBy(() -> EmbeddedNeo4j.start(new EmbeddedSettings(dataDir, "127.0.0.1", 0, "32m", ""), "neo4j"))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("is in use by another process")
                    .satisfies(e -> assertThat(((StoreUnavailableException) e).action()).contains("DEALGRAPH_DATA_DIR"));
        }
        try (ConfigurableApplicationContext second = start()) {
            var names = second.getBean(Driver.class).executableQuery("MATCH (c:Company {id: 'kept'}) RETURN c.name AS name")
                    .execute().records();
            assertThat(names).hasSize(1);
            assertThat(names.get(0).get("name").asString()).isEqualTo("Kept Across Restarts");
            // The restart found the schema in place and applied nothing.
            assertThat(second.getBean(io.dealgraph.schema.AppliedSchema.class).appliedNow()).isEmpty();
        }
    }

    @Test
    void anExposedBoltWithoutPasswordIsRefusedBeforeTheDatabaseStarts() {
        assertThatThrownBy(() -> run(ExpectedStartupFailure.QUIET_BANNER, "--dealgraph.embedded.bolt-address=0.0.0.0",
                "--dealgraph.embedded.data-dir=" + dataDir.resolve("exposed")).close())
                .satisfies(failure -> {
                    FailureAnalysis analysis = new StartupFailureAnalyzer().analyze(failure);
                    assertThat(analysis.getDescription()).contains("0.0.0.0").contains("no password");
                    assertThat(analysis.getAction()).contains("DEALGRAPH_BOLT_PASSWORD");
                });
        assertThat(dataDir.resolve("exposed")).doesNotExist();
    }

    @Test
    void anExposedHttpServerWithoutTokenIsRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> run(ExpectedStartupFailure.QUIET_BANNER, "--server.address=0.0.0.0",
                "--dealgraph.embedded.data-dir=" + dataDir.resolve("exposed-http")).close())
                .satisfies(failure -> {
                    FailureAnalysis analysis = new StartupFailureAnalyzer().analyze(failure);
                    assertThat(analysis.getDescription()).contains("0.0.0.0").contains("no API token");
                    assertThat(analysis.getAction()).contains("DEALGRAPH_API_TOKEN");
                });
        assertThat(dataDir.resolve("exposed-http")).doesNotExist();
    }
}
