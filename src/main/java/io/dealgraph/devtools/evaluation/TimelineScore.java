package io.dealgraph.devtools.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Scores the deals of a graph (its JSON export, {@code dealgraph-export/1}) against a gold timeline, as
 * shared/corpus/score_timeline.py does: a top-level deal matches an event of its type and pair when its figure is
 * within 1 % of the event's (or of one of its alternatives, or both have none) and its date agrees to the month (a
 * year agrees with its months; an undated event with any date); tranches are looked for under the matched deal; a
 * round counts once per investor, with that investor's own share or none; pair totals are the INVESTS_IN and
 * COMMITS_SPEND_TO edges' totalUsd against the sum of the pair's gold events.
 */
public final class TimelineScore {

    /** One top-level or tranche deal as the scorer sees it: one per investor for a round. */
    private record Deal(String id, String type, Long usd, String date, List<String> from, List<String> to,
                        String fromId, String toId, String parent) {
    }

    /** A pair whose edge total is checked. */
    public record PairTotal(String type, String from, String to, long gold, Long graph, boolean ok) {
    }

    public record Result(int tp, int fp, int fn, double precision, double recall, double f1, int tranches, int tranchesHit,
                         List<String> misses, List<String> extras, List<String> trancheMisses, List<PairTotal> totals) {

        public long totalsOk() {
            return totals.stream().filter(PairTotal::ok).count();
        }

        public String line() {
            return String.format(Locale.ROOT, "P=%.2f R=%.2f F1=%.2f tp=%d fp=%d fn=%d tranches=%d/%d totals=%d/%d",
                    precision, recall, f1, tp, fp, fn, tranchesHit, tranches, totalsOk(), totals.size());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SUFFIX = Pattern.compile("\\b(inc|corp|corporation|co|ltd|llc|plc|pbc|ag|sa|se|nv|group|holdings|company|the)\\b\\.?");

    private final Map<String, String> canon = new HashMap<>();
    private final Map<String, String> owner = new HashMap<>();

    private TimelineScore() {
    }

    static String norm(String s) {
        String t = (s == null ? "" : s).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        t = t.replaceAll("'s\\b", "");
        t = t.replaceAll("[.,()\"']", " ");
        t = SUFFIX.matcher(t).replaceAll(" ");
        return String.join(" ", t.trim().split("\\s+"));
    }

    /** Scores the export file against the timeline; {@code goldDir} (or null) supplies aliases from its gold files. */
    public static Result score(Path graphJson, Path timelineJson, Path goldDir) throws IOException {
        TimelineScore s = new TimelineScore();
        if (goldDir != null) {
            s.loadAliases(goldDir);
        }
        return s.run(JSON.readTree(graphJson.toFile()), JSON.readTree(timelineJson.toFile()));
    }

    private void loadAliases(Path goldDir) throws IOException {
        try (Stream<Path> files = Files.list(goldDir)) {
            for (Path p : files.sorted().toList()) {
                String n = p.getFileName().toString();
                if (!n.endsWith(".json") || n.endsWith("timeline.json")) {
                    continue;
                }
                for (JsonNode e : JSON.readTree(p.toFile()).path("entities")) {
                    String c = norm(e.path("name").asText());
                    canon.putIfAbsent(c, c);
                    for (JsonNode a : e.path("aliases")) {
                        canon.putIfAbsent(norm(a.asText()), c);
                    }
                    if (e.hasNonNull("owner")) {
                        owner.put(c, norm(e.get("owner").asText()));
                    }
                }
            }
        }
    }

    private String of(String s) {
        String n = norm(s);
        return canon.getOrDefault(n, n);
    }

    private boolean same(List<String> names, String gold, boolean allowOwner) {
        String g = of(gold);
        for (String n : names) {
            String p = of(n);
            if (p.equals(g) || allowOwner && p.equals(owner.get(g))) {
                return true;
            }
        }
        return false;
    }

    private static boolean amountOk(Long usd, JsonNode event) {
        List<Double> golds = new ArrayList<>();
        if (event.hasNonNull("amount_usd")) {
            golds.add(event.get("amount_usd").asDouble());
        }
        event.path("alt_amounts_usd").forEach(a -> golds.add(a.asDouble()));
        if (golds.isEmpty()) {
            return usd == null;
        }
        if (usd == null) {
            return false;
        }
        return golds.stream().anyMatch(g -> Math.abs(usd - g) <= 0.01 * Math.abs(g));
    }

    private static boolean dateOk(String date, String gold) {
        if (gold == null || gold.isEmpty()) {
            return true;
        }
        if (date == null || date.isEmpty()) {
            return false;
        }
        int k = Math.min(Math.min(date.length(), gold.length()), 7);
        return date.substring(0, k).equals(gold.substring(0, k));
    }

    private Result run(JsonNode graph, JsonNode timeline) {
        Map<String, JsonNode> nodes = new LinkedHashMap<>();
        graph.path("elements").path("nodes").forEach(n -> nodes.put(n.path("data").path("id").asText(), n.path("data")));
        Map<String, List<Object[]>> made = new HashMap<>();
        Map<String, String> to = new HashMap<>();
        Map<String, String> parent = new HashMap<>();
        Map<String, Long> edgeTotals = new LinkedHashMap<>();
        Map<String, String[]> edgeEnds = new LinkedHashMap<>();
        for (JsonNode e : graph.path("elements").path("edges")) {
            JsonNode d = e.path("data");
            String t = d.path("type").asText();
            String src = d.path("source").asText();
            String dst = d.path("target").asText();
            switch (t) {
                case "MADE" -> made.computeIfAbsent(dst, k -> new ArrayList<>()).add(new Object[]{src,
                        d.path("properties").hasNonNull("amountUsd") ? d.path("properties").get("amountUsd").asLong() : null});
                case "TO" -> to.put(src, dst);
                case "TRANCHE_OF" -> parent.put(src, dst);
                case "INVESTS_IN", "COMMITS_SPEND_TO" -> {
                    String key = t + "|" + src + "|" + dst;
                    edgeTotals.put(key, d.path("properties").hasNonNull("totalUsd") ? d.path("properties").get("totalUsd").asLong() : null);
                    edgeEnds.put(key, new String[]{t, src, dst});
                }
                default -> { }
            }
        }
        List<Deal> deals = new ArrayList<>();
        for (Map.Entry<String, JsonNode> n : nodes.entrySet()) {
            JsonNode labels = n.getValue().path("labels");
            boolean deal = false;
            boolean round = false;
            for (JsonNode l : labels) {
                deal |= l.asText().equals("Deal");
                round |= l.asText().equals("Round");
            }
            if (!deal) {
                continue;
            }
            JsonNode p = n.getValue().path("properties");
            List<Object[]> investors = made.getOrDefault(n.getKey(), List.<Object[]>of(new Object[]{null, null}));
            boolean isRound = round || investors.size() > 1;
            for (Object[] inv : investors) {
                Long usd = isRound ? (Long) inv[1] : p.hasNonNull("amountUsd") ? p.get("amountUsd").asLong() : null;
                deals.add(new Deal(n.getKey(), p.path("type").asText(null), usd, p.hasNonNull("date") ? p.get("date").asText() : null,
                        names(nodes, (String) inv[0]), names(nodes, to.get(n.getKey())), (String) inv[0], to.get(n.getKey()),
                        parent.get(n.getKey())));
            }
        }
        List<JsonNode> events = new ArrayList<>();
        timeline.path("events").forEach(events::add);
        List<Deal> top = deals.stream().filter(d -> d.parent() == null).toList();

        // candidate pairs, closest first (a deal dated in the event's month before one that only fits)
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            Deal d = top.get(i);
            for (int j = 0; j < events.size(); j++) {
                JsonNode ev = events.get(j);
                if (!ev.path("type").asText().equals(d.type())) {
                    continue;
                }
                boolean allowOwner = "COMMITS_SPEND_TO".equals(d.type());
                if (!same(d.from(), ev.path("from").asText(), false) || !same(d.to(), ev.path("to").asText(), allowOwner)) {
                    continue;
                }
                String gd = ev.hasNonNull("date") ? ev.get("date").asText() : null;
                if (!amountOk(d.usd(), ev) || !dateOk(d.date(), gd)) {
                    continue;
                }
                int exactDate = d.date() != null && gd != null && d.date().substring(0, Math.min(7, d.date().length()))
                        .equals(gd.substring(0, Math.min(7, gd.length()))) ? 0 : 1;
                pairs.add(new int[]{exactDate, i, j});
            }
        }
        pairs.sort((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : x[1] != y[1] ? Integer.compare(x[1], y[1]) : Integer.compare(x[2], y[2]));
        Map<Integer, Integer> md = new HashMap<>();
        Map<Integer, Integer> me = new HashMap<>();
        for (int[] p : pairs) {
            if (md.containsKey(p[1]) || me.containsKey(p[2])) {
                continue;
            }
            md.put(p[1], p[2]);
            me.put(p[2], p[1]);
        }
        int tp = 0;
        List<String> misses = new ArrayList<>();
        for (int j = 0; j < events.size(); j++) {
            JsonNode ev = events.get(j);
            if (ev.path("optional").asBoolean(false)) {
                continue;
            }
            if (me.containsKey(j)) {
                tp++;
            } else {
                misses.add(ev.path("type").asText() + " " + ev.path("from").asText() + " -> " + ev.path("to").asText() + " "
                        + usd(ev.hasNonNull("amount_usd") ? ev.get("amount_usd").asLong() : null) + " "
                        + (ev.hasNonNull("date") ? ev.get("date").asText() : "undated") + " (" + ev.path("id").asText() + ")");
            }
        }
        List<String> extras = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            if (md.containsKey(i)) {
                continue;
            }
            Deal d = top.get(i);
            boolean samePair = false;
            boolean allOptional = true;
            for (JsonNode ev : events) {
                if (ev.path("type").asText().equals(d.type()) && same(d.from(), ev.path("from").asText(), false)
                        && same(d.to(), ev.path("to").asText(), "COMMITS_SPEND_TO".equals(d.type()))) {
                    samePair = true;
                    allOptional &= ev.path("optional").asBoolean(false);
                }
            }
            if (!(samePair && allOptional)) {
                extras.add(d.type() + " " + (d.from().isEmpty() ? "?" : d.from().get(0)) + " -> " + (d.to().isEmpty() ? "?" : d.to().get(0))
                        + " " + usd(d.usd()) + " " + (d.date() == null ? "undated" : d.date()));
            }
        }
        int fp = extras.size();
        int fn = misses.size();
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);

        // tranches under the matched deal
        Map<String, List<Deal>> byParent = new HashMap<>();
        deals.stream().filter(d -> d.parent() != null).forEach(d -> byParent.computeIfAbsent(d.parent(), k -> new ArrayList<>()).add(d));
        int tGold = 0;
        int tHit = 0;
        List<String> trancheMisses = new ArrayList<>();
        for (int j = 0; j < events.size(); j++) {
            JsonNode ev = events.get(j);
            for (JsonNode tr : ev.path("tranches")) {
                tGold++;
                List<Deal> kids = me.containsKey(j) ? byParent.getOrDefault(top.get(me.get(j)).id(), List.of()) : List.of();
                String td = tr.hasNonNull("date") ? tr.get("date").asText() : null;
                if (kids.stream().anyMatch(k -> amountOk(k.usd(), tr) && dateOk(k.date(), td))) {
                    tHit++;
                } else {
                    trancheMisses.add(ev.path("id").asText() + ": " + usd(tr.hasNonNull("amount_usd") ? tr.get("amount_usd").asLong() : null)
                            + " " + (td == null ? "undated" : td));
                }
            }
        }

        // pair totals: the gold sum of non-optional event figures against the pair edge's totalUsd
        Map<String, Long> goldSum = new LinkedHashMap<>();
        Map<String, String[]> goldPair = new LinkedHashMap<>();
        for (JsonNode ev : events) {
            if (!ev.path("optional").asBoolean(false) && ev.hasNonNull("amount_usd")) {
                String k = ev.path("type").asText() + "|" + ev.path("from").asText() + "|" + ev.path("to").asText();
                goldSum.merge(k, ev.get("amount_usd").asLong(), Long::sum);
                goldPair.put(k, new String[]{ev.path("type").asText(), ev.path("from").asText(), ev.path("to").asText()});
            }
        }
        List<PairTotal> totals = new ArrayList<>();
        for (Map.Entry<String, Long> g : goldSum.entrySet()) {
            String[] gp = goldPair.get(g.getKey());
            Long got = null;
            for (Map.Entry<String, String[]> e : edgeEnds.entrySet()) {
                String[] ends = e.getValue();
                if (ends[0].equals(gp[0]) && same(names(nodes, ends[1]), gp[1], false)
                        && same(names(nodes, ends[2]), gp[2], "COMMITS_SPEND_TO".equals(gp[0]))) {
                    got = edgeTotals.get(e.getKey());
                }
            }
            boolean ok = got != null && Math.abs(got - g.getValue()) <= 0.01 * g.getValue();
            totals.add(new PairTotal(gp[0], gp[1], gp[2], g.getValue(), got, ok));
        }
        return new Result(tp, fp, fn, precision, recall, f1, tGold, tHit, misses, extras, trancheMisses, totals);
    }

    private static List<String> names(Map<String, JsonNode> nodes, String id) {
        List<String> out = new ArrayList<>();
        if (id == null || !nodes.containsKey(id)) {
            return out;
        }
        JsonNode p = nodes.get(id).path("properties");
        Set<String> seen = new HashSet<>();
        for (String k : List.of("name", "id")) {
            if (p.hasNonNull(k) && seen.add(p.get(k).asText())) {
                out.add(p.get(k).asText());
            }
        }
        p.path("aliases").forEach(a -> {
            if (seen.add(a.asText())) {
                out.add(a.asText());
            }
        });
        return out;
    }

    /** "$13B", "$1.25B", "undisclosed". */
    public static String usd(Long v) {
        if (v == null) {
            return "undisclosed";
        }
        double x = v;
        for (String[] u : new String[][]{{"T", "1e12"}, {"B", "1e9"}, {"M", "1e6"}}) {
            double div = Double.parseDouble(u[1]);
            if (Math.abs(x) >= div) {
                double q = x / div;
                return "$" + (q == Math.rint(q) ? String.valueOf((long) q) : String.valueOf(q)) + u[0];
            }
        }
        return "$" + v;
    }
}
