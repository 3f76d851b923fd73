package io.dealgraph.export;

import ch.qos.logback.classic.Level;
import io.dealgraph.store.EmbeddedNeo4j;
import io.dealgraph.store.EmbeddedSettings;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * {@code bench export}: generates a model-shaped graph (10,000 nodes and 50,000 relationships by default) in a
 * temporary embedded database, then times exporting all of it in every format: the best and the median of
 * several runs after a warm-up, written to files in the temporary directory.
 *
 * <p>The graph: 10% entities (companies, clouds, chips), 40% deals, 40% claims, 10% documents; each deal MADE by
 * a company and going TO a company or cloud, summarised by direct edges; each claim SUPPORTS its deal and cites a
 * document; clouds and chips have operators and makers; USES edges make up the remaining relationships.
 */
public final class ExportBenchmark {

    private ExportBenchmark() {
    }

    public static String usage() {
        return "bench export [--nodes N] [--relationships M] [--runs R]: time each export format on a generated graph";
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        int nodes = 10_000;
        int rels = 50_000;
        int runs = 5;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (i + 1 >= args.size()) {
                err.println("dealgraph bench export: " + a + " needs a value; " + usage());
                return 2;
            }
            try {
                switch (a) {
                    case "--nodes" -> nodes = Integer.parseInt(args.get(++i));
                    case "--relationships" -> rels = Integer.parseInt(args.get(++i));
                    case "--runs" -> runs = Integer.parseInt(args.get(++i));
                    default -> {
                        err.println("dealgraph bench export: unknown argument " + a + "; " + usage());
                        return 2;
                    }
                }
            } catch (NumberFormatException e) {
                err.println("dealgraph bench export: " + a + " needs a whole number");
                return 2;
            }
        }
        if (nodes < 100 || rels < nodes * 2 || runs < 1) {
            err.println("dealgraph bench export: needs --nodes >= 100, --relationships >= 2 x nodes, --runs >= 1");
            return 2;
        }
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("dealgraph-bench-export-");
            try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(new EmbeddedSettings(dir.resolve("db"), "127.0.0.1", 0, "512m", ""), "neo4j");
                 Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
                long started = System.nanoTime();
                long[] made = generate(driver, nodes, rels);
                out.printf(Locale.ROOT, "bench export: generated %d nodes and %d relationships in %.1f s; %d runs per format after 2 warm-up runs, %d cores%n",
                        made[0], made[1], (System.nanoTime() - started) / 1e9, runs, Runtime.getRuntime().availableProcessors());
                Exporter exporter = new Exporter(driver, "neo4j", new ExportSettings(10_000_000, 10_000_000));
                Selection all = new Selection(null, 2, null, null, null, null, null, null, true);
                out.printf("%-8s %9s %9s %12s%n", "format", "best ms", "median ms", "bytes");
                // The floor every format stands on: the query and the Bolt transfer, into a sink that writes nothing.
                long[] reads = new long[runs];
                for (int r = -2; r < runs; r++) {
                    long t0 = System.nanoTime();
                    try (Exporter.Opened opened = exporter.open(all, ExportFormat.JSON)) {
                        opened.graph.stream(new ReportGraph() {
                            @Override
                            public void node(GraphNode node) {
                            }

                            @Override
                            public void relationship(GraphRelationship relationship) {
                            }
                        });
                    }
                    if (r >= 0) {
                        reads[r] = System.nanoTime() - t0;
                    }
                }
                Arrays.sort(reads);
                out.printf(Locale.ROOT, "%-8s %9.0f %9.0f %12s%n", "(read)", reads[0] / 1e6, reads[runs / 2] / 1e6, "-");
                for (ExportFormat format : ExportFormat.values()) {
                    long[] times = new long[runs];
                    long bytes = 0;
                    for (int r = -2; r < runs; r++) {
                        Path target = dir.resolve("out." + format.extension);
                        long t0 = System.nanoTime();
                        Exporter.Opened opened = exporter.open(all, format);
                        if (format == ExportFormat.CSV) {
                            exporter.writeCsvDirectory(opened, target);
                        } else {
                            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
                                exporter.write(opened, o);
                            }
                        }
                        long t = System.nanoTime() - t0;
                        if (r >= 0) {
                            times[r] = t;
                        }
                        bytes = size(target);
                    }
                    Arrays.sort(times);
                    out.printf(Locale.ROOT, "%-8s %9.0f %9.0f %12d%n", format.extension, times[0] / 1e6, times[runs / 2] / 1e6, bytes);
                }
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("dealgraph bench export: " + e.getMessage());
            return 1;
        } finally {
            if (dir != null) {
                FileSystemUtils.deleteRecursively(dir.toFile());
            }
        }
    }

    private static long size(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            try (Stream<Path> files = Files.list(p)) {
                long total = 0;
                for (Path f : files.toList()) {
                    total += Files.size(f);
                }
                return total;
            }
        }
        return Files.size(p);
    }

    /** Writes the graph in batches; returns {nodes, relationships} as counted afterwards. */
    static long[] generate(Driver driver, int nodeTarget, int relTarget) {
        Random random = new Random(42);
        int entities = nodeTarget / 10;
        int clouds = Math.max(2, entities / 10);
        int chips = Math.max(2, entities / 10);
        int companies = entities - clouds - chips;
        int documents = nodeTarget / 10;
        int deals = (nodeTarget - entities - documents) / 2;
        int claims = nodeTarget - entities - documents - deals;
        for (String label : List.of("Company", "Cloud", "Chip", "Deal", "Claim", "Document")) {
            driver.executableQuery("CREATE CONSTRAINT IF NOT EXISTS FOR (n:" + label + ") REQUIRE n.id IS UNIQUE").execute();
        }
        batches(driver, "UNWIND $rows AS r CREATE (c:Company {id: r.id, name: r.name, aliases: [], keys: [toLower(r.name)]})",
                range(companies, i -> Map.of("id", "company-" + i, "name", "Company " + i)));
        batches(driver, "UNWIND $rows AS r CREATE (c:Cloud {id: r.id, name: r.name, aliases: [], keys: [toLower(r.name)]})",
                range(clouds, i -> Map.of("id", "cloud-" + i, "name", "Cloud " + i)));
        batches(driver, "UNWIND $rows AS r CREATE (c:Chip {id: r.id, name: r.name, aliases: [], keys: [toLower(r.name)]})",
                range(chips, i -> Map.of("id", "chip-" + i, "name", "Chip " + i)));
        batches(driver, """
                UNWIND $rows AS r CREATE (d:Document {id: r.id, name: r.id + '.txt', title: r.title, url: r.url,
                  published: r.published, ingestedAt: datetime('2026-11-23T10:00:00Z')})""",
                range(documents, i -> Map.of("id", "doc-" + i, "title", "Deal news number " + i,
                        "url", "https://example.com/news/" + i, "published", "2025-" + two(1 + i % 12) + "-" + two(1 + i % 28))));
        // Deals on a limited set of pairs, so pairs have several deals, as in the news.
        List<int[]> pairs = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        while (pairs.size() < deals / 2) {
            int from = random.nextInt(companies);
            boolean spend = random.nextInt(4) == 0;
            int to = spend ? random.nextInt(clouds) : random.nextInt(companies);
            if ((!spend && from == to) || !seen.add(((long) from << 32) | (spend ? 1L << 31 : 0) | to)) {
                continue;
            }
            pairs.add(new int[]{from, to, spend ? 1 : 0});
        }
        List<Map<String, Object>> dealRows = new ArrayList<>();
        for (int i = 0; i < deals; i++) {
            int[] p = pairs.get(i % pairs.size());
            long amount = (1 + random.nextInt(400)) * 25_000_000L;
            String date = (2018 + random.nextInt(9)) + "-" + two(1 + random.nextInt(12));
            Map<String, Object> row = new HashMap<>();
            row.put("id", "deal-" + i);
            row.put("from", "company-" + p[0]);
            row.put("to", (p[2] == 1 ? "cloud-" : "company-") + p[1]);
            row.put("spend", p[2] == 1);
            row.put("amount", amount);
            row.put("date", date);
            row.put("label", "$" + amount / 1_000_000 + "M " + date);
            dealRows.add(row);
        }
        batches(driver, """
                UNWIND $rows AS r
                MATCH (f:Company {id: r.from})
                MATCH (t {id: r.to}) WHERE t:Company OR t:Cloud
                CREATE (f)-[:MADE]->(d:Deal {id: r.id, type: CASE WHEN r.spend THEN 'COMMITS_SPEND_TO' ELSE 'INVESTS_IN' END,
                  amount: r.amount, currency: 'USD', amountUsd: r.amount, qualifier: 'exact', date: r.date,
                  status: 'announced', label: r.label})-[:TO]->(t)
                FOREACH (_ IN CASE WHEN r.spend THEN [1] ELSE [] END | SET d:SpendCommitment)
                FOREACH (_ IN CASE WHEN r.spend THEN [] ELSE [1] END | SET d:Investment)""", dealRows);
        batches(driver, """
                UNWIND $rows AS r
                MATCH (d:Deal {id: r.deal}) MATCH (doc:Document {id: r.doc})
                CREATE (c:Claim {id: r.id, type: d.type, amount: d.amount, currency: 'USD', amountUsd: d.amountUsd,
                  qualifier: 'exact', cumulative: false, date: d.date, status: 'announced',
                  evidence: 'Company news: a deal of ' + d.label + ' was announced, people familiar with it said.',
                  start: r.start, end: r.start + 70})
                CREATE (c)-[:SUPPORTS]->(d)
                CREATE (c)-[:SOURCED_FROM]->(doc)""",
                range(claims, i -> Map.of("id", "claim-" + i, "deal", "deal-" + (i % deals), "doc", "doc-" + random.nextInt(documents),
                        "start", random.nextInt(4000))));
        driver.executableQuery("""
                MATCH (f)-[:MADE]->(d:Deal)-[:TO]->(t)
                WITH f, t, d.type AS type, sum(d.amountUsd) AS total, count(d) AS n, min(d.date) AS first, max(d.date) AS last
                CALL (f, t, type, total, n, first, last) {
                  WITH * WHERE type = 'INVESTS_IN'
                  CREATE (f)-[:INVESTS_IN {totalUsd: total, deals: n, undisclosed: 0, firstDate: first, lastDate: last}]->(t)
                  UNION
                  WITH * WHERE type = 'COMMITS_SPEND_TO'
                  CREATE (f)-[:COMMITS_SPEND_TO {totalUsd: total, deals: n, undisclosed: 0, firstDate: first, lastDate: last}]->(t)
                }""").execute();
        batches(driver, "UNWIND $rows AS r MATCH (o:Company {id: r.from}), (c:Cloud {id: r.to}) CREATE (o)-[:OPERATES {curated: true, sources: 0}]->(c)",
                range(clouds, i -> Map.of("from", "company-" + random.nextInt(companies), "to", "cloud-" + i)));
        batches(driver, "UNWIND $rows AS r MATCH (o:Company {id: r.from}), (c:Chip {id: r.to}) CREATE (o)-[:MAKES {curated: true, sources: 0}]->(c)",
                range(chips, i -> Map.of("from", "company-" + random.nextInt(companies), "to", "chip-" + i)));
        long soFar = count(driver, "MATCH ()-[r]->() RETURN count(r) AS n");
        List<Map<String, Object>> uses = new ArrayList<>();
        Set<Long> used = new LinkedHashSet<>();
        while (soFar + uses.size() < relTarget && used.size() < (long) companies * chips) {
            int c = random.nextInt(companies);
            int chip = random.nextInt(chips);
            if (used.add(((long) c << 32) | chip)) {
                uses.add(Map.of("from", "company-" + c, "to", "chip-" + chip, "sources", 1 + random.nextInt(3)));
            }
        }
        batches(driver, "UNWIND $rows AS r MATCH (o:Company {id: r.from}), (c:Chip {id: r.to}) CREATE (o)-[:USES {curated: false, sources: r.sources}]->(c)", uses);
        return new long[]{count(driver, "MATCH (n) RETURN count(n) AS n"), count(driver, "MATCH ()-[r]->() RETURN count(r) AS n")};
    }

    private static long count(Driver driver, String query) {
        return driver.executableQuery(query).execute().records().get(0).get("n").asLong();
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }

    private static List<Map<String, Object>> range(int n, java.util.function.IntFunction<Map<String, Object>> row) {
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(row.apply(i));
        }
        return rows;
    }

    private static void batches(Driver driver, String query, List<Map<String, Object>> rows) {
        for (int i = 0; i < rows.size(); i += 5000) {
            driver.executableQuery(query).withParameters(Map.of("rows", rows.subList(i, Math.min(rows.size(), i + 5000)))).execute();
        }
    }
}
