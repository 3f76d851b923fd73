package io.dealgraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealgraph.extract.DocumentReader;
import io.dealgraph.ingest.IngestProgress;
import io.dealgraph.ingest.IngestService;
import io.dealgraph.store.EmbeddedNeo4j;
import io.dealgraph.store.StoreUnavailableException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ingest PATH...}: documents into the graph of the configured store, with a progress bar on a terminal and a
 * summary at the end. When a running server holds the embedded store, the documents go to that server's REST API.
 */
final class IngestCommand implements Command {

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public String summary() {
        return "read documents into the graph (embedded store, NEO4J_URI, or a running server)";
    }

    @Override
    public String usage() {
        return "usage: dealgraph ingest [--published YYYY-MM-DD] [--server URL] [--progress|--no-progress] PATH...\n"
                + "  PATH: files or directories (recursive) of .txt .md .html .json .jsonl; *.gold.json skipped\n"
                + "  --published: publication date for documents that state none\n"
                + "  --server: send the documents to this running dealgraph (default: only when the store is in use,\n"
                + "            http://127.0.0.1:$DEALGRAPH_HTTP_PORT or 8080); DEALGRAPH_API_TOKEN is sent if set";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        LocalDate published = null;
        String server = null;
        Boolean progressBar = null;
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--published" -> published = ExtractCommand.date(ExtractCommand.value(args, ++i, a), a);
                case "--server" -> server = ExtractCommand.value(args, ++i, a);
                case "--progress" -> progressBar = true;
                case "--no-progress" -> progressBar = false;
                default -> {
                    if (a.startsWith("--")) {
                        throw new UsageException("unknown option " + a);
                    }
                    paths.add(Path.of(a));
                }
            }
        }
        if (paths.isEmpty()) {
            throw new UsageException("no input PATH given");
        }
        List<Path> files;
        try {
            files = DocumentReader.collect(paths);
        } catch (IOException e) {
            err.println("dealgraph ingest: " + e.getMessage());
            return 1;
        }
        if (files.isEmpty()) {
            err.println("dealgraph ingest: no documents under " + paths + " (looked for .txt .md .html .json .jsonl)");
            return 1;
        }
        boolean bar = progressBar != null ? progressBar : System.console() != null;
        if (server != null) {
            return new ServerHandoff(server, err).send(files, published, out);
        }
        // Found by the store's lock before starting anything; the refused start-up below covers a server that
        // took the store in between.
        if (storeHeldByServer()) {
            return sendToLocalServer(files, published, out, err);
        }
        ConfigurableApplicationContext context;
        try {
            context = JobContext.open(List.of());
        } catch (RuntimeException e) {
            StoreUnavailableException store = storeProblem(e);
            if (store != null && store.locked()) {
                return sendToLocalServer(files, published, out, err);
            }
            err.println("dealgraph ingest: " + (store != null ? store.getMessage() + "\n  " + store.action() : rootMessage(e)));
            return 1;
        }
        try (context) {
            IngestService service = context.getBean(IngestService.class);
            IngestProgress progress = new IngestProgress();
            LocalDate defaultDate = published;
            List<IngestService.Input> inputs = files.stream().map(f -> IngestService.Input.file(f, defaultDate)).toList();
            Thread run = new Thread(() -> service.ingestAll(inputs, progress), "ingest");
            run.start();
            if (!follow(run, progress, bar ? new ProgressBar(err) : null)) {
                return 1;
            }
            return summary(progress.snapshot(), out);
        }
    }

    /**
     * Whether the embedded store this job would open is held by a running server (checked before any Spring start,
     * so the hand-off takes milliseconds and prints no start-up failure). Not asked with an external Neo4j.
     */
    static boolean storeHeldByServer() {
        String uri = System.getenv().getOrDefault("NEO4J_URI", "");
        if (!uri.isBlank()) {
            return false;
        }
        String dataDir = System.getenv().getOrDefault("DEALGRAPH_DATA_DIR", "");
        return EmbeddedNeo4j.heldByAnotherProcess(Path.of(dataDir.isBlank() ? "data" : dataDir));
    }

    private static int sendToLocalServer(List<Path> files, LocalDate published, PrintStream out, PrintStream err) {
        err.println("The store is in use by a running dealgraph; sending the documents to it at " + localServer() + ".");
        return new ServerHandoff(localServer(), err).send(files, published, out);
    }

    /** The running server on this machine, where the documents go when it holds the store. */
    static String localServer() {
        return "http://127.0.0.1:" + System.getenv().getOrDefault("DEALGRAPH_HTTP_PORT", "8080");
    }

    /** Waits for {@code run}, redrawing {@code view} (when there is one) from {@code progress}; false if interrupted. */
    static boolean follow(Thread run, IngestProgress progress, ProgressBar view) {
        while (run.isAlive()) {
            if (view != null) {
                view.draw(progress.snapshot());
            }
            try {
                run.join(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        if (view != null) {
            view.clear();
        }
        return true;
    }

    static int summary(IngestProgress.Snapshot s, PrintStream out) {
        out.printf(Locale.ROOT, "Ingested %d documents (%d already in the graph, %d refused), %d claims, in %.1f s: %s documents/s%n",
                s.ingested(), s.duplicates(), s.rejected(), s.claims(), s.elapsed().toMillis() / 1000.0, Commands.rate(s.documentsPerSecond()));
        s.rejections().forEach(r -> out.println("  refused " + r.name() + ": " + r.reason()));
        return s.rejected() == 0 ? 0 : 1;
    }

    static StoreUnavailableException storeProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreUnavailableException s) {
                return s;
            }
        }
        return null;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** One line, redrawn in place: done/total documents, rate, facts, time left. */
    static final class ProgressBar {
        private final PrintStream err;
        private int width;

        ProgressBar(PrintStream err) {
            this.err = err;
        }

        void draw(IngestProgress.Snapshot s) {
            long total = Math.max(s.documentsRead(), 1);
            long done = s.done() + s.rejected();
            double ratio = Math.min(1.0, (double) s.done() / total);
            int filled = (int) (ratio * 30);
            double rate = s.documentsPerSecond();
            long left = rate > 0 ? (long) ((total - s.done()) / rate) : -1;
            String line = String.format(Locale.ROOT, "\r[%s%s] %d/%d documents  %.0f/s  %d claims  %s",
                    "#".repeat(filled), ".".repeat(30 - filled), done, s.documentsRead(), rate, s.claims(),
                    left < 0 ? "" : "ETA " + left + " s");
            width = Math.max(width, line.length());
            err.print(line);
            err.flush();
        }

        void clear() {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
        }
    }

    /** Sends files to a running server's {@code POST /api/documents}, one request per file. */
    static final class ServerHandoff {
        private final String base;
        private final PrintStream err;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final ObjectMapper json = new ObjectMapper();

        ServerHandoff(String base, PrintStream err) {
            this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
            this.err = err;
        }

        int send(List<Path> files, LocalDate published, PrintStream out) {
            int ingested = 0;
            int duplicates = 0;
            int refused = 0;
            long started = System.nanoTime();
            for (Path f : files) {
                String name = f.getFileName().toString();
                String query = "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                        + (published == null ? "" : "&published=" + published);
                try {
                    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + "/api/documents" + query))
                            .header("Content-Type", contentType(name)).POST(HttpRequest.BodyPublishers.ofFile(f));
                    String token = System.getenv("DEALGRAPH_API_TOKEN");
                    if (token != null && !token.isBlank()) {
                        req.header("Authorization", "Bearer " + token);
                    }
                    HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
                    JsonNode body = res.body().isBlank() ? json.createObjectNode() : json.readTree(res.body());
                    switch (res.statusCode()) {
                        case 201 -> ingested++;
                        case 200 -> duplicates++;
                        case 202 -> {
                            JsonNode done = await(body.path("id").asText());
                            ingested += done.path("progress").path("ingested").asInt();
                            duplicates += done.path("progress").path("duplicates").asInt();
                            for (JsonNode r : done.path("progress").path("rejections")) {
                                refused++;
                                out.println("  refused " + f + " " + r.path("name").asText() + ": " + r.path("reason").asText());
                            }
                        }
                        default -> {
                            refused++;
                            out.println("  refused " + f + ": " + body.path("detail").asText(res.body()));
                        }
                    }
                } catch (ConnectException e) {
                    err.println("dealgraph ingest: no dealgraph server answers at " + base
                            + ". Start it, pass --server URL, or stop the process that holds the data directory.");
                    return 1;
                } catch (IOException e) {
                    refused++;
                    out.println("  refused " + f + ": " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 1;
                }
            }
            double s = (System.nanoTime() - started) / 1e9;
            out.printf(Locale.ROOT, "Sent to %s: %d documents ingested (%d already in the graph, %d refused) in %.1f s%n",
                    base, ingested, duplicates, refused, s);
            return refused == 0 ? 0 : 1;
        }

        /** Asks the server to re-extract every stored document and waits for the job to end. */
        int reextract(PrintStream out) {
            try {
                HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + "/api/reextract")).POST(HttpRequest.BodyPublishers.noBody());
                String token = System.getenv("DEALGRAPH_API_TOKEN");
                if (token != null && !token.isBlank()) {
                    req.header("Authorization", "Bearer " + token);
                }
                HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
                JsonNode body = res.body().isBlank() ? json.createObjectNode() : json.readTree(res.body());
                if (res.statusCode() != 202) {
                    err.println("dealgraph reextract: " + body.path("detail").asText(res.body()));
                    return 1;
                }
                JsonNode done = await(body.path("id").asText());
                if (done.path("state").asText().equals("FAILED")) {
                    err.println("dealgraph reextract: " + done.path("error").asText());
                    return 1;
                }
                JsonNode p = done.path("progress");
                out.printf(Locale.ROOT, "Re-extracted %d documents on %s: %d claims%n", p.path("ingested").asLong(), base, p.path("claims").asLong());
                return 0;
            } catch (ConnectException e) {
                err.println("dealgraph reextract: no dealgraph server answers at " + base
                        + ". Start it, pass --server URL, or stop the process that holds the data directory.");
                return 1;
            } catch (IOException e) {
                err.println("dealgraph reextract: " + e.getMessage());
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }

        private JsonNode await(String job) throws IOException, InterruptedException {
            while (true) {
                HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + "/api/jobs/" + job)).GET();
                String token = System.getenv("DEALGRAPH_API_TOKEN");
                if (token != null && !token.isBlank()) {
                    req.header("Authorization", "Bearer " + token);
                }
                JsonNode status = json.readTree(http.send(req.build(), HttpResponse.BodyHandlers.ofString()).body());
                String state = status.path("state").asText();
                if (state.equals("DONE") || state.equals("FAILED")) {
                    return status;
                }
                Thread.sleep(200);
            }
        }

        static String contentType(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.endsWith(".json")) {
                return "application/json";
            }
            if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
                return "application/x-ndjson";
            }
            if (n.endsWith(".html") || n.endsWith(".htm")) {
                return "text/html; charset=utf-8";
            }
            return n.endsWith(".md") || n.endsWith(".markdown") ? "text/markdown; charset=utf-8" : "text/plain; charset=utf-8";
        }
    }
}
