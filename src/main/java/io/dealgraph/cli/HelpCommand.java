package io.dealgraph.cli;

import java.io.PrintStream;
import java.util.List;

final class HelpCommand implements Command {

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String summary() {
        return "list the commands, or show one command's usage";
    }

    @Override
    public String usage() {
        return "usage: dealgraph help [COMMAND]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            Command command = Commands.all().get(args.get(0));
            if (command == null) {
                throw new UsageException("no command named '" + args.get(0) + "'");
            }
            out.println(command.usage());
            return 0;
        }
        out.println("usage: java -jar dealgraph.jar [COMMAND] [ARGS]");
        out.println();
        out.printf("  %-8s %s%n", "serve", "run the server: REST API, Neo4j Browser, Bolt (the default)");
        Commands.all().values().forEach(c -> out.printf("  %-8s %s%n", c.name(), c.summary()));
        return 0;
    }
}
