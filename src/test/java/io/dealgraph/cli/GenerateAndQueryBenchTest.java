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
        // stable: the same name on every run and release, so benchmarks of one graph compare across versions
        assertThat(SyntheticGraph.companyName(42)).isEqualTo("Rixbit Networks 42");
        // unique: the API resolves companies by name
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            names.add(SyntheticGraph.companyName(i));
        }
        assertThat(names).hasSize(20_000);
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
