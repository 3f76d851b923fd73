package io.dealgraph.cli;

import io.dealgraph.devtools.bench.AdversarialBench;
import io.dealgraph.devtools.bench.ExportBench;
import io.dealgraph.devtools.bench.ExtractBench;
import io.dealgraph.devtools.bench.IngestBench;
import io.dealgraph.devtools.bench.QueryBench;
import io.dealgraph.devtools.bench.StartupBench;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code bench SUBJECT}: the benchmarks of {@code io.dealgraph.devtools.bench}, one subcommand each. Each subcommand
 * checks its options and hands them on; figures and how they were taken are in docs/benchmarks.md.
 */
@CommandLine.Command(name = "bench", synopsisSubcommandLabel = "SUBJECT",
        description = "measure: extract, ingest, export, query, adversarial or startup (figures in docs/benchmarks.md)",
        commandListHeading = "%nSubjects:%n")
final class BenchCommand {

    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "show the subjects")
    boolean help;

    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine bench = new CommandLine(new BenchCommand());
        bench.addSubcommand(new Extract(out, err));
        bench.addSubcommand(new Ingest(out, err));
        bench.addSubcommand(new Export(out, err));
        bench.addSubcommand(new Query(out, err));
        bench.addSubcommand(new Adversarial(out, err));
        bench.addSubcommand(new Startup(out, err));
        return bench;
    }

    @CommandLine.Command(name = "extract", description = "single-threaded extraction throughput over articles of about 4 KB, after a warm-up")
    static final class Extract extends Subcommand {
        @CommandLine.Option(names = "--seconds", paramLabel = "N", defaultValue = "10",
                description = "measured time after a warm-up (default ${DEFAULT-VALUE}, at most 3600)")
        double seconds;

        @CommandLine.Option(names = "--corpus", paramLabel = "PATH",
                description = "documents to use, repeatable (default ../shared/corpus/seeds and src/test/resources/eval/dev; "
                        + "never the blind held-out set)")
        List<Path> corpus = new ArrayList<>();

        @CommandLine.Mixin
        ExtractCommand.Without without;

        Extract(PrintStream out, PrintStream err) {
            super(out, err);
        }

        @Override
        public Integer call() {
            if (!(seconds > 0 && seconds <= 3600)) {
                throw usage("--seconds must be more than 0 and at most 3600");
            }
            return ExtractBench.run(seconds, corpus, without.parts(), out, err);
        }
    }

    @CommandLine.Command(name = "ingest", description = {"ingest and re-extraction throughput, end to end",
            "Synthetic 4 KB articles into a temporary embedded store (never your data), with the production pipeline and settings."})
    static final class Ingest extends Subcommand {
        @CommandLine.Option(names = "--documents", paramLabel = "N", defaultValue = "5000", converter = Converters.Count.class,
                description = "articles to measure (default ${DEFAULT-VALUE}, 1 to 1000000)")
        int documents;

        Ingest(PrintStream out, PrintStream err) {
            super(out, err);
        }

        @Override
        public Integer call() {
            if (documents < 1 || documents > 1_000_000) {
                throw usage("--documents must be between 1 and 1000000");
            }
            return IngestBench.run(documents, out, err);
        }
    }

    @CommandLine.Command(name = "export", description = "time each export format on a graph written by the synthetic generator")
    static final class Export extends Subcommand {
        @CommandLine.Option(names = "--companies", paramLabel = "N", defaultValue = "2000", converter = Converters.Count.class,
                description = "companies of the generated graph (default ${DEFAULT-VALUE}, at least 20)")
        int companies;

        @CommandLine.Option(names = "--deals", paramLabel = "M", defaultValue = "8000", converter = Converters.Count.class,
                description = "deals of the generated graph (default ${DEFAULT-VALUE})")
        int deals;

        @CommandLine.Option(names = "--runs", paramLabel = "R", defaultValue = "5", converter = Converters.Count.class,
                description = "measured runs per format, after 2 warm-up runs (default ${DEFAULT-VALUE})")
        int runs;

        Export(PrintStream out, PrintStream err) {
            super(out, err);
        }

        @Override
        public Integer call() {
            if (companies < 20 || deals < 1 || runs < 1) {
                throw usage("needs --companies >= 20, --deals >= 1, --runs >= 1");
            }
            return ExportBench.run(companies, deals, runs, out, err);
        }
    }

    @CommandLine.Command(name = "query", description = {"latency per query endpoint through HTTP: p50, p99, max",
            "On a server it starts on DIR (a graph written by 'generate') or on a running one at URL."})
    static final class Query extends Subcommand {
        @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        static final class Target {
            @CommandLine.Option(names = "--url", paramLabel = "URL", required = true, description = "a running server")
            String url;

            @CommandLine.Option(names = "--data-dir", paramLabel = "DIR", required = true, description = "a graph to serve here")
            Path dataDir;
        }

        @CommandLine.Option(names = "--requests", paramLabel = "N", defaultValue = "1000", converter = Converters.Count.class,
                description = "requests per endpoint (default ${DEFAULT-VALUE}, at least 10)")
        int requests;

        @CommandLine.Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "30", converter = Converters.Count.class,
                description = "seconds cycling through all endpoints first (default ${DEFAULT-VALUE})")
        int warmup;

        @CommandLine.Option(names = "--page-cache", paramLabel = "SIZE", defaultValue = "2g",
                description = "page cache of the server started on --data-dir (default ${DEFAULT-VALUE})")
        String pageCache;

        @CommandLine.Option(names = "--token", paramLabel = "T", description = "API token of a server that asks for one")
        String token;

        Query(PrintStream out, PrintStream err) {
            super(out, err);
        }

        @Override
        public Integer call() {
            if (requests < 10) {
                throw usage("--requests must be at least 10");
            }
            return QueryBench.run(new QueryBench.Options(target.url, target.dataDir, pageCache, requests, warmup, token), out, err);
        }
    }

    @CommandLine.Command(name = "adversarial", description = {"what documents shaped to be expensive cost to read",
            "No sentence ends, huge tables, commas, nested markup, repeated figures, runs of capitalised words: each read as "
                    + "ingest reads one, within the extraction budget. Exits 1 when a shape misses the target of 2 s and "
                    + "256 MB per MB."})
    static final class Adversarial extends Subcommand {
        @CommandLine.Option(names = "--mb", paramLabel = "N", description = "each shape's size (default: the document size limit, 10 MB)")
        double mb;

        @CommandLine.Option(names = "--budget", paramLabel = "DURATION", converter = Converters.Time.class,
                description = "extraction budget (default DEALGRAPH_EXTRACTION_BUDGET or 60s)")
        Duration budget;

        @CommandLine.Option(names = "--shape", paramLabel = "NAME", completionCandidates = ShapeNames.class,
                description = "only this shape (repeatable): ${COMPLETION-CANDIDATES}")
        List<String> shapes = new ArrayList<>();

        static final class ShapeNames implements Iterable<String> {
            @Override
            public java.util.Iterator<String> iterator() {
                return AdversarialBench.shapeNames().iterator();
            }
        }

        Adversarial(PrintStream out, PrintStream err) {
            super(out, err);
        }

        @Override
        public Integer call() {
            if (mb != 0 && !(mb >= 0.001 && mb <= 100)) {
                throw usage("--mb must be between 0.001 and 100");
            }
            for (String name : shapes) {
                if (!AdversarialBench.shapeNames().contains(name)) {
                    throw usage("no shape '" + name + "'; the shapes are " + String.join(", ", AdversarialBench.shapeNames()));
                }
            }
            return AdversarialBench.run(mb, budget, shapes, out, err);
        }
    }

    @CommandLine.Command(name = "startup", description = {"time from java -jar (or ./mvnw spring-boot:run) to a healthy server, restart after restart",
            "Each run starts the jar on one new data directory (the first creates the store) and waits for /actuator/health."})
    static final class Startup extends Subcommand {
        @CommandLine.Option(names = "--runs", paramLabel = "N", defaultValue = "3", converter = Converters.Count.class,
                description = "starts per configuration, the first on a new store (default ${DEFAULT-VALUE}, at most 50)")
        int runs;

        @CommandLine.Option(names = "--jar", paramLabel = "PATH", defaultValue = "target/dealgraph.jar",
                description = "the jar to start (default ${DEFAULT-VALUE})")
        Path jar;

        @CommandLine.Option(names = "--cds", description = "again from the extracted jar with a class-data-sharing archive")
        boolean cds;

        @CommandLine.Option(names = "--maven", paramLabel = "DIR",
                description = "measure the README's first command, ./mvnw spring-boot:run, in the project folder DIR instead")
        Path maven;

        Startup(PrintStream out, PrintStream err) {
            super(out, err);
        }

        @Override
        public Integer call() {
            if (runs < 1 || runs > 50) {
                throw usage("--runs must be between 1 and 50");
            }
            if (maven != null) {
                if (cds) {
                    throw usage("--maven and --cds measure different commands: pass one");
                }
                return StartupBench.runMaven(runs, maven, out, err);
            }
            return StartupBench.run(runs, jar, cds, out, err);
        }
    }
}
