package io.dealgraph.cli;

import io.dealgraph.extract.Document;
import io.dealgraph.extract.DocumentReader;
import io.dealgraph.extract.Extractor;
import io.dealgraph.extract.Extractors;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench SUBJECT}: throughput of one part of the system, single-threaded, after a warm-up. Subjects are a
 * table so later work can add {@code ingest} or {@code query} beside {@code extract}.
 */
final class BenchCommand implements Command {

    /** One thing to measure: prepares its inputs, then runs one unit of work per call. */
    interface Subject {
        String describe();

        /** Prepares inputs; returns a one-line description of them. */
        String prepare(List<Path> corpus) throws IOException;

        /** Runs one unit; returns {bytes processed, items produced}. */
        long[] runOnce(int i);
    }

    static final int ARTICLE_CHARS = 4096;

    /** The default corpus: the seeds and the dev folder, never src/test/resources/eval/heldout (a blind set). */
    static final List<Path> DEFAULT_CORPUS = List.of(Path.of("..", "shared", "corpus", "seeds"),
            Path.of("src", "test", "resources", "eval", "dev"));

    private final Map<String, java.util.function.Supplier<Subject>> subjects = new LinkedHashMap<>();

    BenchCommand() {
        subjects.put("extract", ExtractSubject::new);
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "measure: bench extract [--seconds N] [--corpus PATH], bench ingest [--documents N], bench export, "
                + "bench query (--data-dir DIR | --url URL), bench adversarial [--mb N] [--budget D] [--shape NAME], "
                + "bench startup [--runs N] [--cds]";
    }

    @Override
    public String usage() {
        return "usage: dealgraph bench SUBJECT [--seconds N] [--corpus PATH]... [--without PART,...]\n"
                + "  SUBJECT: " + String.join(", ", subjects.keySet()) + ", ingest, export, query, adversarial, startup\n"
                + "  bench ingest [--documents N]: end to end into a temporary embedded store (default 5000)\n"
                + "  --seconds: measured time after a warm-up (default 10)\n"
                + "  --without: for extract, leave parts out (ner, parser, context-rules) to measure what each costs\n"
                + "  --corpus: documents to use (default ../shared/corpus/seeds and src/test/resources/eval/dev;\n"
                + "   never the blind held-out set)\n"
                + "   or: dealgraph " + io.dealgraph.export.ExportBenchmark.usage() + "\n"
                + "usage: dealgraph bench adversarial [--mb N] [--budget DURATION] [--shape NAME]...\n"
                + "  cost of documents shaped to be expensive (no sentence ends, huge tables, commas, nested markup,\n"
                + "  repeated figures, runs of capitalised words), each read as ingest reads one, within the extraction\n"
                + "  budget (default DEALGRAPH_EXTRACTION_BUDGET or 60s); --mb: each shape's size (default the document\n"
                + "  size limit, 10 MB); exits 1 when a shape misses the target of 2 s and 256 MB per MB\n"
                + "usage: dealgraph bench query (--data-dir DIR | --url URL) [--requests N] [--warmup SECONDS] [--page-cache SIZE] [--token T]\n"
                + "  latency per query endpoint through HTTP (p50, p99, max), on a server it starts on DIR (a graph\n"
                + "  written by 'generate') or on a running one; --requests per endpoint (default 1000) after a\n"
                + "  warm-up cycling through all endpoints for --warmup seconds (default 30)\n"
                + "usage: dealgraph bench startup [--runs N] [--jar PATH] [--cds]\n"
                + "  time from java -jar to a healthy /actuator/health, --runs times on one new data directory (default 3,\n"
                + "  jar target/dealgraph.jar); --cds: again from the extracted jar with a class-data-sharing archive";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            throw new UsageException("no SUBJECT given");
        }
        if (args.get(0).equals("ingest")) {
            return IngestBench.run(args.subList(1, args.size()), out, err);
        }
        if (args.get(0).equals("export")) {
            // Not a per-document throughput: a table of export formats timed on a generated graph.
            return io.dealgraph.export.ExportBenchmark.run(args.subList(1, args.size()), out, err);
        }
        if (args.get(0).equals("adversarial")) {
            // Cost per shape of input, not throughput: each expensive shape read once, the way ingest reads it.
            return AdversarialBench.run(args.subList(1, args.size()), out, err);
        }
        if (args.get(0).equals("startup")) {
            // Time to a healthy server, run after run: a child JVM per run, not work inside this one.
            return StartupBench.run(args.subList(1, args.size()), out, err);
        }
        if (args.get(0).equals("query")) {
            // Latency per endpoint, not throughput of one unit: a different measurement, in its own class.
            return new QueryBench().run(args.subList(1, args.size()), out, err);
        }
        java.util.function.Supplier<Subject> factory = subjects.get(args.get(0));
        if (factory == null) {
            throw new UsageException("unknown subject '" + args.get(0) + "'");
        }
        double seconds = 10;
        List<Path> corpus = new ArrayList<>();
        java.util.Set<io.dealgraph.extract.RuleBasedExtractor.Part> without = java.util.EnumSet.noneOf(io.dealgraph.extract.RuleBasedExtractor.Part.class);
        for (int i = 1; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--seconds" -> {
                    String v = ExtractCommand.value(args, ++i, "--seconds");
                    try {
                        seconds = Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        throw new UsageException("--seconds needs a number, not '" + v + "'");
                    }
                    if (seconds <= 0 || seconds > 3600) {
                        throw new UsageException("--seconds must be between 0 and 3600");
                    }
                }
                case "--corpus" -> corpus.add(Path.of(ExtractCommand.value(args, ++i, "--corpus")));
                case "--without" -> without = ExtractCommand.parts(ExtractCommand.value(args, ++i, "--without"));
                default -> throw new UsageException("unknown argument " + args.get(i));
            }
        }
        if (corpus.isEmpty()) {
            for (Path p : DEFAULT_CORPUS) {
                if (Files.isDirectory(p)) {
                    corpus.add(p);
                }
            }
        }
        Subject subject = factory.get();
        if (!without.isEmpty() && subject instanceof ExtractSubject ex) {
            java.util.Set<io.dealgraph.extract.RuleBasedExtractor.Part> parts = java.util.EnumSet.allOf(io.dealgraph.extract.RuleBasedExtractor.Part.class);
            parts.removeAll(without);
            ex.extractor = Extractors.withParts(parts);
        }
        try {
            out.println("bench " + args.get(0) + ": " + subject.prepare(corpus));
        } catch (IOException e) {
            err.println("dealgraph bench: " + e.getMessage());
            return 1;
        }
        long warmEnd = System.nanoTime() + (long) (Math.min(5, Math.max(1, seconds / 3)) * 1e9);
        int i = 0;
        while (System.nanoTime() < warmEnd) {
            subject.runOnce(i++);
        }
        long bytes = 0;
        long items = 0;
        long n = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now;
        do {
            long[] r = subject.runOnce(i++);
            bytes += r[0];
            items += r[1];
            n++;
            now = System.nanoTime();
        } while (now < end);
        double s = (now - start) / 1e9;
        out.printf(Locale.ROOT, "%s: %d documents in %.1f s: %.0f documents/s, %.2f MB/s, %.2f facts/doc (1 thread)%n",
                subject.describe(), n, s, n / s, bytes / s / 1e6, (double) items / n);
        return 0;
    }

    /** The rule-based extractor over news articles cut or padded to about 4 KB. */
    static final class ExtractSubject implements Subject {
        private Extractor extractor = Extractors.ruleBased();
        private final List<Document> docs = new ArrayList<>();

        @Override
        public String describe() {
            return "extract" + (extractor == Extractors.ruleBased() ? "" : " (some parts left out)");
        }

        @Override
        public String prepare(List<Path> corpus) throws IOException {
            List<String> texts = new ArrayList<>();
            for (Path file : DocumentReader.collect(corpus)) {
                for (Document d : DocumentReader.read(file, null)) {
                    texts.add(d.text());
                }
            }
            if (texts.isEmpty()) {
                throw new IOException("no documents to measure; pass --corpus PATH (defaults, relative to the working "
                        + "directory: ../shared/corpus/seeds, src/test/resources/eval/dev)");
            }
            StringBuilder pending = new StringBuilder();
            for (String t : texts) {
                pending.append(t).append('\n');
                while (pending.length() >= ARTICLE_CHARS) {
                    int cut = pending.lastIndexOf("\n", ARTICLE_CHARS);
                    if (cut < ARTICLE_CHARS / 2) {
                        cut = ARTICLE_CHARS;
                    }
                    docs.add(Document.of("bench-" + docs.size(), pending.substring(0, cut)));
                    pending.delete(0, cut);
                }
            }
            if (pending.length() > ARTICLE_CHARS / 4) {
                docs.add(Document.of("bench-" + docs.size(), pending.toString()));
            }
            long total = docs.stream().mapToLong(d -> d.text().length()).sum();
            return String.format(Locale.ROOT, "%d articles of %.1f KB average from %d source documents",
                    docs.size(), total / 1024.0 / docs.size(), texts.size());
        }

        @Override
        public long[] runOnce(int i) {
            Document d = docs.get(i % docs.size());
            return new long[]{d.text().length(), extractor.extract(d).size()};
        }
    }
}
