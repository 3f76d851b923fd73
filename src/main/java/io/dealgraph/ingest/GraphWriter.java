package io.dealgraph.ingest;

import io.dealgraph.extract.Fact;
import io.dealgraph.extract.FactType;
import io.dealgraph.graph.CypherScript;
import io.dealgraph.ingest.DealReconciler.ClaimFigures;
import io.dealgraph.ingest.DealReconciler.DealSummary;
import io.dealgraph.ingest.DealReconciler.PairDeal;
import io.dealgraph.ingest.DealReconciler.Reading;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Writes batches of extracted documents, each batch in one transaction (the driver retries it when Neo4j reports
 * a transient failure such as a deadlock): documents already in the graph are skipped, entities merged, each deal
 * claim reconciled with the deals its pair already has, and the one-hop summaries of the touched pairs refreshed.
 * Every statement is a file under {@code cypher/ingest/}.
 */
final class GraphWriter {

    enum Status { INGESTED, DUPLICATE }

    /** What became of one document of a batch. */
    record Written(ExtractedDocument document, Status status, String existingId, int claims) {
    }

    private static final CypherScript EXISTING = CypherScript.load("ingest/existing-documents.cypher");
    private static final CypherScript ENTITIES = CypherScript.load("ingest/merge-entities.cypher");
    private static final CypherScript LOCK = CypherScript.load("ingest/lock-investors.cypher");
    private static final CypherScript PAIR_DEALS = CypherScript.load("ingest/pair-deals.cypher");
    private static final CypherScript ROUND_DEALS = CypherScript.load("ingest/round-deals.cypher");
    private static final CypherScript WRITE = CypherScript.load("ingest/write-batch.cypher");
    private static final CypherScript PAIR_EDGES = CypherScript.load("ingest/pair-edges.cypher");

    private final Driver driver;
    private final String database;

    GraphWriter(Driver driver, String database) {
        this.driver = driver;
        this.database = database;
    }

    List<Written> write(List<ExtractedDocument> batch) {
        try (var session = driver.session(SessionConfig.forDatabase(database))) {
            return session.executeWrite(tx -> write(tx, batch));
        }
    }

    private List<Written> write(TransactionContext tx, List<ExtractedDocument> batch) {
        // 1. Skip what the graph (or an earlier document of this batch) already has.
        List<Map<String, Object>> probe = batch.stream()
                .map(d -> nullable("id", d.hash(), "url", d.document().url())).toList();
        Map<String, String> existing = new HashMap<>();
        tx.run(EXISTING.single(), Map.of("documents", probe)).list()
                .forEach(r -> existing.put(r.get("id").asString(), r.get("existing").asString()));
        Set<String> seenHashes = new HashSet<>();
        Set<String> seenUrls = new HashSet<>();
        List<Written> outcome = new ArrayList<>();
        List<ExtractedDocument> fresh = new ArrayList<>();
        for (ExtractedDocument d : batch) {
            String url = d.document().url();
            String earlier = existing.get(d.hash());
            if (earlier == null && !seenHashes.add(d.hash())) {
                earlier = d.hash();
            }
            if (earlier == null && url != null && !seenUrls.add(url)) {
                earlier = "(same URL earlier in this batch)";
            }
            if (earlier != null) {
                outcome.add(new Written(d, Status.DUPLICATE, earlier, 0));
            } else {
                fresh.add(d);
                outcome.add(null);
            }
        }
        if (fresh.isEmpty()) {
            return outcome;
        }

        // 2. Entities, and the claims of each document in order.
        Entities entities = new Entities();
        List<PendingClaim> claims = new ArrayList<>();
        for (ExtractedDocument d : fresh) {
            int index = 0;
            for (Fact f : d.facts()) {
                PendingClaim c = PendingClaim.of(d, index++, f, entities);
                if (c != null) {
                    claims.add(c);
                }
            }
        }
        for (String statement : ENTITIES.statements()) {
            tx.run(statement, entities.parameters()).consume();
        }

        // 3. Reconcile deal claims with the deals their pairs have, round claims with the rounds their companies have,
        //    the investors and raisers locked against other writers.
        Map<String, List<PendingClaim>> byPair = new LinkedHashMap<>();
        Map<String, List<PendingClaim>> byRound = new LinkedHashMap<>();
        for (PendingClaim c : claims) {
            if (c.roundClaim()) {
                byRound.computeIfAbsent(c.roundKey(), k -> new ArrayList<>()).add(c);
            } else if (c.dealClaim()) {
                byPair.computeIfAbsent(c.pairKey(), k -> new ArrayList<>()).add(c);
            }
        }
        TreeSet<String> investors = new TreeSet<>();
        byPair.values().forEach(cs -> investors.add(cs.get(0).from));
        byRound.values().forEach(cs -> investors.add(cs.get(0).to));
        tx.run(LOCK.single(), Map.of("ids", List.copyOf(investors))).consume();
        Rounds rounds = new Rounds(tx, byRound);
        // a figure-less mention of a pair ("Nvidia's investment in xAI") joins the round the investor is in, if any
        for (Iterator<Map.Entry<String, List<PendingClaim>>> it = byPair.entrySet().iterator(); it.hasNext(); ) {
            List<PendingClaim> cs = it.next().getValue();
            cs.removeIf(rounds::absorb);
            if (cs.isEmpty()) {
                it.remove();
            }
        }
        Map<String, List<PairDeal>> pairDeals = new HashMap<>();
        List<Map<String, Object>> pairs = byPair.values().stream().map(cs -> {
            PendingClaim c = cs.get(0);
            return Map.<String, Object>of("key", c.pairKey(), "type", c.type, "from", c.from, "to", c.to);
        }).toList();
        for (Record r : tx.run(PAIR_DEALS.single(), Map.of("pairs", pairs)).list()) {
            List<ClaimFigures> figures = r.get("claims").asList(GraphWriter::figures);
            pairDeals.computeIfAbsent(r.get("pair").asString(), k -> new ArrayList<>())
                    .add(new PairDeal(r.get("id").asString(), r.get("parent").isNull() ? null : r.get("parent").asString(), figures));
        }
        List<Map<String, Object>> dealRows = new ArrayList<>();
        for (Map.Entry<String, List<PendingClaim>> e : byPair.entrySet()) {
            List<PendingClaim> cs = e.getValue();
            DealReconciler reconciler = new DealReconciler(i -> "deal-" + cs.get(i).id.substring("claim-".length()));
            DealReconciler.Outcome result = reconciler.reconcile(pairDeals.getOrDefault(e.getKey(), List.of()),
                    cs.stream().map(PendingClaim::figures).toList());
            for (int i = 0; i < cs.size(); i++) {
                cs.get(i).deal = result.dealOfClaim().get(i);
            }
            PendingClaim first = cs.get(0);
            for (DealSummary s : result.touched()) {
                dealRows.add(dealRow(first, s, result.history().get(s.id())));
            }
        }

        // 4. Write documents, deals, claims and the chip and cloud edges; refresh the pairs' summaries.
        Map<String, Object> params = new HashMap<>();
        params.put("documents", fresh.stream().map(GraphWriter::documentRow).toList());
        params.put("deals", dealRows);
        params.put("rounds", rounds.rows());
        params.put("participations", rounds.participations());
        params.put("claims", claims.stream().map(PendingClaim::row).toList());
        params.put("operates", edgeRows(claims, FactType.OPERATES));
        params.put("makes", edgeRows(claims, FactType.MAKES_CHIP));
        params.put("uses", edgeRows(claims, FactType.USES_CHIP));
        for (String statement : WRITE.statements()) {
            tx.run(statement, params).consume();
        }
        Map<String, Map<String, Object>> investments = new LinkedHashMap<>();
        Map<String, Map<String, Object>> commitments = new LinkedHashMap<>();
        for (PendingClaim c : claims) {
            if (c.type.equals("INVESTS_IN") || c.type.equals("COMMITS_SPEND_TO")) {
                // a round touches its investors' pairs with the company
                Map<String, Object> row = (c.type.equals("INVESTS_IN") ? investments : commitments).computeIfAbsent(c.pairKey(),
                        k -> nullable("key", k, "from", c.from, "to", c.to, "toLabel", c.toLabel, "reported", null));
                Long total = c.fact.cumulative() ? c.fact.amountUsd() : null;
                if (total != null && (row.get("reported") == null || total > (Long) row.get("reported"))) {
                    row.put("reported", total);
                }
            }
        }
        for (String statement : PAIR_EDGES.statements()) {
            tx.run(statement, Map.of("investments", List.copyOf(investments.values()),
                    "commitments", List.copyOf(commitments.values()))).consume();
        }

        Map<String, Integer> claimsPerDoc = new HashMap<>();
        claims.forEach(c -> claimsPerDoc.merge(c.doc, 1, Integer::sum));
        int f = 0;
        for (int i = 0; i < outcome.size(); i++) {
            if (outcome.get(i) == null) {
                ExtractedDocument d = fresh.get(f++);
                outcome.set(i, new Written(d, Status.INGESTED, null, claimsPerDoc.getOrDefault(d.hash(), 0)));
            }
        }
        return outcome;
    }

    private static ClaimFigures figures(Value v) {
        return new ClaimFigures(longOrNull(v.get("amount")), stringOrNull(v.get("currency")), longOrNull(v.get("amountUsd")),
                stringOrNull(v.get("qualifier")), stringOrNull(v.get("date")), stringOrNull(v.get("status")),
                v.get("years").isNull() ? null : v.get("years").asInt(), longOrNull(v.get("trancheOfUsd")),
                stringOrNull(v.get("published")));
    }

    private static Long longOrNull(Value v) {
        return v.isNull() ? null : v.asLong();
    }

    private static String stringOrNull(Value v) {
        return v.isNull() ? null : v.asString();
    }

    private static Map<String, Object> documentRow(ExtractedDocument d) {
        var doc = d.document();
        return nullable("id", d.hash(), "url", doc.url(), "title", doc.title(),
                "published", doc.published() == null ? null : doc.published().toString(), "name", doc.id(),
                "chars", doc.text().length());
    }

    private static Map<String, Object> dealRow(PendingClaim pair, DealSummary s, List<Reading> history) {
        Map<String, Object> props = nullable("type", pair.type, "pair", pair.pairKey());
        props.putAll(figureProps(s, s.label()));
        props.put("firstReported", history.get(0).since());
        props.put("timelineFrom", timelineKey(pair.from, s.date(), s.id()));
        props.put("timelineTo", timelineKey(pair.to, s.date(), s.id()));
        return nullable("id", s.id(), "from", pair.from, "to", pair.to, "toLabel", pair.toLabel,
                "type", pair.type, "parent", s.parent(), "props", props,
                "history", history.stream().map(r -> reading(r, r.summary().label(), null)).toList());
    }

    /** What a deal (or one reading of it) says: its figure, date, status and how sure the sources are of them. */
    private static Map<String, Object> figureProps(DealSummary s, String label) {
        return nullable("amount", s.amount(), "currency", s.currency(), "amountUsd", s.amountUsd(),
                "qualifier", s.qualifier(), "date", s.date(), "status", s.status(), "years", s.years(), "label", label,
                "disputed", s.disputed() ? Boolean.TRUE : null, "alternatives", s.alternatives().isEmpty() ? null : s.alternatives());
    }

    /** One (:Reading) of a deal: what its sources had said by {@code since}. */
    private static Map<String, Object> reading(Reading r, String label, String series) {
        Map<String, Object> props = figureProps(r.summary(), label);
        props.values().removeIf(java.util.Objects::isNull); // a node's properties, set whole
        props.put("since", r.since());
        if (series != null) {
            props.put("series", series);
        }
        return props;
    }

    /**
     * Where a deal sorts in one party's timeline: {@code <entity id> <date, or ~ when undated> <deal id>}. A range
     * index over it reads an entity's deals in (date, id) order, undated last, so a page of a hub's timeline costs a
     * page, not the hub's whole history. The space sorts before '-', which keeps 2024-03 before 2024-03-01 as in
     * the deals' own date order. migrations/V0005 writes the same key with the same expression.
     */
    static String timelineKey(String entity, String date, String deal) {
        return entity + " " + (date == null ? "~" : date) + " " + deal;
    }

    private static List<Map<String, Object>> edgeRows(List<PendingClaim> claims, FactType type) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (PendingClaim c : claims) {
            if (c.type.equals(type.name())) {
                counts.merge(c.from + "\u0000" + c.to, 1, Integer::sum);
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        counts.forEach((k, n) -> {
            String[] ft = k.split("\u0000");
            rows.add(Map.of("from", ft[0], "to", ft[1], "claims", n));
        });
        return rows;
    }

    /** A map that may hold nulls (Map.of may not); the driver sends them as Cypher nulls. */
    static Map<String, Object> nullable(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /**
     * The batch's funding rounds: each document's round (all the claims that share its round id) reconciled with the
     * company's rounds as a deal is with its pair's deals, by size and date, rounds of another series apart. One
     * (:Deal:Investment:Round) per real round, a MADE edge per investor with its role and its own share.
     */
    private final class Rounds {
        private final Map<String, List<PairDeal>> existing = new HashMap<>();
        private final Map<String, Set<String>> investorsOf = new HashMap<>();
        private final Map<String, String> seriesOf = new HashMap<>();
        private final Map<String, DealSummary> touched = new LinkedHashMap<>();
        private final Map<String, List<Reading>> history = new HashMap<>();
        private final Map<String, String> companyOf = new HashMap<>();
        private final List<PendingClaim> members = new ArrayList<>();

        Rounds(TransactionContext tx, Map<String, List<PendingClaim>> byRound) {
            if (byRound.isEmpty()) {
                return;
            }
            List<String> companies = byRound.values().stream().map(cs -> cs.get(0).to).distinct().sorted().toList();
            for (Record r : tx.run(ROUND_DEALS.single(), Map.of("companies", companies)).list()) {
                String company = r.get("company").asString();
                String id = r.get("id").asString();
                existing.computeIfAbsent(company, k -> new ArrayList<>())
                        .add(new PairDeal(id, null, r.get("claims").asList(GraphWriter::figures)));
                investorsOf.put(id, new HashSet<>(r.get("investors").asList(Value::asString)));
                if (!r.get("series").isNull()) {
                    seriesOf.put(id, r.get("series").asString());
                }
                companyOf.put(id, company);
            }
            for (List<PendingClaim> cs : byRound.values()) {
                PendingClaim first = cs.get(0);
                String series = cs.stream().map(c -> c.fact.round().series()).filter(java.util.Objects::nonNull).findFirst().orElse(null);
                List<PairDeal> candidates = new ArrayList<>();
                for (PairDeal d : existing.getOrDefault(first.to, List.of())) {
                    String other = seriesOf.get(d.id());
                    if (series == null || other == null || series.equals(other)) {
                        candidates.add(d);
                    }
                }
                DealReconciler reconciler = new DealReconciler(i -> "round-" + first.id.substring("claim-".length()));
                DealReconciler.Outcome out = reconciler.reconcile(candidates, List.of(roundFigures(cs)));
                String id = out.dealOfClaim().get(0);
                DealSummary summary = out.touched().get(0);
                // the round as the reconciler now sees it, for the next document's round of the same company
                List<PairDeal> list = existing.computeIfAbsent(first.to, k -> new ArrayList<>());
                List<ClaimFigures> figures = new ArrayList<>();
                list.stream().filter(d -> d.id().equals(id)).findFirst().ifPresent(d -> figures.addAll(d.claims()));
                list.removeIf(d -> d.id().equals(id));
                figures.add(roundFigures(cs));
                list.add(new PairDeal(id, null, figures));
                if (series != null) {
                    seriesOf.putIfAbsent(id, series);
                }
                companyOf.put(id, first.to);
                touched.put(id, summary);
                history.put(id, out.history().get(id));
                for (PendingClaim c : cs) {
                    c.deal = id;
                    c.roundDeal = true;
                    investorsOf.computeIfAbsent(id, k -> new HashSet<>()).add(c.from);
                    members.add(c);
                }
            }
        }

        /** The round's figures as the document's claims give them: the first that states a size, else the first. */
        private ClaimFigures roundFigures(List<PendingClaim> cs) {
            for (PendingClaim c : cs) {
                ClaimFigures f = c.roundFigures();
                if (f.amount() != null || f.amountUsd() != null) {
                    return f;
                }
            }
            return cs.get(0).roundFigures();
        }

        /** Joins a figure-less pair claim to a round its investor is in, when their dates can be one event. */
        boolean absorb(PendingClaim c) {
            if (!c.type.equals("INVESTS_IN") || c.fact.amountUsd() != null || c.fact.amount() != null) {
                return false;
            }
            for (Map.Entry<String, Set<String>> e : investorsOf.entrySet()) {
                if (e.getValue().contains(c.from) && c.to.equals(companyOf.get(e.getKey()))) {
                    DealSummary s = touched.get(e.getKey());
                    String date = s != null ? s.date() : null;
                    if (DealReconciler.datesFit(c.fact.date(), date)) {
                        c.deal = e.getKey();
                        c.roundDeal = true;
                        return true;
                    }
                }
            }
            return false;
        }

        List<Map<String, Object>> rows() {
            List<Map<String, Object>> out = new ArrayList<>();
            touched.forEach((id, s) -> {
                String series = seriesOf.get(id);
                Map<String, Object> props = nullable("type", "INVESTS_IN", "series", series);
                props.putAll(figureProps(s, label(series, s)));
                List<Reading> readings = history.get(id);
                props.put("firstReported", readings.get(0).since());
                props.put("timelineTo", timelineKey(companyOf.get(id), s.date(), id));
                props.put("pair", null);
                props.put("timelineFrom", null);
                out.add(nullable("id", id, "to", companyOf.get(id), "props", props,
                        "history", readings.stream().map(r -> reading(r, label(series, r.summary()), series)).toList()));
            });
            return out;
        }

        private static String label(String series, DealSummary s) {
            return "round " + (series == null ? "" : series + " ") + s.label();
        }

        /**
         * One row per investor and round: the role (lead over participant), the share any claim gives, and the day
         * the earliest of them was published (answers as of an earlier day leave the investor out).
         */
        List<Map<String, Object>> participations() {
            Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
            for (PendingClaim c : members) {
                Map<String, Object> row = rows.computeIfAbsent(c.deal + "|" + c.from, k -> nullable("round", c.deal, "from", c.from,
                        "role", null, "amount", null, "currency", null, "amountUsd", null,
                        "pair", "INVESTS_IN|" + c.from + "|Company|" + c.to, "since", c.published));
                if (c.published.compareTo((String) row.get("since")) < 0) {
                    row.put("since", c.published);
                }
                Fact.Round r = c.fact.round();
                if (r != null && ("lead".equals(r.role()) || row.get("role") == null)) {
                    row.put("role", r.role());
                }
                if (c.fact.amount() != null && row.get("amount") == null) {
                    row.put("amount", c.fact.amount());
                    row.put("currency", c.fact.currency());
                    row.put("amountUsd", c.fact.amountUsd());
                }
            }
            return List.copyOf(rows.values());
        }
    }

    /** Who can make an investment; only companies sign spend commitments or run clouds. */
    private static final Set<String> INVESTOR_TYPES = Set.of("Company", "Fund", "Person", "Government");

    /** A fact on its way to becoming a claim node. */
    private static final class PendingClaim {
        final String id;
        final String doc;
        final String type;
        final String from;
        final String to;
        final String toLabel;
        final Fact fact;
        /** When the claim's source was published: the document's date, else the day it was ingested. */
        final String published;
        String deal;
        /** The claim supports a round (its own, or the round its investor is in): it names its investor. */
        boolean roundDeal;

        private PendingClaim(String id, String doc, String type, String from, String to, String toLabel, Fact fact,
                             String published) {
            this.id = id;
            this.published = published;
            this.doc = doc;
            this.type = type;
            this.from = from;
            this.to = to;
            this.toLabel = toLabel;
            this.fact = fact;
        }

        /** Null for a fact whose ends do not fit its type (a chip that invests, a cloud that makes chips). */
        static PendingClaim of(ExtractedDocument d, int index, Fact f, Entities entities) {
            String toLabel = switch (f.type()) {
                case INVESTS_IN -> "Company".equals(f.toType()) ? "Company" : null;
                case COMMITS_SPEND_TO -> "Cloud".equals(f.toType()) ? "Cloud" : "Company".equals(f.toType()) ? "Company" : null;
                case OPERATES -> "Cloud".equals(f.toType()) ? "Cloud" : null;
                case MAKES_CHIP, USES_CHIP -> "Chip".equals(f.toType()) ? "Chip" : null;
            };
            if (toLabel == null || !INVESTOR_TYPES.contains(f.fromType()) || f.from().equals(f.to())
                    || f.type() != FactType.INVESTS_IN && !"Company".equals(f.fromType())) {
                return null;
            }
            String toName = f.to();
            String cloud = f.type() == FactType.COMMITS_SPEND_TO && toLabel.equals("Company") ? Entities.onlyCloudOf(toName) : null;
            if (cloud != null) {
                // "$100 billion of spending with Amazon" is spend on Amazon's cloud: one deal, whichever name a source used
                toName = cloud;
                toLabel = "Cloud";
            }
            // funds, people and governments invest too: they are company nodes whose kind says what they are
            String from = entities.add(f.from(), "Company", "Company".equals(f.fromType()) ? null : f.fromType());
            String to = entities.add(toName, toLabel);
            String id = "claim-" + ExtractedDocument.sha256(d.hash() + "|" + index).substring(0, 24);
            return new PendingClaim(id, d.hash(), f.type().name(), from, to, toLabel, f, d.publishedOrIngested().toString());
        }

        boolean dealClaim() {
            return (fact.type() == FactType.INVESTS_IN || fact.type() == FactType.COMMITS_SPEND_TO) && !fact.cumulative();
        }

        /** An investor's part in a funding round: reconciled with the company's rounds, not with the pair's deals. */
        boolean roundClaim() {
            return fact.type() == FactType.INVESTS_IN && fact.round() != null && !fact.cumulative();
        }

        /** The round as its document tells it: the company, the document and the document's round id. */
        String roundKey() {
            return to + "|" + doc + "|" + fact.round().id();
        }

        /** What the claim says of the round itself: its size, date and status. */
        ClaimFigures roundFigures() {
            Fact.Round r = fact.round();
            return new ClaimFigures(r.amount(), r.currency(), r.usd(), r.amount() == null && r.usd() == null ? "unknown" : "exact",
                    fact.date(), fact.status(), null, null, published);
        }

        String pairKey() {
            return type + "|" + from + "|" + toLabel + "|" + to;
        }

        ClaimFigures figures() {
            return new ClaimFigures(fact.amount(), fact.currency(), fact.amountUsd(), fact.qualifier(), fact.date(),
                    fact.status(), fact.years(), fact.trancheOfUsd(), published);
        }

        Map<String, Object> row() {
            Map<String, Object> props = nullable("type", type, "amount", fact.amount(),
                    "currency", fact.currency(), "amountUsd", fact.amountUsd(),
                    "qualifier", fact.qualifier(), "cumulative", fact.cumulative(),
                    "trancheOfUsd", fact.trancheOfUsd(), "date", fact.date(), "years", fact.years(),
                    "status", fact.status(), "evidence", fact.evidence(), "start", fact.start(),
                    "end", fact.end(), "published", published);
            Fact.Round r = fact.round();
            if (r != null) {
                props.put("roundAmount", r.amount());
                props.put("roundCurrency", r.currency());
                props.put("roundUsd", r.usd());
                props.put("series", r.series());
                props.put("role", r.role());
            }
            return nullable("id", id, "doc", doc, "deal", deal, "from", from,
                    "to", to, "toLabel", toLabel, "props", props, "investor", deal != null && (r != null || roundDeal) ? from : null);
        }
    }
}
