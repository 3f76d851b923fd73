package io.dealgraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealgraph.store.EmbeddedNeo4j;
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
import java.util.List;
import java.util.Locale;

/**
 * The work of {@code ingest} and {@code reextract} handed to a running dealgraph that holds the store (or the one
 * {@code --server} names): files to its {@code POST /api/documents}, one request per file, and re-extraction to its
 * {@code POST /api/reextract}, each job followed to its end.
 */
final class ServerHandoff {
    private final String base;
    private final PrintStream err;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    ServerHandoff(String base, PrintStream err) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.err = err;
    }

    /**
     * Whether the embedded store a job would open is held by a running server (checked before any Spring start,
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

    /** The running server on this machine, where the work goes when it holds the store. */
    static String localServer() {
        return "http://127.0.0.1:" + System.getenv().getOrDefault("DEALGRAPH_HTTP_PORT", "8080");
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
