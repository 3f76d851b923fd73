package io.dealgraph.devtools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealgraph.DealgraphApplication;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code bench query}: latency of the query API through HTTP, one request at a time, per endpoint: p50, p99 and
 * max. Against a running server ({@code --url}) or one it starts on a data directory (typically one written by
 * {@code generate}). Entities, deals and pairs are sampled from the graph itself.
 *
 * <p>What it measures is a server that has been serving for a while: first a warm-up that cycles through every
 * endpoint for {@code --warmup} seconds on entities of their own (a fresh JVM runs the Cypher runtime interpreted
 * until the JIT has compiled it, which takes thousands of requests), then each row on entities the warm-up did not
 * touch. The client is {@link HttpURLConnection} with keep-alive: java.net.http's client spent about 4 ms of CPU per
 * request on this project's 2-core machine, on the same cores as the server (docs/benchmarks.md). With a server it
 * started itself, each row also reports the garbage-collection pauses that fell inside it.
 */
public final class QueryBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Entities kept apart for the warm-up; the rest are measured. The sampling queries stay under the console's row cap. */
    private static final int WARM_SAMPLE = 200;
    private static final int SAMPLE = 1000;

    private String base;
    private final String token;
    private boolean serverInThisJvm;

    /**
     * What to measure: a running server at {@code url}, or one this bench starts on {@code dataDir} (exactly one of
     * the two); {@code token} for a server that asks for one.
     */
    public record Options(String url, Path dataDir, String pageCache, int requests, int warmupSeconds, String token) {
    }

    public static int run(Options options, PrintStream out, PrintStream err) {
        return new QueryBench(options.token()).serve(options, out, err);
    }

    private QueryBench(String token) {
        this.token = token;
    }

    private int serve(Options options, PrintStream out, PrintStream err) {
        String url = options.url();
        Path dataDir = options.dataDir();
        String pageCache = options.pageCache();
        int requests = options.requests();
        int warmupSeconds = options.warmupSeconds();
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
                serverInThisJvm = true;
                out.printf(Locale.ROOT, "server started on %s in %.1f s (data %s, page cache %s, heap max %d MB, %s)%n", url,
                        (System.nanoTime() - t) / 1e9, dataDir, pageCache, Runtime.getRuntime().maxMemory() >> 20, collectors());
            }
            base = url.replaceAll("/+$", "");
            return measure(requests, warmupSeconds, out);
        } catch (IOException | RuntimeException e) {
            err.println("dealgraph bench query: " + e.getMessage());
            return 1;
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    /** The entities one phase uses: the warm-up and the measurement each get their own. */
    private record Sample(List<String> companies, List<String> hubs, List<String> funded, List<String> deals) {

        String company(int i) {
            return pick(companies, i);
        }

        String hub(int i) {
            return pick(hubs, i);
        }

        String funded(int i) {
            return pick(funded, i);
        }

        String deal(int i) {
            return pick(deals, i);
        }

        /** The i-th value, round the list, encoded for a URL. */
        private static String pick(List<String> values, int i) {
            return enc(values.get(i % values.size()));
        }
    }

    /** One row of the table: a name, how many requests, and the path of request i on a sample. */
    private record Endpoint(String name, int requests, BiFunction<Sample, Integer, String> path) {
    }

    private int measure(int requests, int warmupSeconds, PrintStream out) throws IOException {
        JsonNode stats = get("/api/stats");
        out.printf(Locale.ROOT, "graph: %,d companies, %,d clouds, %,d chips, %,d deals, %,d INVESTS_IN, %,d COMMITS_SPEND_TO, %,d claims%n",
                stats.at("/labels/Company").asLong(), stats.at("/labels/Cloud").asLong(), stats.at("/labels/Chip").asLong(),
                stats.at("/labels/Deal").asLong(), stats.at("/relationships/INVESTS_IN").asLong(),
                stats.at("/relationships/COMMITS_SPEND_TO").asLong(), stats.at("/labels/Claim").asLong());
        List<String> companies = column("MATCH (c:Company) WITH c ORDER BY rand() LIMIT " + SAMPLE + " RETURN c.name AS v");
        List<String> hubs = column("MATCH (c:Company) WITH c ORDER BY COUNT { (c)-[:INVESTS_IN]->() } DESC LIMIT 10 RETURN c.name AS v");
        List<String> funded = column("MATCH (c:Company) WITH c ORDER BY COUNT { (c)<-[:INVESTS_IN]-() } DESC LIMIT 10 RETURN c.name AS v");
        List<String> deals = column("MATCH (d:Deal) WITH d ORDER BY rand() LIMIT " + SAMPLE + " RETURN d.id AS v");
        if (companies.size() < 4 || deals.size() < 2) {
            throw new IOException("the graph has too little in it to measure; run 'generate' first");
        }
        // Hubs are few; both phases use them. Companies and deals are split so no measured one was warmed.
        int warmCompanies = Math.min(WARM_SAMPLE, companies.size() / 4);
        int warmDeals = Math.min(WARM_SAMPLE, deals.size() / 2);
        Sample warm = new Sample(companies.subList(0, warmCompanies), hubs, funded, deals.subList(0, warmDeals));
        Sample measured = new Sample(companies.subList(warmCompanies, companies.size()), hubs, funded,
                deals.subList(warmDeals, deals.size()));
        out.printf(Locale.ROOT, "sampled %d companies and %d deals to measure, %d and %d to warm up; hubs: %s%n",
                measured.companies().size(), measured.deals().size(), warm.companies().size(), warm.deals().size(),
                String.join(", ", hubs.subList(0, Math.min(3, hubs.size()))));

        List<Endpoint> endpoints = List.of(
                new Endpoint("GET /api/companies/{random}/funders", requests, (s, i) -> "/api/companies/" + s.company(i) + "/funders"),
                new Endpoint("GET /api/companies/{random}/investments", requests, (s, i) -> "/api/companies/" + s.company(i) + "/investments"),
                new Endpoint("GET /api/timeline?entity={random}", requests, (s, i) -> "/api/timeline?entity=" + s.company(i)),
                new Endpoint("GET /api/companies/{random}/commitments", requests, (s, i) -> "/api/companies/" + s.company(i) + "/commitments"),
                new Endpoint("GET /api/companies/{hub}/funders", requests, (s, i) -> "/api/companies/" + s.funded(i) + "/funders"),
                new Endpoint("GET /api/companies/{hub}/investments", requests, (s, i) -> "/api/companies/" + s.hub(i) + "/investments"),
                new Endpoint("GET /api/timeline?entity={hub}", requests, (s, i) -> "/api/timeline?entity=" + s.hub(i)),
                new Endpoint("GET /api/entities?q={prefix}", requests, (s, i) -> "/api/entities?q=" + enc(s.companies().get(i % s.companies().size()).substring(0, 5))),
                new Endpoint("GET /api/deals/{random}", requests, (s, i) -> "/api/deals/" + s.deal(i)),
                new Endpoint("GET /api/paths?from=&to=&maxHops=3", Math.max(10, requests / 20),
                        (s, i) -> "/api/paths?maxHops=3&from=" + s.company(i) + "&to=" + s.company(i * 7 + 1)),
                new Endpoint("GET /api/stats", requests, (s, i) -> "/api/stats"),
                new Endpoint("GET /api/circular (whole graph)", 10, (s, i) -> "/api/circular"));

        if (warmupSeconds > 0) {
            // Round robin over the endpoints that answer in milliseconds; circular warms up in its own row.
            List<Endpoint> quick = endpoints.subList(0, endpoints.size() - 1);
            long end = System.nanoTime() + warmupSeconds * 1_000_000_000L;
            int sent = 0;
            while (System.nanoTime() < end) {
                Endpoint e = quick.get(sent % quick.size());
                time(e.path().apply(warm, sent / quick.size()));
                sent++;
            }
            out.printf(Locale.ROOT, "warm-up: %,d requests in %d s%n", sent, warmupSeconds);
        }
        out.println();
        out.printf(Locale.ROOT, "%-44s %8s %9s %9s %9s %7s %11s%n", "endpoint", "requests", "p50 ms", "p99 ms", "max ms", "errors",
                serverInThisJvm ? "GC pauses" : "");
        for (Endpoint e : endpoints) {
            row(out, e, warm, measured);
        }
        return 0;
    }

    private void row(PrintStream out, Endpoint e, Sample warm, Sample measured) {
        int n = e.requests();
        for (int i = 0; i < Math.max(2, Math.min(20, n / 5)); i++) {
            time(e.path().apply(warm, i));
        }
        long[] gcBefore = gcPauses();
        long[] nanos = new long[n];
        int errors = 0;
        for (int i = 0; i < n; i++) {
            long t = time(e.path().apply(measured, i));
            if (t < 0) {
                errors++;
                t = -t;
            }
            nanos[i] = t;
        }
        long[] gcAfter = gcPauses();
        Arrays.sort(nanos);
        String gc = serverInThisJvm ? String.format(Locale.ROOT, "%d / %d ms", gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1]) : "";
        out.printf(Locale.ROOT, "%-44s %8d %9.1f %9.1f %9.1f %7d %11s%n", e.name(), n, pct(nanos, 0.50), pct(nanos, 0.99),
                nanos[n - 1] / 1e6, errors, gc);
    }

    static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** Collections so far and their total time in ms, over this JVM's collectors. */
    private static long[] gcPauses() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    private static String collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
    }

    /** Nanoseconds for one GET, the whole body read; negative when the answer was not 200. */
    private long time(String path) {
        long t = System.nanoTime();
        try {
            HttpURLConnection c = open(path);
            int status = c.getResponseCode();
            // Reading the body to its end (error bodies too) is what lets the connection be reused.
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                if (in != null) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }
            long d = System.nanoTime() - t;
            return status == 200 ? d : -d;
        } catch (IOException e) {
            return -(System.nanoTime() - t);
        }
    }

    private HttpURLConnection open(String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        c.setConnectTimeout(5_000);
        c.setReadTimeout(60_000);
        if (token != null) {
            c.setRequestProperty("Authorization", "Bearer " + token);
        }
        return c;
    }

    private JsonNode get(String path) throws IOException {
        HttpURLConnection c = open(path);
        return answer(c, "GET " + path);
    }

    /** One column of a read query, through POST /api/cypher. */
    private List<String> column(String cypher) throws IOException {
        HttpURLConnection c = open("/api/cypher");
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        try (OutputStream body = c.getOutputStream()) {
            JSON.writeValue(body, Map.of("query", cypher, "parameters", Map.of()));
        }
        List<String> values = new ArrayList<>();
        answer(c, "sampling").get("rows").forEach(row -> values.add(row.get("v").asText()));
        return values;
    }

    private static JsonNode answer(HttpURLConnection c, String what) throws IOException {
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (status != 200) {
                throw new IOException(what + " answered " + status + ": " + body);
            }
            return JSON.readTree(body);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
