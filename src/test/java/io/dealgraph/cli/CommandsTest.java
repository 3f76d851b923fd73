package io.dealgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandsTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return Commands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void serverArgumentsAreToldFromSubcommands() {
        assertThat(Commands.isServe(new String[0])).isTrue();
        assertThat(Commands.isServe(new String[] {"--server.port=9090"})).isTrue();
        assertThat(Commands.isServe(new String[] {"serve", "--server.port=9090"})).isTrue();
        assertThat(Commands.serveArguments(new String[] {"serve", "--server.port=9090"})).containsExactly("--server.port=9090");
        assertThat(Commands.isServe(new String[] {"help"})).isFalse();
        // asking for help is never taken for a server setting
        assertThat(Commands.isServe(new String[] {"--help"})).isFalse();
        assertThat(Commands.isServe(new String[] {"serve", "--help"})).isFalse();
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithTheListOfCommands() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err()).contains("unknown command 'frobnicate'").contains("serve").contains("help").doesNotContain("Exception");
        assertThat(out.size()).isZero();
    }

    @Test
    void helpListsEveryCommand() {
        assertThat(run("help")).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(commandNames(Commands.commandLine(System.out, System.err), false))
                .containsExactly("serve", "help", "extract", "evaluate", "ingest", "reextract", "export", "generate", "bench", "completion")
                .allSatisfy(name -> assertThat(text).contains("  " + name + " "));
        assertThat(run("help", "nope")).isEqualTo(2);
    }

    /** Every command and subcommand answers --help with its usage, on standard output, and exit status 0. */
    @Test
    void everyCommandHasHelp() {
        List<String> all = commandNames(Commands.commandLine(System.out, System.err), true);
        assertThat(all).contains("bench query", "bench startup").hasSizeGreaterThan(15);
        for (String command : all) {
            out.reset();
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.add("--help");
            assertThat(run(args.toArray(String[]::new))).as(command).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).as(command).contains("Usage: dealgraph " + command + " ");
        }
        assertThat(err()).isEmpty();
    }

    @Test
    void usageErrorsAreOneLineThenTheSynopsis() {
        assertThat(run("ingest", "--nope", "x")).isEqualTo(2);
        List<String> lines = err().lines().toList();
        assertThat(lines.get(0)).isEqualTo("dealgraph ingest: Unknown option: '--nope'");
        assertThat(err()).contains("dealgraph ingest [-h]").contains("Try 'dealgraph ingest --help'").doesNotContain("Exception")
                .doesNotContain("\tat ");
        err.reset();
        assertThat(run("ingest", "--nope")).as("the unknown option, not the PATH it left out").isEqualTo(2);
        assertThat(err().lines().findFirst()).contains("dealgraph ingest: Unknown option: '--nope'");
        err.reset();
        assertThat(run("bench")).isEqualTo(2);
        assertThat(err()).startsWith("dealgraph bench: Missing required subcommand");
        err.reset();
        assertThat(run("ingest", "--published", "22/11/2024", "x")).isEqualTo(2);
        assertThat(err()).contains("needs a date YYYY-MM-DD, not '22/11/2024'");
        err.reset();
        assertThat(run("extract", "--without", "ner,spellcheck", "x")).isEqualTo(2);
        assertThat(err()).contains("takes ner, parser, deal-word-parsing, context-rules, not 'spellcheck'");
        assertThat(out.size()).isZero();
    }

    @Test
    void countsReadWithTheirSeparators() {
        assertThat(new Converters.Count().convert("1_000_000")).isEqualTo(1_000_000);
        assertThat(new Converters.Count().convert("100,000")).isEqualTo(100_000);
    }

    @Test
    void completionPrintsABashScript() {
        assertThat(run("completion")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("complete -F").contains("ingest").contains("--published");
    }

    @Test
    void ratesKeepTheDigitsThatMatter() {
        assertThat(Commands.rate(0.327)).isEqualTo("0.33");
        assertThat(Commands.rate(7.46)).isEqualTo("7.5");
        assertThat(Commands.rate(61.4)).isEqualTo("61");
    }

    /** Names below the root, as typed after the jar: "ingest", "bench query". */
    static List<String> commandNames(CommandLine root, boolean nested) {
        List<String> names = new ArrayList<>();
        root.getSubcommands().forEach((name, sub) -> {
            names.add(name);
            if (nested) {
                commandNames(sub, true).forEach(n -> names.add(name + " " + n));
            }
        });
        return names;
    }
}
