package io.dealgraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealgraph.DealgraphApplication;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code bench query}: latency of the query API through HTTP, one request at a time, per endpoint: p50, p99 and
 * max after a warm-up. Against a running server ({@code --url}) or one it starts on a data directory (typically
 * one written by {@code generate}). Entities, deals and pairs are sampled from the graph itself.
 */
final class QueryBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String base;
    private String token;

    int run(List<String> args, PrintStream out, PrintStream err) {
        String url = null;
        String dataDir = null;
        String pageCache = "2g";
        int requests = 300;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--url" -> url = ExtractCommand.value(args, ++i, a);
                case "--data-dir" -> dataDir = ExtractCommand.value(args, ++i, a);
                case "--page-cache" -> pageCache = ExtractCommand.value(args, ++i, a);
                case "--token" -> token = ExtractCommand.value(args, ++i, a);
                case "--requests" -> {
                    try {
                        requests = Integer.parseInt(ExtractCommand.value(args, ++i, a));
                    } catch (NumberFormatException e) {
                        throw new UsageException("--requests needs a whole number");
                    }
                    if (requests < 10) {
                        throw new UsageException("--requests must be at least 10");
                    }
                }
                default -> throw new UsageException("unknown argument " + a);
            }
        }
        if ((url == null) == (dataDir == null)) {
            throw new UsageException("give either --url of a running server or --data-dir of a graph to serve");
        }
        ConfigurableApplicationContext server = null;
        try {
            if (url == null) {
                long t = System.nanoTime();
                server = new SpringApplicationBuilder(DealgraphApplication.class).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                        .run("--dealgraph.embedded.data-dir=" + dataDir, "--dealgraph.embedded.page-cache=" + pageCache,
                                "--dealgraph.embedded.bolt-port=0", "--server.port=0", "--logging.level.root=WARN",
                                "--logging.level.io.dealgraph=WARN", "--logging.level.dealgraph=WARN");
                int port = ((WebServerApplicationContext) server).getWebServer().getPort();
                url = "http://127.0.0.1:" + port;
                out.printf(Locale.ROOT, "server started on %s in %.1f s (data %s, page cache %s)%n", url, (System.nanoTime() - t) / 1e9,
                        dataDir, pageCache);
            }
            base = url.replaceAll("/+$", "");
            return measure(requests, out);
        } catch (IOException | RuntimeException e) {
            err.println("dealgraph bench query: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private int measure(int requests, PrintStream out) throws IOException, InterruptedException {
        JsonNode stats = get("/api/stats");
        out.printf(Locale.ROOT, "graph: %,d companies, %,d clouds, %,d chips, %,d deals, %,d INVESTS_IN, %,d COMMITS_SPEND_TO, %,d claims%n",
                stats.at("/labels/Company").asLong(), stats.at("/labels/Cloud").asLong(), stats.at("/labels/Chip").asLong(),
                stats.at("/labels/Deal").asLong(), stats.at("/relationships/INVESTS_IN").asLong(),
                stats.at("/relationships/COMMITS_SPEND_TO").asLong(), stats.at("/labels/Claim").asLong());
        List<String> companies = column("MATCH (c:Company) WITH c ORDER BY rand() LIMIT 500 RETURN c.name AS v");
        List<String> hubs = column("MATCH (c:Company) WITH c ORDER BY COUNT { (c)-[:INVESTS_IN]->() } DESC LIMIT 10 RETURN c.name AS v");
        List<String> funded = column("MATCH (c:Company) WITH c ORDER BY COUNT { (c)<-[:INVESTS_IN]-() } DESC LIMIT 10 RETURN c.name AS v");
        List<String> deals = column("MATCH (d:Deal) WITH d ORDER BY rand() LIMIT 500 RETURN d.id AS v");
        if (companies.size() < 2 || deals.isEmpty()) {
            throw new IOException("the graph has too little in it to measure; run 'generate' first");
        }
        out.printf(Locale.ROOT, "sampled %d companies, %d deals; hubs: %s%n", companies.size(), deals.size(), String.join(", ", hubs.subList(0, Math.min(3, hubs.size()))));
        out.println();
        out.printf(Locale.ROOT, "%-44s %8s %9s %9s %9s %7s%n", "endpoint", "requests", "p50 ms", "p99 ms", "max ms", "errors");
        row(out, "GET /api/companies/{random}/funders", requests, i -> "/api/companies/" + enc(companies.get(i % companies.size())) + "/funders");
        row(out, "GET /api/companies/{random}/investments", requests, i -> "/api/companies/" + enc(companies.get(i % companies.size())) + "/investments");
        row(out, "GET /api/timeline?entity={random}", requests, i -> "/api/timeline?entity=" + enc(companies.get(i % companies.size())));
        row(out, "GET /api/companies/{random}/commitments", requests, i -> "/api/companies/" + enc(companies.get(i % companies.size())) + "/commitments");
        row(out, "GET /api/companies/{hub}/funders", requests, i -> "/api/companies/" + enc(funded.get(i % funded.size())) + "/funders");
        row(out, "GET /api/companies/{hub}/investments", requests, i -> "/api/companies/" + enc(hubs.get(i % hubs.size())) + "/investments");
        row(out, "GET /api/timeline?entity={hub}", requests, i -> "/api/timeline?entity=" + enc(hubs.get(i % hubs.size())));
        row(out, "GET /api/entities?q={prefix}", requests, i -> "/api/entities?q=" + enc(companies.get(i % companies.size()).substring(0, 5)));
        row(out, "GET /api/deals/{random}", requests, i -> "/api/deals/" + enc(deals.get(i % deals.size())));
        row(out, "GET /api/paths?from=&to=&maxHops=3", Math.max(10, requests / 20), i -> "/api/paths?maxHops=3&from="
                + enc(companies.get(i % companies.size())) + "&to=" + enc(companies.get((i * 7 + 1) % companies.size())));
        row(out, "GET /api/stats", requests, i -> "/api/stats");
        row(out, "GET /api/circular (whole graph)", 10, i -> "/api/circular");
        return 0;
    }

    private void row(PrintStream out, String name, int n, IntFunction<String> path) throws InterruptedException {
        int warm = Math.max(2, Math.min(50, n / 5));
        for (int i = 0; i < warm; i++) {
            time(path.apply(n + i));
        }
        long[] nanos = new long[n];
        int errors = 0;
        for (int i = 0; i < n; i++) {
            long t = time(path.apply(i));
            if (t < 0) {
                errors++;
                t = -t;
            }
            nanos[i] = t;
        }
        Arrays.sort(nanos);
        out.printf(Locale.ROOT, "%-44s %8d %9.1f %9.1f %9.1f %7d%n", name, n, pct(nanos, 0.50), pct(nanos, 0.99),
                nanos[n - 1] / 1e6, errors);
    }

    static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** Nanoseconds for one GET; negative when the answer was not 200. */
    private long time(String path) throws InterruptedException {
        HttpRequest request = request(path).GET().build();
        long t = System.nanoTime();
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long d = System.nanoTime() - t;
            return r.statusCode() == 200 ? d : -d;
        } catch (IOException e) {
            return -(System.nanoTime() - t);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** One column of a read query, through POST /api/cypher. */
    private List<String> column(String cypher) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("query", cypher, "parameters", Map.of()));
        HttpResponse<String> r = client.send(request("/api/cypher").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("sampling failed (" + r.statusCode() + "): " + r.body());
        }
        List<String> values = new ArrayList<>();
        JSON.readTree(r.body()).get("rows").forEach(row -> values.add(row.get("v").asText()));
        return values;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
