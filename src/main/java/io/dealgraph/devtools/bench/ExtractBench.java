package io.dealgraph.devtools.bench;

import io.dealgraph.extract.Document;
import io.dealgraph.extract.DocumentReader;
import io.dealgraph.extract.Extractor;
import io.dealgraph.extract.Extractors;
import io.dealgraph.extract.RuleBasedExtractor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code bench extract}: single-threaded throughput of the rule-based extractor over news articles cut or padded to
 * about 4 KB, measured for a fixed time after a warm-up.
 */
public final class ExtractBench {

    static final int ARTICLE_CHARS = 4096;

    /** The default corpus: the seeds and the dev folder, never src/test/resources/eval/heldout (a blind set). */
    public static final List<Path> DEFAULT_CORPUS = List.of(Path.of("..", "shared", "corpus", "seeds"),
            Path.of("src", "test", "resources", "eval", "dev"));

    private ExtractBench() {
    }

    /**
     * @param seconds measured time, after a warm-up of a third of it (1 to 5 s)
     * @param corpus  documents to cut into articles; empty for {@link #DEFAULT_CORPUS} (the folders of it that exist)
     * @param without parts of the pipeline to leave out, to measure what each costs
     */
    public static int run(double seconds, List<Path> corpus, Set<RuleBasedExtractor.Part> without, PrintStream out, PrintStream err) {
        List<Path> sources = corpus.isEmpty() ? DEFAULT_CORPUS.stream().filter(Files::isDirectory).toList() : corpus;
        Set<RuleBasedExtractor.Part> parts = EnumSet.allOf(RuleBasedExtractor.Part.class);
        parts.removeAll(without);
        Extractor extractor = without.isEmpty() ? Extractors.ruleBased() : Extractors.withParts(parts);
        List<Document> docs;
        try {
            docs = articles(sources, out);
        } catch (IOException e) {
            err.println("dealgraph bench extract: " + e.getMessage());
            return 1;
        }
        long warmEnd = System.nanoTime() + (long) (Math.min(5, Math.max(1, seconds / 3)) * 1e9);
        int i = 0;
        while (System.nanoTime() < warmEnd) {
            extractor.extract(docs.get(i++ % docs.size()));
        }
        long bytes = 0;
        long facts = 0;
        long n = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now;
        do {
            Document d = docs.get(i++ % docs.size());
            bytes += d.text().length();
            facts += extractor.extract(d).size();
            n++;
            now = System.nanoTime();
        } while (now < end);
        double s = (now - start) / 1e9;
        out.printf(Locale.ROOT, "%s: %d documents in %.1f s: %.0f documents/s, %.2f MB/s, %.2f facts/doc (1 thread)%n",
                without.isEmpty() ? "extract" : "extract (some parts left out)", n, s, n / s, bytes / s / 1e6, (double) facts / n);
        return 0;
    }

    /** The corpus's texts run together and cut at line ends into articles of about {@link #ARTICLE_CHARS}. */
    private static List<Document> articles(List<Path> corpus, PrintStream out) throws IOException {
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
        List<Document> docs = new ArrayList<>();
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
        out.printf(Locale.ROOT, "bench extract: %d articles of %.1f KB average from %d source documents%n",
                docs.size(), total / 1024.0 / docs.size(), texts.size());
        return docs;
    }
}
