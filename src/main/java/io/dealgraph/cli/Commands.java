package io.dealgraph.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The jar's subcommands on picocli, and the rule that tells a subcommand from server arguments. Exit statuses are the
 * README's: 0 success, 1 the work failed, 2 a usage error (one line saying what is wrong, then the command's
 * synopsis; never a stack trace).
 */
public final class Commands {

    static final int FAILED = 1;
    static final int USAGE = 2;

    /** What asks for help rather than for the server, though it starts with {@code --} as server settings do. */
    private static final Set<String> HELP = Set.of("--help", "-h");

    private Commands() {
    }

    /**
     * No arguments, {@code serve}, or Spring-style options ({@code --server.port=9090}) mean: run the server.
     * {@code --help} (first, or after {@code serve}) asks for the usage instead.
     */
    public static boolean isServe(String[] args) {
        if (args.length == 0) {
            return true;
        }
        if ("serve".equals(args[0])) {
            return Arrays.stream(args).skip(1).noneMatch(HELP::contains);
        }
        return args[0].startsWith("--") && !HELP.contains(args[0]);
    }

    public static String[] serveArguments(String[] args) {
        return args.length > 0 && "serve".equals(args[0]) ? Arrays.copyOfRange(args, 1, args.length) : args;
    }

    /** Runs the subcommand {@code args} name; returns its exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return commandLine(out, err).execute(args);
    }

    /** The whole command tree, writing to {@code out} and {@code err}. */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine root = new CommandLine(new Dealgraph());
        root.addSubcommand(new ServeCommand());
        root.addSubcommand(new CommandLine.HelpCommand());
        root.addSubcommand(new ExtractCommand(out, err));
        root.addSubcommand(new EvaluateCommand(out, err));
        root.addSubcommand(new IngestCommand(out, err));
        root.addSubcommand(new ReextractCommand(out, err));
        root.addSubcommand(new ExportCommand(out, err));
        root.addSubcommand(new GenerateCommand(out, err));
        root.addSubcommand(BenchCommand.commandLine(out, err));
        CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion()).setCommandName("completion");
        CommandSpec spec = completion.getCommandSpec();
        spec.usageMessage().hidden(false).description("print a bash/zsh completion script for the commands above",
                "With an alias dealgraph='java -jar target/dealgraph.jar': source <(dealgraph completion)");
        spec.remove(spec.findOption("--version")); // the jar has no version option for it to print
        root.addSubcommand("completion", completion);
        root.setCaseInsensitiveEnumValuesAllowed(true);
        root.setOut(new PrintWriter(out, true));
        root.setErr(new PrintWriter(err, true));
        root.setParameterExceptionHandler(Commands::usageError);
        root.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            // A command reports the failures it expects itself; this is the one line for anything else.
            commandLine.getErr().println(name(commandLine) + ": " + rootMessage(e));
            return FAILED;
        });
        return root;
    }

    /** One line naming the mistake, the synopsis of the command it was made on, and where to read more. */
    private static int usageError(ParameterException error, String[] args) {
        CommandLine cmd = error.getCommandLine();
        // "ingest --nope": picocli would name the missing PATH; the unknown option is the mistake to name.
        ParameterException e = !(error instanceof UnmatchedArgumentException) && !cmd.isUnmatchedArgumentsAllowed()
                && !cmd.getUnmatchedArguments().isEmpty() ? new UnmatchedArgumentException(cmd, cmd.getUnmatchedArguments()) : error;
        PrintWriter err = cmd.getErr();
        boolean unknownCommand = cmd.getCommandSpec().parent() == null && e instanceof UnmatchedArgumentException u
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-");
        if (unknownCommand) {
            err.println("dealgraph: unknown command '" + ((UnmatchedArgumentException) e).getUnmatched().get(0) + "'.");
            UnmatchedArgumentException.printSuggestions(e, err);
            cmd.usage(err);
            return USAGE;
        }
        err.println(name(cmd) + ": " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.print(cmd.getHelp().synopsis(0));
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more.");
        return USAGE;
    }

    private static String name(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName();
    }

    /** The innermost cause's message, first line only: what a user can act on. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        return m.strip().lines().findFirst().orElse(m);
    }

    /** A rate with the digits that say something: 120, 7.5, 0.33 (a run of five documents is not "0 documents/s"). */
    static String rate(double perSecond) {
        String pattern = perSecond >= 10 ? "%.0f" : perSecond >= 1 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, perSecond);
    }

    /** The top of the tree: only its subcommands run ({@code java -jar dealgraph.jar} alone is the server). */
    @CommandLine.Command(name = "dealgraph", mixinStandardHelpOptions = false, synopsisSubcommandLabel = "COMMAND",
            customSynopsis = "java -jar dealgraph.jar [COMMAND] [OPTIONS]",
            description = {"Investment news into a Neo4j knowledge graph you can question.",
                    "With no COMMAND (or only --setting=value options) the jar runs the server.",
                    "Exit status: 0 success, 1 failure, 2 usage error. 'COMMAND --help' shows a command's options."},
            commandListHeading = "%nCommands:%n")
    static final class Dealgraph {
        @CommandLine.Spec
        CommandSpec spec;

        @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "show this list")
        boolean help;
    }
}
