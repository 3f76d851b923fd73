package io.dealgraph.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Commands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsJsonLinesWithTheFileNameAsDoc(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.txt"), "Amazon invested $4 billion in Anthropic on Monday.\n");
        Files.writeString(dir.resolve("a.gold.json"), "{}");
        assertThat(run("extract", "--published", "2024-11-22", dir.toString())).isZero();
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"doc\":\"a.txt\"", "\"type\":\"INVESTS_IN\"", "\"amount_usd\":4000000000", "\"date\":\"2024-11-18\"");
    }

    @Test
    void tableFormat(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.md"), "Amazon invested $4 billion in Anthropic.\n");
        assertThat(run("extract", "--format", "table", dir.resolve("a.md").toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("DOC").contains("Anthropic", "$4B");
    }

    @Test
    void errorsAreOneLineAndExitCodesDistinguishUsageFromFailure() {
        assertThat(run("extract", "/no/such/path")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("dealgraph extract: no such file").doesNotContain("Exception");
        assertThat(run("extract", "--format", "xml", "x")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--format").contains("jsonl, table");
        assertThat(run("extract")).isEqualTo(2);
        assertThat(run("bench", "nothing")).isEqualTo(2);
    }
}
