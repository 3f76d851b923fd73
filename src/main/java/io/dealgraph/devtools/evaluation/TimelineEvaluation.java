package io.dealgraph.devtools.evaluation;

import io.dealgraph.JobContext;
import io.dealgraph.export.ExportFormat;
import io.dealgraph.export.Exporter;
import io.dealgraph.export.Selection;
import io.dealgraph.extract.DocumentReader;
import io.dealgraph.ingest.IngestProgress;
import io.dealgraph.ingest.IngestService;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * {@code evaluate --timeline}: the timeline the product draws, scored against a gold one. A corpus is ingested into
 * a fresh embedded store in a temporary directory (never the user's data), exported whole as JSON without
 * provenance, and the export scored; or an export made elsewhere is scored as it is.
 */
public final class TimelineEvaluation {

    private TimelineEvaluation() {
    }

    /** With {@code fromGold} the corpus is ingested with the gold files' facts in place of the extractor's. */
    public static int run(Path timeline, Path gold, Path corpus, Path graph, boolean fromGold, boolean summary, PrintStream out,
                   PrintStream err) {
        if (!Files.isRegularFile(timeline)) {
            err.println("dealgraph evaluate: no timeline file " + timeline);
            return 1;
        }
        Path dir = null;
        try {
            Path export = graph;
            if (export == null) {
                if (!Files.isDirectory(corpus)) {
                    err.println("dealgraph evaluate: no folder " + corpus);
                    return 1;
                }
                dir = Files.createTempDirectory("dealgraph-timeline-");
                export = dir.resolve("graph.json");
                ingestAndExport(corpus, dir.resolve("store"), export, fromGold ? Evaluation.load(gold) : null, err);
            }
            TimelineScore.Result r = TimelineScore.score(export, timeline, gold);
            out.println("evaluate --timeline " + timeline + (graph != null ? ", graph " + graph : ", corpus " + corpus)
                    + (fromGold ? ", the gold files' facts in place of the extractor's" : ""));
            if (!summary) {
                r.misses().forEach(m -> out.println("  miss    " + m));
                r.extras().forEach(m -> out.println("  extra   " + m));
                r.trancheMisses().forEach(m -> out.println("  tranche missing under " + m));
                r.totals().forEach(t -> out.printf("  total   %s %s %s -> %s gold %s graph %s%n", t.ok() ? "ok   " : "WRONG", t.type(),
                        t.from(), t.to(), TimelineScore.usd(t.gold()), t.graph() == null ? "none" : TimelineScore.usd(t.graph())));
            }
            out.println("  " + r.line());
            return 0;
        } catch (IOException e) {
            err.println("dealgraph evaluate: " + e.getMessage());
            return 1;
        } finally {
            if (dir != null) {
                FileSystemUtils.deleteRecursively(dir.toFile());
            }
        }
    }

    private static void ingestAndExport(Path corpus, Path store, Path export, Evaluation gold, PrintStream err)
            throws IOException {
        List<IngestService.Input> inputs = new ArrayList<>();
        for (Path file : DocumentReader.collect(List.of(corpus))) {
            inputs.add(IngestService.Input.file(file, null)); // the checks and readers of the ingest command
        }
        try (ConfigurableApplicationContext context = JobContext.open(List.of("--dealgraph.neo4j.uri=",
                "--dealgraph.embedded.data-dir=" + store, "--dealgraph.ingest.watch-dir="))) {
            IngestProgress progress = new IngestProgress();
            IngestService ingest = context.getBean(IngestService.class);
            if (gold == null) {
                ingest.ingestAll(inputs, progress);
            } else {
                try (IngestService perfect = ingest.using(doc -> gold.goldFacts(doc.id()))) {
                    perfect.ingestAll(inputs, progress);
                }
            }
            if (progress.snapshot().rejected() > 0) {
                err.println("dealgraph evaluate: " + progress.snapshot().rejected() + " documents were refused");
            }
            Exporter exporter = context.getBean(Exporter.class);
            Selection all = new Selection(null, 2, List.of(), null, null, null, null, null, false);
            try (Exporter.Opened opened = exporter.open(all, ExportFormat.JSON);
                 OutputStream file = new BufferedOutputStream(Files.newOutputStream(export), 1 << 16)) {
                exporter.write(opened, file);
            }
        }
    }
}
