package io.dealgraph.devtools.synthetic;

import io.dealgraph.graph.CypherScript;
import io.dealgraph.graph.Keys;
import io.dealgraph.graph.Label;
import io.dealgraph.graph.RelType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;

/**
 * A made-up graph in the shape ingest writes (README, "The graph model"), for benchmarks and for tests that need
 * more than the seeds: companies with keys, a few clouds and chips with OPERATES / MAKES / USES, Deal nodes with
 * MADE / TO (some split into tranches), claims and documents for a fraction of the deals, and the direct
 * INVESTS_IN / COMMITS_SPEND_TO edges with their totals. Every key is made by {@link Keys}, as ingest makes it.
 * Deterministic for a given seed. The statements are {@code cypher/synthetic/graph.cypher}.
 *
 * <p>Money is skewed as it is in the news: a handful of hub investors make a large share of the deals (company 0
 * makes about 2% of them), and the hubs are the ones that run the clouds and make the chips, so circular flows
 * appear. Writes go in batched {@code UNWIND ... CREATE} statements, so the target should be empty (see
 * {@link #isEmpty}).
 */
public final class SyntheticGraph {

    /** What to generate. {@code deals} counts every Deal node, tranches included. */
    public record Spec(int companies, int deals, long seed) {
        public Spec {
            if (companies < 20) {
                throw new IllegalArgumentException("at least 20 companies, not " + companies);
            }
            if (deals < 1) {
                throw new IllegalArgumentException("at least 1 deal, not " + deals);
            }
        }

        int clouds() {
            return Math.max(2, Math.min(24, companies / 1000 + 4));
        }

        int chips() {
            return Math.max(2, Math.min(40, companies / 500 + 4));
        }
    }

    /** What was written. */
    public record Counts(int companies, int clouds, int chips, int deals, int tranches, int pairs, int claims, int documents) {
    }

    static final int BATCH = 10_000;
    private static final CypherScript CYPHER = CypherScript.load("synthetic/graph.cypher");
    private static final String COMPANIES = CYPHER.statements().get(0);
    private static final String CLOUDS = CYPHER.statements().get(1);
    private static final String CHIPS = CYPHER.statements().get(2);
    private static final String USES = CYPHER.statements().get(3);
    private static final String INVESTMENTS = CYPHER.statements().get(4);
    private static final String COMMITMENTS = CYPHER.statements().get(5);
    private static final String TRANCHES = CYPHER.statements().get(6);
    private static final String CLAIMS = CYPHER.statements().get(7);
    private static final String INVESTS_IN = CYPHER.statements().get(8);
    private static final String COMMITS_SPEND_TO = CYPHER.statements().get(9);
    private static final String[] SYLLABLES = {"vel", "or", "ka", "lum", "tra", "syn", "qua", "ner", "zen", "mo", "rix",
            "pha", "dra", "lo", "ti", "gen", "vo", "sa", "cor", "bit", "nu", "xa", "ly", "pro"};
    private static final String[] SUFFIXES = {"AI", "Labs", "Systems", "Robotics", "Cloud", "Bio", "Networks", "Capital",
            "Ventures", "Compute", "Data", "Dynamics"};
    private static final String[] QUALIFIERS = {"exact", "exact", "exact", "exact", "up_to", "at_least", "about"};
    private static final String[] STATUSES = {"completed", "completed", "announced", "planned", "reported"};

    private final Driver driver;
    private final QueryConfig config;

    public SyntheticGraph(Driver driver, String database) {
        this.driver = driver;
        this.config = QueryConfig.builder().withDatabase(database).build();
    }

    public boolean isEmpty() {
        return driver.executableQuery("MATCH (n) WHERE n:Company OR n:Cloud OR n:Chip OR n:Deal RETURN count(n) > 0 AS any")
                .withConfig(config).execute().records().get(0).get("any").isFalse();
    }

    public static String companyId(int i) {
        return "co-" + i;
    }

    /** A pronounceable, unique name: "Velorka Labs 42". */
    public static String companyName(int i) {
        SplittableRandom r = new SplittableRandom(i * 0x9E3779B97F4A7C15L);
        StringBuilder word = new StringBuilder();
        for (int s = 0, n = 2 + r.nextInt(2); s < n; s++) {
            word.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
        }
        word.setCharAt(0, Character.toUpperCase(word.charAt(0)));
        return word + " " + SUFFIXES[r.nextInt(SUFFIXES.length)] + " " + i;
    }

    /**
     * Writes the graph; {@code progress} hears the number of rows written so far (for a progress line).
     */
    public Counts generate(Spec spec, LongConsumer progress) {
        SplittableRandom random = new SplittableRandom(spec.seed());
        int n = spec.companies();
        long[] written = {0};
        LongConsumer done = rows -> {
            written[0] += rows;
            progress.accept(written[0]);
        };

        // Companies; one in twenty has a short alias (a ticker-like abbreviation).
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = companyName(i);
            List<String> aliases = i % 20 == 0 ? List.of(name.substring(0, 3).toUpperCase(Locale.ROOT) + i) : List.of();
            List<String> keys = new ArrayList<>();
            keys.add(Keys.entity(name));
            aliases.forEach(a -> keys.add(Keys.entity(a)));
            rows.add(Map.of("id", companyId(i), "name", name, "aliases", aliases, "keys", keys));
            if (rows.size() == BATCH || i == n - 1) {
                write(COMPANIES, rows, done);
            }
        }

        // Clouds run by the biggest hubs, chips made by the top twenty; a fifth of companies use a chip or two.
        int clouds = spec.clouds();
        int chips = spec.chips();
        for (int c = 0; c < clouds; c++) {
            String name = "Cloud " + (char) ('A' + c % 26) + (c / 26 == 0 ? "" : String.valueOf(c / 26));
            rows.add(Map.of("id", "cloud-" + c, "name", name, "keys", List.of(Keys.entity(name)), "owner", companyId(c % 8)));
        }
        write(CLOUDS, rows, done);
        for (int c = 0; c < chips; c++) {
            String name = "Chip " + c;
            rows.add(Map.of("id", "chip-" + c, "name", name, "keys", List.of(Keys.entity(name)), "maker", companyId(c % 20)));
        }
        write(CHIPS, rows, done);
        for (int i = 0; i < n; i++) {
            if (random.nextInt(5) == 0) {
                rows.add(Map.of("user", companyId(i), "chip", "chip-" + random.nextInt(chips)));
                if (rows.size() == BATCH) {
                    write(USES, rows, done);
                }
            }
        }
        write(USES, rows, done);

        // Deals. Investor skew: u^3 puts ~2% of deals on company 0; investees u^1.5, milder.
        Map<Long, Pair> pairs = new HashMap<>();
        List<Map<String, Object>> investments = new ArrayList<>();
        List<Map<String, Object>> commitments = new ArrayList<>();
        List<Map<String, Object>> tranches = new ArrayList<>();
        List<Map<String, Object>> claims = new ArrayList<>();
        int made = 0;
        int trancheCount = 0;
        int claimCount = 0;
        int documents = 0;
        while (made < spec.deals()) {
            boolean commitment = random.nextInt(20) == 0;
            int from = (int) (n * Math.pow(random.nextDouble(), commitment ? 1.5 : 3));
            int to = commitment ? (int) (clouds * Math.pow(random.nextDouble(), 2)) : (int) (n * Math.pow(random.nextDouble(), 1.5));
            if (!commitment && from == to) {
                continue;
            }
            String id = "deal-" + made;
            Long amount = random.nextInt(10) == 0 ? null : roundedAmount(random);
            String date = date(random);
            String fromId = companyId(from);
            String toId = commitment ? "cloud-" + to : companyId(to);
            RelType type = commitment ? RelType.COMMITS_SPEND_TO : RelType.INVESTS_IN;
            Map<String, Object> deal = dealRow(type, fromId, toId, id, amount, date, random);
            if (commitment) {
                props(deal).put("years", random.nextInt(3) == 0 ? null : 1 + random.nextInt(10));
                commitments.add(deal);
            } else {
                investments.add(deal);
            }
            made++;
            pairs.computeIfAbsent(((long) from << 32) | (commitment ? 0x80000000L : 0) | to, k -> new Pair()).add(amount, date);
            // One investment in twenty with a figure comes in two tranches (when there is room left for them).
            if (!commitment && amount != null && random.nextInt(20) == 0 && made + 2 <= spec.deals()) {
                long first = amount / 4;
                tranches.add(trancheRow(fromId, toId, id, id + "-t1", first, date, random));
                tranches.add(trancheRow(fromId, toId, id, id + "-t2", amount - first, date == null ? null : laterDate(date), random));
                made += 2;
                trancheCount += 2;
            }
            // One deal in twenty was read in the news: a claim, from a document shared by up to five claims.
            if (random.nextInt(20) == 0) {
                if (claimCount % 5 == 0) {
                    documents++;
                }
                claims.add(Map.of("id", "claim-" + claimCount, "deal", id, "doc", "doc-" + (documents - 1),
                        "evidence", "Synthetic report of " + id + ".", "type", type.name()));
                claimCount++;
            }
            if (investments.size() + commitments.size() >= BATCH || made >= spec.deals()) {
                write(INVESTMENTS, investments, done);
                write(COMMITMENTS, commitments, done);
                write(TRANCHES, tranches, done);
                write(CLAIMS, claims, done);
            }
        }
        write(INVESTMENTS, investments, done);
        write(COMMITMENTS, commitments, done);
        write(TRANCHES, tranches, done);
        write(CLAIMS, claims, done);

        // The one-hop summaries, from the totals kept on the way.
        for (Map.Entry<Long, Pair> e : pairs.entrySet()) {
            long key = e.getKey();
            boolean commitment = (key & 0x80000000L) != 0;
            int to = (int) (key & 0x7FFFFFFFL);
            Pair p = e.getValue();
            String fromId = companyId((int) (key >>> 32));
            String toId = commitment ? "cloud-" + to : companyId(to);
            Map<String, Object> props = new HashMap<>();
            props.put("pair", commitment ? Keys.pair(RelType.COMMITS_SPEND_TO, fromId, Label.Cloud, toId)
                    : Keys.pair(RelType.INVESTS_IN, fromId, Label.Company, toId));
            props.put("totalUsd", p.total);
            props.put("deals", p.deals);
            props.put("undisclosed", p.undisclosed);
            props.put("firstDate", p.first);
            props.put("lastDate", p.last);
            if (!commitment) {
                // as ingest pages a company's funders and investees (pair-edges.cypher)
                props.put("rankFrom", Keys.rank(fromId, p.total, toId));
                props.put("rankTo", Keys.rank(toId, p.total, fromId));
            }
            (commitment ? commitments : investments).add(Map.of("from", fromId, "to", toId, "props", props));
            if (investments.size() == BATCH) {
                write(INVESTS_IN, investments, done);
            }
            if (commitments.size() == BATCH) {
                write(COMMITS_SPEND_TO, commitments, done);
            }
        }
        write(INVESTS_IN, investments, done);
        write(COMMITS_SPEND_TO, commitments, done);
        return new Counts(n, clouds, chips, made, trancheCount, pairs.size(), claimCount, documents);
    }

    private void write(String cypher, List<Map<String, Object>> rows, LongConsumer done) {
        if (rows.isEmpty()) {
            return;
        }
        driver.executableQuery(cypher).withParameters(Map.of("rows", rows)).withConfig(config).execute();
        done.accept(rows.size());
        rows.clear();
    }

    /** Totals of one pair, as the direct edge keeps them: tranches are not in here. */
    private static final class Pair {
        long total;
        int deals;
        int undisclosed;
        String first;
        String last;

        void add(Long amount, String date) {
            deals++;
            if (amount == null) {
                undisclosed++;
            } else {
                total += amount;
            }
            if (date != null) {
                first = first == null || date.compareTo(first) < 0 ? date : first;
                last = last == null || date.compareTo(last) > 0 ? date : last;
            }
        }
    }

    /** A deal's row: its parties' ids and its properties, keys included. */
    private static Map<String, Object> dealRow(RelType type, String from, String to, String id, Long amount, String date,
                                               SplittableRandom random) {
        Map<String, Object> props = new HashMap<>();
        props.put("id", id);
        props.put("type", type.name());
        props.put("pair", Keys.pair(type, from, type == RelType.COMMITS_SPEND_TO ? Label.Cloud : Label.Company, to));
        props.put("amount", amount);
        props.put("currency", amount == null ? null : "USD");
        props.put("amountUsd", amount);
        props.put("qualifier", amount == null ? "unknown" : QUALIFIERS[random.nextInt(QUALIFIERS.length)]);
        props.put("date", date);
        props.put("status", STATUSES[random.nextInt(STATUSES.length)]);
        props.put("label", (amount == null ? "undisclosed" : label(amount)) + (date == null ? "" : " " + date));
        props.put("timelineFrom", Keys.timeline(from, date, id));
        props.put("timelineTo", Keys.timeline(to, date, id));
        Map<String, Object> row = new HashMap<>();
        row.put("from", from);
        row.put("to", to);
        row.put("props", props);
        return row;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props(Map<String, Object> row) {
        return (Map<String, Object>) row.get("props");
    }

    private static Map<String, Object> trancheRow(String from, String to, String parent, String id, long amount, String date,
                                                  SplittableRandom random) {
        Map<String, Object> row = dealRow(RelType.INVESTS_IN, from, to, id, amount, date, random);
        props(row).put("qualifier", "exact");
        row.put("parent", parent);
        return row;
    }

    /** 1 million to 10 billion, log-uniform, rounded to two significant figures like a headline. */
    private static long roundedAmount(SplittableRandom random) {
        double v = Math.pow(10, 6 + 4 * random.nextDouble());
        double unit = Math.pow(10, Math.floor(Math.log10(v)) - 1);
        return (long) (Math.round(v / unit) * unit);
    }

    private static String label(long usd) {
        return usd >= 1_000_000_000L ? "$" + trim(usd / 1e9) + "B" : "$" + trim(usd / 1e6) + "M";
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.replaceAll("\\.?0+$", "");
    }

    /** 2015 to 2026 at the precision news gives: mostly a day, sometimes a month or a year, now and then nothing. */
    private static String date(SplittableRandom random) {
        int p = random.nextInt(20);
        if (p == 0) {
            return null;
        }
        int year = 2015 + random.nextInt(12);
        int month = 1 + random.nextInt(12);
        if (p == 1) {
            return String.valueOf(year);
        }
        if (p <= 5) {
            return String.format(Locale.ROOT, "%d-%02d", year, month);
        }
        return String.format(Locale.ROOT, "%d-%02d-%02d", year, month, 1 + random.nextInt(28));
    }

    /** A year after {@code date}, at the same precision. */
    private static String laterDate(String date) {
        int year = Integer.parseInt(date.substring(0, 4)) + 1;
        return year + date.substring(4);
    }
}
