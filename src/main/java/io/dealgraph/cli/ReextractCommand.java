package io.dealgraph.cli;

import io.dealgraph.JobContext;
import io.dealgraph.ingest.IngestProgress;
import io.dealgraph.ingest.IngestService;
import io.dealgraph.store.StoreUnavailableException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * {@code reextract}: every document the graph holds read again by this version's extractor, the graph rebuilt from
 * what it reads, a batch per transaction. When a running server holds the embedded store, the server does it.
 */
@CommandLine.Command(name = "reextract",
        description = {"read every stored document again and rebuild the graph from what this version reads",
                "Replays the documents in the order they were first ingested, a batch per transaction; an interrupted run "
                        + "resumes where it stopped. When a running server holds the embedded store, the server does it."})
final class ReextractCommand extends Subcommand {

    @CommandLine.Option(names = "--server", paramLabel = "URL",
            description = "ask this running dealgraph to do it (default: only when the store is in use)")
    String server;

    @CommandLine.Mixin
    Progress.Option progress;

    ReextractCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() {
        if (server != null) {
            return new ServerHandoff(server, err).reextract(out);
        }
        if (ServerHandoff.storeHeldByServer()) {
            return askLocalServer();
        }
        ConfigurableApplicationContext context;
        try {
            context = JobContext.open(List.of());
        } catch (RuntimeException e) {
            StoreUnavailableException store = IngestCommand.storeProblem(e);
            if (store != null && store.locked()) {
                return askLocalServer();
            }
            return failed(store != null ? store.getMessage() + "\n  " + store.action() : Commands.rootMessage(e));
        }
        try (context) {
            IngestService service = context.getBean(IngestService.class);
            try {
                service.checkReextraction();
            } catch (IngestService.ReextractionRefused e) {
                return failed("nothing was changed: " + e.getMessage() + ".");
            }
            IngestProgress counters = new IngestProgress();
            RuntimeException[] failure = new RuntimeException[1];
            Thread run = new Thread(() -> {
                try {
                    service.reextractAll(counters);
                } catch (RuntimeException e) {
                    failure[0] = e;
                }
            }, "reextract");
            run.start();
            if (!IngestCommand.follow(run, counters, progress.open("reextract", "documents", err))) {
                return Commands.FAILED;
            }
            IngestProgress.Snapshot s = counters.snapshot();
            if (failure[0] != null) {
                return failed("stopped after " + s.ingested() + " documents: " + Commands.rootMessage(failure[0])
                        + "\n  What was re-extracted is in the graph; run 'dealgraph reextract' again to finish.");
            }
            out.printf(Locale.ROOT, "Re-extracted %d documents, %d claims, in %.1f s: %s documents/s%n",
                    s.ingested(), s.claims(), s.elapsed().toMillis() / 1000.0, Commands.rate(s.documentsPerSecond()));
            return 0;
        }
    }

    private int askLocalServer() {
        err.println("The store is in use by a running dealgraph; asking it at " + ServerHandoff.localServer() + " to re-extract.");
        return new ServerHandoff(ServerHandoff.localServer(), err).reextract(out);
    }
}
