package io.dealgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CommandsTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return Commands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void serverArgumentsAreToldFromSubcommands() {
        assertThat(Commands.isServe(new String[0])).isTrue();
        assertThat(Commands.isServe(new String[] {"--server.port=9090"})).isTrue();
        assertThat(Commands.isServe(new String[] {"serve", "--server.port=9090"})).isTrue();
        assertThat(Commands.serveArguments(new String[] {"serve", "--server.port=9090"})).containsExactly("--server.port=9090");
        assertThat(Commands.isServe(new String[] {"help"})).isFalse();
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithTheListOfCommands() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'").contains("serve").contains("help");
        assertThat(out.size()).isZero();
    }

    @Test
    void helpListsEveryCommand() {
        assertThat(run("help")).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        Commands.all().keySet().forEach(name -> assertThat(text).contains(name));
        assertThat(run("help", "nope")).isEqualTo(2);
    }

    @Test
    void ratesKeepTheDigitsThatMatter() {
        assertThat(Commands.rate(0.327)).isEqualTo("0.33");
        assertThat(Commands.rate(7.46)).isEqualTo("7.5");
        assertThat(Commands.rate(61.4)).isEqualTo("61");
    }
}
