package io.dealgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Argument handling of {@code generate} and {@code bench query}: mistakes are usage errors, before any database starts. */
class GenerateAndQueryBenchTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return Commands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void generateNeedsSizes() {
        assertThat(run("generate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing required options: '--companies=N', '--deals=N'")
                .contains("dealgraph generate [-h]").doesNotContain("Exception");
        err.reset();
        assertThat(run("generate", "--companies", "5", "--deals", "5")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("at least 20 companies");
        assertThat(run("generate", "--companies", "many", "--deals", "5")).isEqualTo(2);
        assertThat(run("generate", "--companies", "100", "--deals", "0")).isEqualTo(2);
        assertThat(run("generate", "--companies", "100", "--deals", "10", "stray")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unmatched argument: 'stray'");
    }

    @Test
    void benchQueryNeedsOneTarget() {
        assertThat(run("bench", "query")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--url").contains("--data-dir");
        assertThat(run("bench", "query", "--url", "http://127.0.0.1:1", "--data-dir", "x")).isEqualTo(2);
        assertThat(run("bench", "query", "--url", "http://127.0.0.1:1", "--requests", "3")).isEqualTo(2);
    }
}
