package io.dealgraph.devtools.bench;

import ch.qos.logback.classic.Level;
import io.dealgraph.export.ExportFormat;
import io.dealgraph.export.ExportSettings;
import io.dealgraph.export.Exporter;
import io.dealgraph.export.Selection;
import io.dealgraph.schema.SchemaMigrations;
import io.dealgraph.store.EmbeddedNeo4j;
import io.dealgraph.store.EmbeddedSettings;
import io.dealgraph.devtools.synthetic.SyntheticGraph;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * {@code bench export}: generates a graph with the project's one generator, {@link SyntheticGraph} (2,000 companies
 * and 8,000 deals by default: some 10,500 nodes), in a temporary embedded database with the schema migrated, then
 * times exporting all of it in every format: the best and the median of several runs after a warm-up, written to
 * files in the temporary directory.
 */
public final class ExportBench {

    private ExportBench() {
    }

    /**
     * @param companies companies of the generated graph (the generator needs 20 or more)
     * @param deals     deals of the generated graph
     * @param runs      measured runs per format, after two warm-up runs
     */
    public static int run(int companies, int deals, int runs, PrintStream out, PrintStream err) {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("dealgraph-bench-export-");
            try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(new EmbeddedSettings(dir.resolve("db"), "127.0.0.1", 0, "512m", ""), "neo4j");
                 Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
                new SchemaMigrations(driver, "neo4j").migrate();
                long started = System.nanoTime();
                new SyntheticGraph(driver, "neo4j").generate(new SyntheticGraph.Spec(companies, deals, 42), rows -> { });
                long[] made = {count(driver, "MATCH (n) RETURN count(n) AS n"), count(driver, "MATCH ()-[r]->() RETURN count(r) AS n")};
                out.printf(Locale.ROOT, "bench export: generated %d nodes and %d relationships in %.1f s; %d runs per format after 2 warm-up runs, %d cores%n",
                        made[0], made[1], (System.nanoTime() - started) / 1e9, runs, Runtime.getRuntime().availableProcessors());
                Exporter exporter = new Exporter(driver, "neo4j", new ExportSettings(10_000_000, 10_000_000));
                Selection all = new Selection(null, 2, null, null, null, null, null, null, true);
                out.printf("%-8s %9s %9s %12s%n", "format", "best ms", "median ms", "bytes");
                // The floor every format stands on: the query and the Bolt transfer, into a sink that writes nothing.
                long[] reads = new long[runs];
                for (int r = -2; r < runs; r++) {
                    long t0 = System.nanoTime();
                    exporter.read(exporter.open(all, ExportFormat.JSON));
                    if (r >= 0) {
                        reads[r] = System.nanoTime() - t0;
                    }
                }
                Arrays.sort(reads);
                out.printf(Locale.ROOT, "%-8s %9.0f %9.0f %12s%n", "(read)", reads[0] / 1e6, reads[runs / 2] / 1e6, "-");
                for (ExportFormat format : ExportFormat.values()) {
                    long[] times = new long[runs];
                    long bytes = 0;
                    for (int r = -2; r < runs; r++) {
                        Path target = dir.resolve("out." + format.extension());
                        long t0 = System.nanoTime();
                        Exporter.Opened opened = exporter.open(all, format);
                        if (format == ExportFormat.CSV) {
                            exporter.writeCsvDirectory(opened, target);
                        } else {
                            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
                                exporter.write(opened, o);
                            }
                        }
                        long t = System.nanoTime() - t0;
                        if (r >= 0) {
                            times[r] = t;
                        }
                        bytes = size(target);
                    }
                    Arrays.sort(times);
                    out.printf(Locale.ROOT, "%-8s %9.0f %9.0f %12d%n", format.extension(), times[0] / 1e6, times[runs / 2] / 1e6, bytes);
                }
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("dealgraph bench export: " + e.getMessage());
            return 1;
        } finally {
            if (dir != null) {
                FileSystemUtils.deleteRecursively(dir.toFile());
            }
        }
    }

    private static long size(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            try (Stream<Path> files = Files.list(p)) {
                long total = 0;
                for (Path f : files.toList()) {
                    total += Files.size(f);
                }
                return total;
            }
        }
        return Files.size(p);
    }

    private static long count(Driver driver, String query) {
        return driver.executableQuery(query).execute().records().get(0).get("n").asLong();
    }
}
