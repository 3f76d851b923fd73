package io.dealgraph.cli;

import io.dealgraph.JobContext;
import io.dealgraph.devtools.synthetic.SyntheticGraph;
import io.dealgraph.store.StoreSettings;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.Neo4jException;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/** {@code generate}: a synthetic graph of the contract's shape in the configured store, for benchmarks. */
@CommandLine.Command(name = "generate",
        description = {"write a synthetic graph for load tests and benchmarks",
                "N companies and N deals (tranches included), with clouds, chips, claims, documents and the direct edges, "
                        + "into the configured store (embedded by default; NEO4J_URI for a server). The store must hold no "
                        + "entities or deals yet."},
        footer = {"", "--key=value settings override the configuration, e.g.",
                "  --dealgraph.embedded.data-dir=target/bench-graph --dealgraph.embedded.page-cache=2g"})
final class GenerateCommand extends Subcommand {

    @CommandLine.Option(names = "--companies", paramLabel = "N", required = true, converter = Converters.Count.class,
            description = "companies to write (at least 20)")
    int companies;

    @CommandLine.Option(names = "--deals", paramLabel = "N", required = true, converter = Converters.Count.class,
            description = "deals to write, tranches included (at least 1)")
    int deals;

    @CommandLine.Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "the same seed writes the same graph; default ${DEFAULT-VALUE}")
    long seed;

    @CommandLine.Mixin
    Progress.Option progress;

    @CommandLine.Unmatched
    List<String> unmatched = new ArrayList<>();

    GenerateCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() {
        List<String> overrides = settings(unmatched);
        SyntheticGraph.Spec spec;
        try {
            spec = new SyntheticGraph.Spec(companies, deals, seed);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        try (ConfigurableApplicationContext context = JobContext.open(overrides)) {
            SyntheticGraph graph = new SyntheticGraph(context.getBean(Driver.class), context.getBean(StoreSettings.class).database());
            if (!graph.isEmpty()) {
                return failed("the store already holds entities or deals; generate into an empty one "
                        + "(another --dealgraph.embedded.data-dir, or a fresh database)");
            }
            long start = System.nanoTime();
            SyntheticGraph.Counts counts;
            try (Progress view = progress.open("generate", "rows", err)) {
                counts = graph.generate(spec, rows -> view.show(rows, 0, ""));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "generated in %.1f s: %,d companies, %d clouds, %d chips, %,d deals (%,d tranches), "
                            + "%,d direct edges, %,d claims from %,d documents%n", seconds, counts.companies(), counts.clouds(),
                    counts.chips(), counts.deals(), counts.tranches(), counts.pairs(), counts.claims(), counts.documents());
            return 0;
        } catch (Neo4jException e) {
            return failed("the database refused a write: " + e.getMessage());
        }
    }
}
