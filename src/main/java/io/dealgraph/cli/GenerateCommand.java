package io.dealgraph.cli;

import io.dealgraph.store.StoreSettings;
import io.dealgraph.synthetic.SyntheticGraph;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.Neo4jException;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code generate}: a synthetic graph of the contract's shape in the configured store, for benchmarks. */
final class GenerateCommand implements Command {

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String summary() {
        return "write a synthetic graph: generate --companies N --deals N [--seed N]";
    }

    @Override
    public String usage() {
        return """
                usage: dealgraph generate --companies N --deals N [--seed N] [--key=value]...
                  Writes N companies and N deals (tranches included), with clouds, chips, claims, documents and the
                  direct edges, into the configured store (embedded by default; NEO4J_URI for a server). The store must
                  hold no entities or deals yet. --key=value arguments override settings, e.g.
                  --dealgraph.embedded.data-dir=target/bench-graph --dealgraph.embedded.page-cache=2g""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        int companies = 0;
        int deals = 0;
        long seed = 42;
        List<String> overrides = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--companies" -> companies = number(ExtractCommand.value(args, ++i, a), a);
                case "--deals" -> deals = number(ExtractCommand.value(args, ++i, a), a);
                case "--seed" -> seed = number(ExtractCommand.value(args, ++i, a), a);
                default -> {
                    if (!a.startsWith("--") || !a.contains("=")) {
                        throw new UsageException("unknown argument " + a);
                    }
                    overrides.add(a);
                }
            }
        }
        SyntheticGraph.Spec spec;
        try {
            spec = new SyntheticGraph.Spec(companies, deals, seed);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        try (ConfigurableApplicationContext context = JobContext.open(overrides)) {
            SyntheticGraph graph = new SyntheticGraph(context.getBean(Driver.class), context.getBean(StoreSettings.class).database());
            if (!graph.isEmpty()) {
                err.println("dealgraph generate: the store already holds entities or deals; generate into an empty one "
                        + "(another --dealgraph.embedded.data-dir, or a fresh database)");
                return 1;
            }
            long start = System.nanoTime();
            long[] next = {250_000};
            SyntheticGraph.Counts counts = graph.generate(spec, rows -> {
                if (rows >= next[0]) {
                    next[0] += 250_000;
                    out.printf(Locale.ROOT, "  %,d rows written, %.0f s%n", rows, (System.nanoTime() - start) / 1e9);
                }
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "generated in %.1f s: %,d companies, %d clouds, %d chips, %,d deals (%,d tranches), "
                            + "%,d direct edges, %,d claims from %,d documents%n", seconds, counts.companies(), counts.clouds(),
                    counts.chips(), counts.deals(), counts.tranches(), counts.pairs(), counts.claims(), counts.documents());
            return 0;
        } catch (Neo4jException e) {
            err.println("dealgraph generate: the database refused a write: " + e.getMessage());
            return 1;
        }
    }

    private static int number(String v, String option) {
        try {
            int n = Integer.parseInt(v.replace("_", "").replace(",", ""));
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number, not '" + v + "'");
        }
    }
}
