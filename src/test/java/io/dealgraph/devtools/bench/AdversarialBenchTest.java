package io.dealgraph.devtools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealgraph.cli.Commands;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code bench adversarial}: its shapes are the sizes asked for, and a small run prints a row per shape. */
class AdversarialBenchTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return Commands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void everyShapeIsTheSizeAskedFor() {
        for (AdversarialBench.Shape s : AdversarialBench.SHAPES) {
            String made = s.make().apply(100_000);
            // the bench cuts what is longer; markup that closes at the end may come a row short
            assertThat(made.substring(0, Math.min(made.length(), 100_000)).getBytes(StandardCharsets.UTF_8).length).as(s.name())
                    .isBetween(99_000, 100_000);
        }
        // a full stop only inside figures ("$1.2 billion"), never one that ends a sentence
        assertThat(AdversarialBench.runOn(50_000)).doesNotContain(". ").doesNotContain("\n").doesNotContain("?").doesNotContain("!");
        assertThat(AdversarialBench.commas(50_000).chars().filter(c -> c == ',').count()).isGreaterThan(49_000);
    }

    @Test
    void aSmallRunPrintsEachShapeWithItsCosts() {
        run("bench", "adversarial", "--mb", "0.02", "--shape", "commas", "--shape", "nested-html");
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("bench adversarial: 2 shapes of 0.02 MB").contains("s/MB").contains("peak/MB");
        assertThat(printed.lines().filter(l -> l.startsWith("commas ") || l.startsWith("nested-html "))).hasSize(2);
    }

    @Test
    void mistakesAreUsageErrors() {
        assertThat(run("bench", "adversarial", "--shape", "nope")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no shape 'nope'").contains("no-sentence-ends");
        assertThat(run("bench", "adversarial", "--mb", "lots")).isEqualTo(2);
        assertThat(run("bench", "adversarial", "--budget", "soon")).isEqualTo(2);
    }
}
