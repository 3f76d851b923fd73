package io.dealgraph.cli;

import java.io.PrintStream;
import java.util.List;

/** One subcommand of the executable jar. */
public interface Command {

    String name();

    /** One line for {@code dealgraph help}. */
    String summary();

    /** Longer usage text, printed for {@code dealgraph help NAME} and on a usage error. */
    String usage();

    /**
     * Runs the command. Returns the process exit status: 0 on success, 1 when the work failed, 2 for a usage error.
     * Implementations report problems as one clear line on {@code err}, never as a stack trace.
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}
