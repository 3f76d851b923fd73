package io.dealgraph.cli;

import io.dealgraph.JobContext;
import io.dealgraph.ingest.IngestProgress;
import io.dealgraph.ingest.IngestService;
import io.dealgraph.store.StoreUnavailableException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * {@code ingest PATH...}: documents into the graph of the configured store, with progress and a summary at the end.
 * When a running server holds the embedded store, the documents go to that server's REST API.
 */
@CommandLine.Command(name = "ingest",
        description = {"read documents into the graph (embedded store, NEO4J_URI, or a running server)",
                "A document already in the graph (same text or URL) is skipped; a refused one is reported with the reason "
                        + "and the rest goes on (exit status 1). When a running server holds the embedded store, the "
                        + "documents go to its REST API."})
final class IngestCommand extends Subcommand {

    @CommandLine.Mixin
    DocumentPaths documents;

    @CommandLine.Option(names = "--server", paramLabel = "URL",
            description = "send the documents to this running dealgraph (default: only when the store is in use, "
                    + "http://127.0.0.1:$DEALGRAPH_HTTP_PORT or 8080); DEALGRAPH_API_TOKEN is sent if set")
    String server;

    @CommandLine.Mixin
    Progress.Option progress;

    IngestCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() {
        List<Path> files;
        try {
            files = documents.files();
        } catch (IOException e) {
            return failed(e.getMessage());
        }
        if (files.isEmpty()) {
            return failed("no documents under " + documents.paths + " (looked for .txt .md .html .json .jsonl)");
        }
        LocalDate published = documents.published;
        if (server != null) {
            return new ServerHandoff(server, err).send(files, published, out);
        }
        // Found by the store's lock before starting anything; the refused start-up below covers a server that
        // took the store in between.
        if (ServerHandoff.storeHeldByServer()) {
            return sendToLocalServer(files, published);
        }
        ConfigurableApplicationContext context;
        try {
            context = JobContext.open(List.of());
        } catch (RuntimeException e) {
            StoreUnavailableException store = storeProblem(e);
            if (store != null && store.locked()) {
                return sendToLocalServer(files, published);
            }
            return failed(store != null ? store.getMessage() + "\n  " + store.action() : Commands.rootMessage(e));
        }
        try (context) {
            IngestService service = context.getBean(IngestService.class);
            IngestProgress counters = new IngestProgress();
            List<IngestService.Input> inputs = files.stream().map(f -> IngestService.Input.file(f, published)).toList();
            Thread run = new Thread(() -> service.ingestAll(inputs, counters), "ingest");
            run.start();
            if (!follow(run, counters, progress.open("ingest", "documents", err))) {
                return Commands.FAILED;
            }
            return summary(counters.snapshot(), out);
        }
    }

    private int sendToLocalServer(List<Path> files, LocalDate published) {
        err.println("The store is in use by a running dealgraph; sending the documents to it at " + ServerHandoff.localServer() + ".");
        return new ServerHandoff(ServerHandoff.localServer(), err).send(files, published, out);
    }

    /** Waits for {@code run}, showing {@code counters} on {@code view} as it goes; false if interrupted. */
    static boolean follow(Thread run, IngestProgress counters, Progress view) {
        try (view) {
            while (run.isAlive()) {
                IngestProgress.Snapshot s = counters.snapshot();
                view.show(s.done() + s.rejected(), s.documentsRead(), s.claims() + " claims");
                try {
                    run.join(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            IngestProgress.Snapshot s = counters.snapshot();
            view.show(s.done() + s.rejected(), s.documentsRead(), s.claims() + " claims");
        }
        return true;
    }

    static int summary(IngestProgress.Snapshot s, PrintStream out) {
        out.printf(Locale.ROOT, "Ingested %d documents (%d already in the graph, %d refused), %d claims, in %.1f s: %s documents/s%n",
                s.ingested(), s.duplicates(), s.rejected(), s.claims(), s.elapsed().toMillis() / 1000.0, Commands.rate(s.documentsPerSecond()));
        s.rejections().forEach(r -> out.println("  refused " + r.name() + ": " + r.reason()));
        return s.rejected() == 0 ? 0 : Commands.FAILED;
    }

    static StoreUnavailableException storeProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreUnavailableException s) {
                return s;
            }
        }
        return null;
    }
}
