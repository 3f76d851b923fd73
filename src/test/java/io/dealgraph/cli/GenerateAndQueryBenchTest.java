package io.dealgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealgraph.synthetic.SyntheticGraph;
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
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("at least 20 companies").contains("usage: dealgraph generate");
        assertThat(run("generate", "--companies", "many", "--deals", "5")).isEqualTo(2);
        assertThat(run("generate", "--companies", "100", "--deals", "0")).isEqualTo(2);
        assertThat(run("generate", "--companies", "100", "--deals", "10", "stray")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument stray");
    }

    @Test
    void benchQueryNeedsOneTarget() {
        assertThat(run("bench", "query")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--url").contains("--data-dir");
        assertThat(run("bench", "query", "--url", "http://127.0.0.1:1", "--data-dir", "x")).isEqualTo(2);
        assertThat(run("bench", "query", "--url", "http://127.0.0.1:1", "--requests", "3")).isEqualTo(2);
    }

    @Test
    void syntheticNamesAreUniqueAndStable() {
        assertThat(SyntheticGraph.companyName(42)).isEqualTo(SyntheticGraph.companyName(42)).endsWith(" 42");
        assertThat(SyntheticGraph.companyName(1)).isNotEqualTo(SyntheticGraph.companyName(11));
    }

    @Test
    void percentilesPickTheRankNotAnAverage() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = (i + 1) * 1_000_000L;
        }
        assertThat(QueryBench.pct(sorted, 0.50)).isEqualTo(50.0);
        assertThat(QueryBench.pct(sorted, 0.99)).isEqualTo(99.0);
    }
}
