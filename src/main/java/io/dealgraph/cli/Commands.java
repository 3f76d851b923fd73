package io.dealgraph.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The subcommands of the jar and the rule that tells a subcommand from server arguments. */
public final class Commands {

    static final int USAGE = 2;

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        register(new HelpCommand());
        register(new ExtractCommand());
        register(new EvaluateCommand());
        register(new IngestCommand());
        register(new ReextractCommand());
        register(new BenchCommand());
        register(new ExportCommand());
        register(new GenerateCommand());
    }

    private Commands() {
    }

    static void register(Command command) {
        COMMANDS.put(command.name(), command);
    }

    static Map<String, Command> all() {
        return COMMANDS;
    }

    /** No arguments, {@code serve}, or only Spring-style options ({@code --server.port=9090}) mean: run the server. */
    /** A rate with the digits that say something: 120, 7.5, 0.33 (a run of five documents is not "0 documents/s"). */
    static String rate(double perSecond) {
        String pattern = perSecond >= 10 ? "%.0f" : perSecond >= 1 ? "%.1f" : "%.2f";
        return String.format(java.util.Locale.ROOT, pattern, perSecond);
    }

    public static boolean isServe(String[] args) {
        return args.length == 0 || "serve".equals(args[0]) || args[0].startsWith("--");
    }

    public static String[] serveArguments(String[] args) {
        return args.length > 0 && "serve".equals(args[0]) ? Arrays.copyOfRange(args, 1, args.length) : args;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Command command = COMMANDS.get(args[0]);
        if (command == null) {
            err.println("dealgraph: unknown command '" + args[0] + "'. Commands: serve, " + String.join(", ", COMMANDS.keySet()) + ".");
            return USAGE;
        }
        List<String> rest = List.of(args).subList(1, args.length);
        try {
            return command.run(rest, out, err);
        } catch (UsageException e) {
            err.println("dealgraph " + command.name() + ": " + e.getMessage());
            err.println(command.usage());
            return USAGE;
        }
    }
}
