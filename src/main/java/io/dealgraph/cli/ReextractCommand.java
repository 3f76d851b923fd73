package io.dealgraph.cli;

import io.dealgraph.ingest.IngestProgress;
import io.dealgraph.ingest.IngestService;
import io.dealgraph.store.StoreUnavailableException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code reextract}: every document the graph holds read again by this version's extractor, the graph rebuilt from
 * what it reads, a batch per transaction. When a running server holds the embedded store, the server does it.
 */
final class ReextractCommand implements Command {

    @Override
    public String name() {
        return "reextract";
    }

    @Override
    public String summary() {
        return "read every stored document again with this version's extractor and rebuild the graph from it";
    }

    @Override
    public String usage() {
        return "usage: dealgraph reextract [--server URL] [--progress|--no-progress]\n"
                + "  Replays the documents in the order they were first ingested; an interrupted run resumes where it stopped.\n"
                + "  --server: ask this running dealgraph to do it (default: only when the store is in use)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String server = null;
        Boolean progressBar = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--server" -> server = ExtractCommand.value(args, ++i, a);
                case "--progress" -> progressBar = true;
                case "--no-progress" -> progressBar = false;
                default -> throw new UsageException("unknown argument " + a);
            }
        }
        if (server != null) {
            return new IngestCommand.ServerHandoff(server, err).reextract(out);
        }
        if (IngestCommand.storeHeldByServer()) {
            return askLocalServer(out, err);
        }
        ConfigurableApplicationContext context;
        try {
            context = JobContext.open(List.of());
        } catch (RuntimeException e) {
            StoreUnavailableException store = IngestCommand.storeProblem(e);
            if (store != null && store.locked()) {
                return askLocalServer(out, err);
            }
            err.println("dealgraph reextract: " + (store != null ? store.getMessage() + "\n  " + store.action() : IngestCommand.rootMessage(e)));
            return 1;
        }
        try (context) {
            IngestService service = context.getBean(IngestService.class);
            try {
                service.checkReextraction();
            } catch (IngestService.ReextractionRefused e) {
                err.println("dealgraph reextract: nothing was changed: " + e.getMessage() + ".");
                return 1;
            }
            IngestProgress progress = new IngestProgress();
            RuntimeException[] failure = new RuntimeException[1];
            Thread run = new Thread(() -> {
                try {
                    service.reextractAll(progress);
                } catch (RuntimeException e) {
                    failure[0] = e;
                }
            }, "reextract");
            run.start();
            IngestCommand.ProgressBar view = (progressBar != null ? progressBar : System.console() != null)
                    ? new IngestCommand.ProgressBar(err) : null;
            if (!IngestCommand.follow(run, progress, view)) {
                return 1;
            }
            IngestProgress.Snapshot s = progress.snapshot();
            if (failure[0] != null) {
                err.println("dealgraph reextract: stopped after " + s.ingested() + " documents: " + IngestCommand.rootMessage(failure[0])
                        + "\n  What was re-extracted is in the graph; run 'dealgraph reextract' again to finish.");
                return 1;
            }
            out.printf(Locale.ROOT, "Re-extracted %d documents, %d claims, in %.1f s: %s documents/s%n",
                    s.ingested(), s.claims(), s.elapsed().toMillis() / 1000.0, Commands.rate(s.documentsPerSecond()));
            return 0;
        }
    }

    private static int askLocalServer(PrintStream out, PrintStream err) {
        err.println("The store is in use by a running dealgraph; asking it at " + IngestCommand.localServer() + " to re-extract.");
        return new IngestCommand.ServerHandoff(IngestCommand.localServer(), err).reextract(out);
    }
}
