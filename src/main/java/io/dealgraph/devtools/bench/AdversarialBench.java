package io.dealgraph.devtools.bench;

import io.dealgraph.extract.Document;
import io.dealgraph.extract.Extractor;
import io.dealgraph.extract.Extractors;
import io.dealgraph.ingest.ExtractionBudget;
import io.dealgraph.ingest.IngestSettings;
import io.dealgraph.ingest.Inputs;
import io.dealgraph.ingest.RejectedInputException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

/**
 * {@code bench adversarial}: what documents shaped to be expensive cost, each read the way ingest reads one (the
 * input checks and the document reader, then the extractor within the extraction budget), on one thread, after a
 * warm-up. Per shape: input size, wall and CPU time, peak heap and bytes allocated, the same per MB, and whether the
 * document stayed within the target of 2 s and 256 MB of heap per MB of input (wall time, peak heap). Writing to the
 * graph is left out: it costs the same whatever the text's shape.
 */
public final class AdversarialBench {

    static final double TARGET_SECONDS_PER_MB = 2;
    static final double TARGET_MB_PER_MB = 256;
    private static final double MB = 1 << 20;

    /** An expensive shape: its file name (the extension picks the reader) and how to make {@code bytes} of it. */
    record Shape(String name, String file, IntFunction<String> make) {
    }

    /** What one shape cost. */
    record Cost(Shape shape, long bytes, double wallSeconds, double cpuSeconds, long peakHeap, long allocated, String outcome) {

        double mb() {
            return bytes / MB;
        }

        boolean metTarget() {
            return wallSeconds / mb() <= TARGET_SECONDS_PER_MB && peakHeap / MB / mb() <= TARGET_MB_PER_MB;
        }
    }

    static final List<Shape> SHAPES = List.of(
            new Shape("no-sentence-ends", "run-on.txt", AdversarialBench::runOn),
            new Shape("markdown-table", "table.md", AdversarialBench::markdownTable),
            new Shape("html-table", "table.html", AdversarialBench::htmlTable),
            new Shape("commas", "commas.txt", AdversarialBench::commas),
            new Shape("nested-html", "nested.html", AdversarialBench::nestedHtml),
            new Shape("nested-markdown", "nested.md", AdversarialBench::nestedMarkdown),
            new Shape("money-figures", "figures.txt", AdversarialBench::figures),
            new Shape("capitalised-run", "names.txt", AdversarialBench::capitalised));

    private AdversarialBench() {
    }

    /** The names {@code --shape} takes, in the order the bench runs them. */
    public static List<String> shapeNames() {
        return SHAPES.stream().map(Shape::name).toList();
    }

    /**
     * @param mb     each shape's size in MB; 0 for the document size limit
     * @param budget the extraction budget; null for the service's
     * @param only   the shapes to run (names from {@link #shapeNames()}); empty for all
     */
    public static int run(double mb, Duration budget, List<String> only, PrintStream out, PrintStream err) {
        List<Shape> shapes = SHAPES.stream().filter(s -> only.isEmpty() || only.contains(s.name())).toList();
        // the service's limit and budget: application.yml's defaults, or the environment variables that override them
        IngestSettings defaults = new IngestSettings(DataSize.parse(env("DEALGRAPH_MAX_DOCUMENT_SIZE", "10MB")), 1, 1, null,
                Duration.ofSeconds(10), budget != null ? budget : DurationStyle.detectAndParse(env("DEALGRAPH_EXTRACTION_BUDGET", "60s")));
        Inputs inputs = new Inputs(defaults);
        ExtractionBudget limit = new ExtractionBudget(defaults.extractionBudget());
        Extractor extractor = Extractors.ruleBased();
        warmUp(extractor);
        // by default each shape as large as a document may be: the worst the service accepts
        int bytes = mb > 0 ? (int) Math.round(mb * MB) : (int) Math.min(Integer.MAX_VALUE - 8, defaults.maxDocumentSize().toBytes());
        out.printf(Locale.ROOT, "bench adversarial: %d shapes of %.2f MB, budget %s, size limit %d MB, max heap %d MB, %d cores;"
                        + " target <= %.0f s and <= %.0f MB per MB of input%n", shapes.size(), bytes / MB,
                seconds(defaults.extractionBudget()), defaults.maxDocumentSize().toMegabytes(), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(), TARGET_SECONDS_PER_MB, TARGET_MB_PER_MB);
        out.printf(Locale.ROOT, "%-18s %6s %7s %6s %8s %9s %6s %7s %8s %9s  %-6s %s%n", "shape", "MB", "wall s", "cpu s", "peak MB",
                "alloc MB", "s/MB", "cpu/MB", "peak/MB", "alloc/MB", "target", "outcome");
        boolean allMet = true;
        for (Shape s : shapes) {
            Cost c = measure(s, bytes, inputs, limit, extractor);
            allMet &= c.metTarget();
            out.printf(Locale.ROOT, "%-18s %6.2f %7.2f %6.2f %8.0f %9.0f %6.2f %7.2f %8.0f %9.0f  %-6s %s%n", s.name(), c.mb(), c.wallSeconds(),
                    c.cpuSeconds(), c.peakHeap() / MB, c.allocated() / MB, c.wallSeconds() / c.mb(), c.cpuSeconds() / c.mb(),
                    c.peakHeap() / MB / c.mb(), c.allocated() / MB / c.mb(), c.metTarget() ? "met" : "MISSED", c.outcome());
            out.flush();
        }
        out.println("wall and peak decide the target; cpu: the reading thread's own; peak: heap in use above the level before the"
                + " shape, garbage not yet collected included (bounded by the max heap); alloc: bytes the reading thread allocated");
        return allMet ? 0 : 1;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** Models loaded and the code warm, so the first shape does not pay for them. */
    private static void warmUp(Extractor extractor) {
        String article = "Northstar Capital led a $40 million Series B round in Acme Robotics, the company said on Tuesday. "
                + "Google Cloud will supply the computing capacity under a three-year agreement worth $20 million.\n";
        for (int i = 0; i < 20; i++) {
            extractor.extract(Document.of("warm-" + i, article.repeat(1 + i % 5)));
        }
    }

    static Cost measure(Shape shape, int bytes, Inputs inputs, ExtractionBudget budget, Extractor extractor) {
        String made = shape.make().apply(bytes);
        byte[] content = made.substring(0, Math.min(made.length(), bytes)).getBytes(StandardCharsets.UTF_8);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean allocation = (com.sun.management.ThreadMXBean) threads;
        long thread = Thread.currentThread().getId();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long allocatedBefore = allocation.getThreadAllocatedBytes(thread);
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long wallBefore = System.nanoTime();
        String outcome;
        try {
            int facts = 0;
            List<Document> docs = inputs.parse(shape.file(), content, null);
            for (Document d : docs) {
                facts += budget.extract(extractor, d).size();
            }
            outcome = facts + " facts";
        } catch (RejectedInputException e) {
            outcome = "refused: " + e.getMessage();
        } catch (OutOfMemoryError e) {
            outcome = "out of memory";
        }
        long wall = System.nanoTime() - wallBefore;
        long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
        long allocated = allocation.getThreadAllocatedBytes(thread) - allocatedBefore;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() - before;
        return new Cost(shape, content.length, wall / 1e9, cpu / 1e9, Math.max(0, peak), allocated, outcome);
    }

    // ---------------------------------------------------------------- the shapes, each deterministic

    private static final String[] WORDS = ("the company said it would invest in new data centers and expand its cloud business with partners "
            + "across regions while investors backed a funding round led by existing shareholders who agreed to buy more chips").split(" ");
    private static final String[] NAMES = {"Acme Robotics", "Northstar Capital", "Google", "Amazon", "Nvidia", "Sequoia Capital",
        "Lux Capital", "Founders Fund", "Microsoft", "Anthropic", "Meridian Partners", "Kestrel Labs"};
    /** ASCII only, so that characters and bytes agree and a shape is exactly the size asked for. */
    private static final String[] FIGURES = {"$40 million", "$1.2 billion", "EUR 300m", "GBP 25 million", "$8 billion"};

    /** Prose without a full stop, question or exclamation mark, or line break: one sentence of the whole size. */
    static String runOn(int bytes) {
        Random r = new Random(1);
        StringBuilder sb = new StringBuilder(bytes + 64);
        while (sb.length() < bytes) {
            int k = r.nextInt(20);
            sb.append(k == 0 ? NAMES[r.nextInt(NAMES.length)] : k == 1 ? FIGURES[r.nextInt(FIGURES.length)] : WORDS[r.nextInt(WORDS.length)])
                    .append(k == 2 ? ", " : " ");
        }
        return sb.substring(0, bytes);
    }

    static String markdownTable(int bytes) {
        StringBuilder sb = new StringBuilder(bytes + 128).append("| Company | Investor | Amount | Round | Date |\n|---|---|---|---|---|\n");
        for (int i = 0; sb.length() < bytes; i++) {
            sb.append("| Acme").append(i).append(" Labs | ").append(NAMES[i % NAMES.length]).append(" | ").append(FIGURES[i % FIGURES.length])
                    .append(" | Series ").append((char) ('A' + i % 6)).append(" | 2024-0").append(1 + i % 9).append("-1").append(i % 10).append(" |\n");
        }
        return sb.toString();
    }

    static String htmlTable(int bytes) {
        StringBuilder sb = new StringBuilder(bytes + 128).append("<html><body><article><table><tr><th>Company</th><th>Investor</th><th>Amount</th></tr>");
        for (int i = 0; sb.length() < bytes - 120; i++) {
            sb.append("<tr><td>Acme").append(i).append(" Labs</td><td>").append(NAMES[i % NAMES.length]).append("</td><td>")
                    .append(FIGURES[i % FIGURES.length]).append("</td></tr>");
        }
        return sb.append("</table></article></body></html>").toString();
    }

    /** A deal, then commas with no words between them, as many as the size holds (a million per MB). */
    static String commas(int bytes) {
        String lead = "Northstar Capital invested $5 million in Acme Robotics";
        return lead + ",".repeat(Math.max(0, bytes - lead.length()));
    }

    /** Elements opened inside each other, every level with a little text, closed only at the end. */
    static String nestedHtml(int bytes) {
        String open = "<div><ul><li>Acme raised $5 million ";
        String close = "</li></ul></div>";
        int depth = Math.max(1, bytes / (open.length() + close.length()));
        StringBuilder sb = new StringBuilder(bytes + 64).append("<html><body>");
        sb.append(open.repeat(depth));
        sb.append(close.repeat(depth));
        return sb.append("</body></html>").toString();
    }

    /** Quote and list markers, link brackets and tag openers that never close, on one line. */
    static String nestedMarkdown(int bytes) {
        String unit = "> - [Acme <a [Northstar ](";
        return unit.repeat(Math.max(1, bytes / unit.length()));
    }

    /** "$1 billion" over and over, in a list that never ends a sentence. */
    static String figures(int bytes) {
        StringBuilder sb = new StringBuilder(bytes + 32).append("Acme Robotics raised ");
        while (sb.length() < bytes) {
            sb.append("$1 billion, ");
        }
        return sb.toString();
    }

    /** Capitalised words and names, no punctuation: a name recogniser's worst case. */
    static String capitalised(int bytes) {
        Random r = new Random(2);
        String[] parts = {"Acme", "Northstar", "Capital", "Labs", "Holdings", "Group", "Partners", "Ventures", "Global", "Robotics", "Cloud",
            "Systems", "Fund", "Google", "Amazon", "Nvidia"};
        StringBuilder sb = new StringBuilder(bytes + 32);
        for (int i = 0; sb.length() < bytes; i++) {
            sb.append(parts[r.nextInt(parts.length)]);
            if (i % 7 == 0) {
                sb.append(i); // names never seen before, so no mention is a repeat
            }
            sb.append(' ');
        }
        return sb.toString();
    }
}
