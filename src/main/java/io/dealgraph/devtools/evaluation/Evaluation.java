package io.dealgraph.devtools.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealgraph.extract.Document;
import io.dealgraph.extract.DocumentReader;
import io.dealgraph.extract.Extractor;
import io.dealgraph.extract.Fact;
import io.dealgraph.extract.FactType;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
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
 * Scores facts against gold files exactly as shared/corpus/score.py does: names normalised (case, punctuation,
 * corporate suffixes, the document's aliases), a cloud matches its owner for spend and chip-use facts, a chip
 * matches its family by prefix, optional and cumulative gold facts neither count for nor against, pairs matched
 * one-to-one with the closest amount and date first.
 */
public final class Evaluation {

    /** One scoring run over a set of types. */
    public record Score(int tp, int fp, int fn, double precision, double recall, double f1,
                        Double amountAccuracy, int amountN, Double dateAccuracy, int dateN,
                        List<String> misses, List<String> extras) {

        public String line() {
            return String.format(Locale.ROOT, "P=%.2f R=%.2f F1=%.2f amount=%s (n=%d) date=%s (n=%d) tp=%d fp=%d fn=%d",
                    precision, recall, f1, amountAccuracy == null ? "n/a" : String.format(Locale.ROOT, "%.2f", amountAccuracy),
                    amountN, dateAccuracy == null ? "n/a" : String.format(Locale.ROOT, "%.2f", dateAccuracy), dateN, tp, fp, fn);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SUFFIX = Pattern.compile("\\b(inc|corp|corporation|co|ltd|llc|plc|pbc|ag|sa|se|nv|group|holdings|company|the)\\b\\.?");
    private static final Pattern POSSESSIVE = Pattern.compile("'s\\b");
    private static final Pattern PUNCT = Pattern.compile("[.,()\"']");

    private final Map<String, JsonNode> gold;

    private Evaluation(Map<String, JsonNode> gold) {
        this.gold = gold;
    }

    /** Gold files of a folder: every *.json, keyed by their "doc". */
    public static Evaluation load(Path goldDir) throws IOException {
        Map<String, JsonNode> gold = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(goldDir)) {
            for (Path p : files.sorted().toList()) {
                if (p.getFileName().toString().endsWith(".json")) {
                    JsonNode g = JSON.readTree(p.toFile());
                    gold.put(g.get("doc").asText(), g);
                }
            }
        }
        return new Evaluation(gold);
    }

    public Set<String> docs() {
        return gold.keySet();
    }

    /**
     * The gold facts of one document as facts an extractor would give (evidence only where a gold file keeps it), optional
     * ones included: what a perfect extractor would report. {@code evaluate --timeline --from-gold} ingests these to
     * score what the graph makes of perfect facts, apart from extraction.
     */
    public List<Fact> goldFacts(String doc) {
        JsonNode g = gold.get(doc);
        List<Fact> out = new ArrayList<>();
        if (g == null) {
            return out;
        }
        Map<String, String> types = new java.util.HashMap<>();
        for (JsonNode e : g.path("entities")) {
            types.put(e.path("name").asText(), e.path("type").asText(null));
        }
        for (JsonNode f : g.path("facts")) {
            FactType type;
            try {
                type = FactType.valueOf(f.path("type").asText());
            } catch (IllegalArgumentException e) {
                continue;
            }
            // older gold files (the seeds) name no types: the entity list's, else what the fact type implies
            String fromType = text(f, "from_type") != null ? text(f, "from_type") : types.getOrDefault(text(f, "from"), "Company");
            String toType = text(f, "to_type") != null ? text(f, "to_type") : types.getOrDefault(text(f, "to"), switch (type) {
                case MAKES_CHIP, USES_CHIP -> "Chip";
                case OPERATES -> "Cloud";
                default -> "Company";
            });
            Fact.Round round = f.hasNonNull("round") ? new Fact.Round(f.get("round").asText(), longOrNull(f, "round_amount"),
                    text(f, "round_currency"), longOrNull(f, "round_usd"), text(f, "series"), text(f, "role")) : null;
            String qualifier = text(f, "qualifier");
            out.add(new Fact(doc, type, text(f, "from"), fromType, text(f, "to"), toType,
                    longOrNull(f, "amount"), text(f, "currency"), longOrNull(f, "amount_usd"), qualifier == null ? "unknown" : qualifier,
                    f.path("cumulative").asBoolean(false), longOrNull(f, "tranche_of_usd"),
                    text(f, "date"), f.hasNonNull("years") ? f.get("years").asInt() : null, text(f, "status"),
                    f.path("evidence").asText(""), 0, 0, round));
        }
        return out;
    }

    /** Runs the extractor over the folder's documents that have gold, as the extract command reads them. */
    public List<Fact> extract(Path folder, Extractor extractor) throws IOException {
        return extract(folder, extractor, (doc, e) -> {
            throw e;
        });
    }

    /**
     * As {@link #extract(Path, Extractor)}, but a document the extractor fails on (a bug of ours, never the text's
     * fault) goes to {@code failed} and scores as a document where nothing was found, instead of ending the run.
     */
    public List<Fact> extract(Path folder, Extractor extractor, java.util.function.BiConsumer<String, RuntimeException> failed)
            throws IOException {
        List<Fact> facts = new ArrayList<>();
        for (String doc : gold.keySet()) {
            Path p = folder.resolve(doc);
            if (Files.exists(p)) {
                for (Document d : DocumentReader.read(p, null)) {
                    try {
                        facts.addAll(extractor.extract(d));
                    } catch (RuntimeException e) {
                        failed.accept(doc, e);
                    }
                }
            }
        }
        return facts;
    }

    /** Facts from a JSON-lines file in the facts format (what {@code extract} prints); unknown fields are ignored. */
    public static List<Fact> readFacts(Path jsonl) throws IOException {
        List<Fact> out = new ArrayList<>();
        int line = 0;
        for (String l : Files.readAllLines(jsonl)) {
            line++;
            if (l.isBlank()) {
                continue;
            }
            JsonNode f;
            try {
                f = JSON.readTree(l);
            } catch (IOException e) {
                throw new IOException(jsonl + ":" + line + ": not a JSON object");
            }
            FactType type;
            try {
                type = FactType.valueOf(f.path("type").asText());
            } catch (IllegalArgumentException e) {
                throw new IOException(jsonl + ":" + line + ": unknown fact type '" + f.path("type").asText() + "'");
            }
            out.add(new Fact(f.path("doc").asText(), type, text(f, "from"), text(f, "from_type"), text(f, "to"), text(f, "to_type"),
                    longOrNull(f, "amount"), text(f, "currency"), longOrNull(f, "amount_usd"), text(f, "qualifier"),
                    f.path("cumulative").asBoolean(false), longOrNull(f, "tranche_of_usd"), text(f, "date"),
                    f.hasNonNull("years") ? f.get("years").asInt() : null, text(f, "status"), f.path("evidence").asText(""),
                    f.path("start").asInt(0), f.path("end").asInt(0)));
        }
        return out;
    }

    private static Long longOrNull(JsonNode f, String field) {
        return f.hasNonNull(field) ? f.get(field).asLong() : null;
    }

    /** score.py's default: INVESTS_IN and COMMITS_SPEND_TO together. */
    public static final Set<FactType> DEAL_TYPES = EnumSet.of(FactType.INVESTS_IN, FactType.COMMITS_SPEND_TO);

    public Score score(Collection<Fact> facts, Set<FactType> types) {
        Map<String, List<Fact>> preds = new HashMap<>();
        for (Fact f : facts) {
            String doc = Path.of(f.doc() == null ? "" : f.doc()).getFileName().toString();
            if (gold.containsKey(doc) && types.contains(f.type())) {
                preds.computeIfAbsent(doc, k -> new ArrayList<>()).add(f);
            }
        }
        Set<String> typeNames = new HashSet<>();
        types.forEach(t -> typeNames.add(t.name()));
        int tp = 0, fp = 0, fn = 0, amtOk = 0, amtN = 0, datOk = 0, datN = 0;
        List<String> misses = new ArrayList<>();
        List<String> extras = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : gold.entrySet()) {
            String doc = e.getKey();
            Names names = new Names(e.getValue());
            List<JsonNode> scored = new ArrayList<>();
            List<JsonNode> lenient = new ArrayList<>();
            for (JsonNode f : e.getValue().path("facts")) {
                if (!typeNames.contains(f.path("type").asText())) {
                    continue;
                }
                if (f.path("optional").asBoolean(false) || "cumulative".equals(text(f, "qualifier"))) {
                    lenient.add(f);
                } else {
                    scored.add(f);
                }
            }
            List<Fact> ps = preds.getOrDefault(doc, List.of());
            List<int[]> pairs = new ArrayList<>();
            for (int i = 0; i < ps.size(); i++) {
                Fact p = ps.get(i);
                for (int j = 0; j < scored.size(); j++) {
                    JsonNode g = scored.get(j);
                    if (!p.type().name().equals(g.path("type").asText())) {
                        continue;
                    }
                    boolean allowOwner = p.type() == FactType.COMMITS_SPEND_TO || p.type() == FactType.USES_CHIP;
                    if (names.same(p.from(), text(g, "from"), false) && names.same(p.to(), text(g, "to"), allowOwner)) {
                        Boolean a = amountOk(p.amountUsd(), num(g, "amount_usd"));
                        Boolean d = dateOk(p.date(), text(g, "date"));
                        int key = -(Boolean.TRUE.equals(a) ? 1 : 0) - (Boolean.TRUE.equals(d) ? 1 : 0);
                        pairs.add(new int[]{key, i, j});
                    }
                }
            }
            pairs.sort((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : x[1] != y[1] ? Integer.compare(x[1], y[1]) : Integer.compare(x[2], y[2]));
            Set<Integer> mp = new HashSet<>();
            Set<Integer> mg = new HashSet<>();
            for (int[] pr : pairs) {
                if (mp.contains(pr[1]) || mg.contains(pr[2])) {
                    continue;
                }
                mp.add(pr[1]);
                mg.add(pr[2]);
                Fact p = ps.get(pr[1]);
                JsonNode g = scored.get(pr[2]);
                Boolean a = amountOk(p.amountUsd(), num(g, "amount_usd"));
                if (a != null) {
                    amtN++;
                    amtOk += a ? 1 : 0;
                }
                Boolean d = dateOk(p.date(), text(g, "date"));
                if (d != null) {
                    datN++;
                    datOk += d ? 1 : 0;
                }
            }
            tp += mg.size();
            fn += scored.size() - mg.size();
            for (int j = 0; j < scored.size(); j++) {
                if (!mg.contains(j)) {
                    JsonNode g = scored.get(j);
                    misses.add(String.join(" ", doc, text(g, "type"), text(g, "from"), text(g, "to"), String.valueOf(num(g, "amount_usd"))));
                }
            }
            for (int i = 0; i < ps.size(); i++) {
                if (mp.contains(i)) {
                    continue;
                }
                Fact p = ps.get(i);
                boolean ok = false;
                List<JsonNode> all = new ArrayList<>(lenient);
                all.addAll(scored);
                for (JsonNode g : all) {
                    if (p.type().name().equals(text(g, "type")) && names.same(p.from(), text(g, "from"), false)
                            && names.same(p.to(), text(g, "to"), true) && !Boolean.FALSE.equals(amountOk(p.amountUsd(), num(g, "amount_usd")))) {
                        ok = true;
                        break;
                    }
                }
                if (ok || p.cumulative()) {
                    continue;
                }
                fp++;
                extras.add(String.join(" ", doc, p.type().name(), p.from(), p.to(), String.valueOf(p.amountUsd())));
            }
        }
        double prec = tp + fp > 0 ? (double) tp / (tp + fp) : 0.0;
        double rec = tp + fn > 0 ? (double) tp / (tp + fn) : 0.0;
        double f1 = prec + rec > 0 ? 2 * prec * rec / (prec + rec) : 0.0;
        return new Score(tp, fp, fn, prec, rec, f1, amtN > 0 ? (double) amtOk / amtN : null, amtN,
                datN > 0 ? (double) datOk / datN : null, datN, misses, extras);
    }

    /** One score per type, plus score.py's two default groupings. */
    public Map<String, Score> report(Collection<Fact> facts) {
        Map<String, Score> out = new LinkedHashMap<>();
        for (FactType t : FactType.values()) {
            out.put(t.name(), score(facts, EnumSet.of(t)));
        }
        out.put("DEALS", score(facts, DEAL_TYPES));
        out.put("CHIPS_CLOUDS", score(facts, EnumSet.of(FactType.MAKES_CHIP, FactType.USES_CHIP, FactType.OPERATES)));
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Double num(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asDouble();
    }

    static Boolean amountOk(Long p, Double g) {
        if (g == null) {
            return null;
        }
        if (p == null) {
            return false;
        }
        return Math.abs(p.doubleValue() - g) <= 0.01 * Math.abs(g);
    }

    static Boolean dateOk(String p, String g) {
        if (g == null || g.isEmpty()) {
            return null;
        }
        if (p == null || p.isEmpty()) {
            return false;
        }
        return p.substring(0, Math.min(7, p.length())).equals(g.substring(0, Math.min(7, g.length())));
    }

    static String norm(String s) {
        String t = (s == null ? "" : s).toLowerCase(Locale.ROOT).replace('’', '\'');
        t = POSSESSIVE.matcher(t).replaceAll("");
        t = PUNCT.matcher(t).replaceAll(" ");
        t = SUFFIX.matcher(t).replaceAll(" ");
        return String.join(" ", t.trim().split("\\s+")).trim();
    }

    /** The gold file's entity table: aliases, owners, kinds. */
    private static final class Names {
        final Map<String, String> canon = new HashMap<>();
        final Map<String, String> owner = new HashMap<>();
        final Map<String, String> kind = new HashMap<>();

        Names(JsonNode g) {
            for (JsonNode e : g.path("entities")) {
                String c = norm(e.path("name").asText());
                List<String> all = new ArrayList<>();
                all.add(e.path("name").asText());
                e.path("aliases").forEach(a -> all.add(a.asText()));
                for (String a : all) {
                    canon.putIfAbsent(norm(a), c);
                }
                if (e.hasNonNull("owner") && !e.get("owner").asText().isEmpty()) {
                    owner.put(c, norm(e.get("owner").asText()));
                }
                kind.put(c, e.hasNonNull("type") ? e.get("type").asText() : null);
            }
        }

        String of(String s) {
            String n = norm(s);
            return canon.getOrDefault(n, n);
        }

        boolean same(String pred, String goldName, boolean allowOwner) {
            String p = of(pred);
            String g = norm(goldName);
            g = canon.getOrDefault(g, g);
            if (p.equals(g)) {
                return true;
            }
            if (allowOwner && p.equals(owner.get(g))) {
                return true;
            }
            return "Chip".equals(kind.get(g)) && (p.startsWith(g) || g.startsWith(p)) && Math.min(p.length(), g.length()) >= 3;
        }
    }
}
