package io.dealgraph.devtools.bench;

import io.dealgraph.JobContext;
import io.dealgraph.devtools.synthetic.SyntheticNews;
import io.dealgraph.extract.Document;
import io.dealgraph.ingest.IngestProgress;
import io.dealgraph.ingest.IngestService;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * {@code bench ingest [--documents N]}: end-to-end ingest throughput into a fresh embedded store in a temporary
 * directory (never the user's data), with the production pipeline and settings: synthetic 4 KB articles, extraction
 * on all cores, batched writes. A warm-up run of other articles first, so the JIT and Neo4j's query cache are warm.
 * Then re-extracts every stored document (warm-up and measured) and prints that rate too.
 */
public final class IngestBench {

    private IngestBench() {
    }

    /** @param documents how many articles to measure (the command checks the range) */
    public static int run(int documents, PrintStream out, PrintStream err) {
        Path dir;
        try {
            dir = Files.createTempDirectory("dealgraph-bench-");
        } catch (IOException e) {
            err.println("dealgraph bench: cannot create a temporary directory: " + e.getMessage());
            return 1;
        }
        try (ConfigurableApplicationContext context = JobContext.open(List.of("--dealgraph.neo4j.uri=",
                "--dealgraph.embedded.data-dir=" + dir, "--dealgraph.ingest.watch-dir="))) {
            IngestService ingest = context.getBean(IngestService.class);
            ingest.ingestAll(inputs(SyntheticNews.articles(Math.min(1000, documents), 1), "warm"), new IngestProgress());
            List<IngestService.Input> measured = inputs(SyntheticNews.articles(documents, 2), "doc");
            long chars = SyntheticNews.articles(1, 2).get(0).length();
            IngestProgress progress = new IngestProgress();
            ingest.ingestAll(measured, progress);
            IngestProgress.Snapshot s = progress.snapshot();
            out.printf(Locale.ROOT, "bench ingest: %d articles of about %.1f KB into an empty embedded store, %d cores%n",
                    documents, chars / 1024.0, Runtime.getRuntime().availableProcessors());
            out.printf(Locale.ROOT, "ingest: %d documents, %d claims in %.1f s: %.0f documents/s, %.0f claims/s%n",
                    s.ingested(), s.claims(), s.elapsed().toMillis() / 1000.0, s.documentsPerSecond(),
                    s.claims() / Math.max(1e-9, s.elapsed().toNanos() / 1e9));
            // re-extraction of everything now stored (warm-up and measured articles), the way `reextract` runs it
            IngestProgress again = new IngestProgress();
            ingest.reextractAll(again);
            IngestProgress.Snapshot r = again.snapshot();
            out.printf(Locale.ROOT, "reextract: %d stored documents, %d claims in %.1f s: %.0f documents/s%n",
                    r.ingested(), r.claims(), r.elapsed().toMillis() / 1000.0, r.documentsPerSecond());
            return s.rejected() == 0 && r.rejected() == 0 ? 0 : 1;
        } finally {
            FileSystemUtils.deleteRecursively(dir.toFile());
        }
    }

    private static List<IngestService.Input> inputs(List<String> texts, String prefix) {
        List<IngestService.Input> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String id = prefix + i + ".txt";
            out.add(IngestService.Input.documents(id, List.of(Document.of(id, texts.get(i)))));
        }
        return out;
    }
}
