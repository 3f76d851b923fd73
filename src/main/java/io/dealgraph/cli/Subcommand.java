package io.dealgraph.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * What every subcommand shares: the streams it writes to (standard output for results, standard error for
 * messages), {@code --help}, and usage errors raised after parsing (checks across options) that look like picocli's.
 */
@CommandLine.Command(mixinStandardHelpOptions = false, sortOptions = false, usageHelpAutoWidth = true,
        showDefaultValues = false)
abstract class Subcommand implements Callable<Integer> {

    final PrintStream out;
    final PrintStream err;

    @CommandLine.Spec
    CommandSpec spec;

    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "show this command's options")
    boolean help;

    Subcommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** A usage error: exit status 2, the message and the synopsis, before anything has started. */
    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** "dealgraph ingest: " and the message, on standard error; the status for a failure. */
    int failed(String message) {
        err.println(spec.qualifiedName() + ": " + message);
        return Commands.FAILED;
    }

    /**
     * Spring-style {@code --key=value} settings among the arguments picocli did not match (the commands that open the
     * store take them, as the server does); anything else there is a usage error.
     */
    List<String> settings(List<String> unmatched) {
        for (String a : unmatched) {
            if (!a.startsWith("--") || a.indexOf('=') < 3) {
                throw usage((a.startsWith("-") ? "Unknown option: '" : "Unmatched argument: '") + a + "'");
            }
        }
        return List.copyOf(unmatched);
    }
}
