package io.dealgraph.ingest;

import io.dealgraph.extract.Document;
import io.dealgraph.extract.ExtractorVersion;
import io.dealgraph.extract.Fact;
import io.dealgraph.extract.FactType;
import io.dealgraph.graph.CypherScript;
import io.dealgraph.graph.Keys;
import io.dealgraph.graph.Label;
import io.dealgraph.graph.RelType;
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
    private static final CypherScript CLAIM_DOCUMENTS = CypherScript.load("ingest/claim-documents.cypher");
    private static final CypherScript ENTITIES = CypherScript.load("ingest/merge-entities.cypher");
    private static final CypherScript LOCK = CypherScript.load("ingest/lock-investors.cypher");
    private static final CypherScript PAIR_DEALS = CypherScript.load("ingest/pair-deals.cypher");
    private static final CypherScript ROUND_DEALS = CypherScript.load("ingest/round-deals.cypher");
    private static final CypherScript WRITE = CypherScript.load("ingest/write-batch.cypher");
    private static final CypherScript REKEY = CypherScript.load("ingest/rekey-deals.cypher");
    private static final CypherScript PAIR_EDGES = CypherScript.load("ingest/pair-edges.cypher");
    private static final CypherScript KEEP_TEXTS = CypherScript.load("ingest/keep-texts.cypher");
    private static final CypherScript FORGET = CypherScript.load("ingest/forget-claims.cypher");
    private static final CypherScript DROP_ORPHANS = CypherScript.load("ingest/drop-orphans.cypher");
    private static final CypherScript REEXTRACTION = CypherScript.load("ingest/reextraction.cypher");

    /** A document the graph holds, as re-extraction reads it back. */
    record StoredDocument(Document document, java.time.LocalDate received) {
    }

    /** Thrown by ordinary writes while a re-extraction run is in progress (or was interrupted). */
    static final class ReextractionInProgress extends RuntimeException {
        ReextractionInProgress(String run) {
            super("a re-extraction (" + run + ") is in progress; documents can be ingested once it ends"
                    + " (if it was interrupted, run 'dealgraph reextract' again to finish it)");
        }
    }

    private final Driver driver;
    private final String database;

    GraphWriter(Driver driver, String database) {
        this.driver = driver;
        this.database = database;
    }

    List<Written> write(List<ExtractedDocument> batch) {
        try (var session = driver.session(SessionConfig.forDatabase(database))) {
            return session.executeWrite(tx -> {
                String run = tx.run(REEXTRACTION.statements().get(5)).single().get("run").asString(null);
                if (run != null) {
                    throw new ReextractionInProgress(run);
                }
                return write(tx, batch, null);
            });
        }
    }

    /**
     * Which of these documents the graph already holds, by the same text ({@code hashes}, in the documents' order)
     * or the same URL: the hashes of those, so that they are answered as duplicates without being read again. The
     * write that follows checks once more, in its own transaction.
     */
    Set<String> known(List<Document> documents, List<String> hashes) {
        List<Map<String, Object>> probe = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            probe.add(nullable("id", hashes.get(i), "url", documents.get(i).url()));
        }
        try (var session = driver.session(SessionConfig.forDatabase(database))) {
            return session.executeRead(tx -> {
                Set<String> found = new HashSet<>();
                tx.run(EXISTING.single(), Map.of("documents", probe)).list().forEach(r -> found.add(r.get("id").asString()));
                return found;
            });
        }
    }

    /** The run in progress (resumed), or a new one named {@code fresh}. */
    String beginReextraction(String fresh) {
        return read(1, Map.of("run", fresh), true).get(0).get("run").asString();
    }

    /** How many documents the graph holds without their text. */
    long documentsWithoutText() {
        return read(2, Map.of(), false).get(0).get("missing").asLong();
    }

    /** The ids of the documents {@code run} has still to read, in the order they entered the graph. */
    List<String> documentsToReread(String run) {
        return read(3, Map.of("run", run), false).stream().map(r -> r.get("id").asString()).toList();
    }

    /** The documents with these ids, as they were read when they entered the graph. */
    List<StoredDocument> stored(List<String> ids) {
        Map<String, StoredDocument> byId = new HashMap<>();
        for (Record r : read(4, Map.of("ids", ids), false)) {
            String published = r.get("published").asString(null);
            Document d = new Document(r.get("name").asString(r.get("id").asString()), r.get("url").asString(null),
                    r.get("title").asString(null), published == null ? null : java.time.LocalDate.parse(published), r.get("text").asString());
            byId.put(r.get("id").asString(), new StoredDocument(d, java.time.LocalDate.parse(r.get("received").asString())));
        }
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    void endReextraction() {
        read(5, Map.of(), true);
    }

    /** Statement {@code index} (0-based) of reextraction.cypher, in its own transaction. */
    private List<Record> read(int index, Map<String, Object> params, boolean write) {
        try (var session = driver.session(SessionConfig.forDatabase(database))) {
            String statement = REEXTRACTION.statements().get(index - 1);
            return write ? session.executeWrite(tx -> tx.run(statement, params).list())
                    : session.executeRead(tx -> tx.run(statement, params).list());
        }
    }

    /**
     * Re-extraction of documents the graph holds: in one transaction, their earlier claims go (and the deals, rounds,
     * edges and entities nothing supports any more), and what the extractor reads in them now is written as a new
     * document's would be. Claims are reconciled only with deals made in the same run ({@code run}), so that the
     * documents, replayed in the order they were first ingested, end with the deals a fresh ingest of them makes;
     * until the run ends, a deal read before and its new reading may both be in the graph.
     */
    List<Written> replace(List<ExtractedDocument> batch, String run) {
        try (var session = driver.session(SessionConfig.forDatabase(database))) {
            return session.executeWrite(tx -> write(tx, batch, java.util.Objects.requireNonNull(run)));
        }
    }

    /** What a batch touched besides its own claims' deals: pairs whose edges to refresh, deals and entities to check. */
    private record Touched(Map<String, Map<String, Object>> investments, Map<String, Map<String, Object>> commitments,
                           Map<FactType, Map<String, Map<String, Object>>> chipAndCloudEdges, Set<String> deals,
                           Set<List<String>> entities, Map<String, Integer> claimsPerDoc) {
        Touched() {
            this(new LinkedHashMap<>(), new LinkedHashMap<>(), new java.util.EnumMap<>(FactType.class), new LinkedHashSet<>(),
                    new LinkedHashSet<>(), new HashMap<>());
        }

        void pair(String type, String from, String to, String toLabel) {
            if (from == null || to == null) {
                return;
            }
            FactType fact = FactType.valueOf(type);
            switch (fact) {
                case INVESTS_IN, COMMITS_SPEND_TO -> {
                    String key = Keys.pair(RelType.valueOf(type), from, Label.valueOf(toLabel), to);
                    (fact == FactType.INVESTS_IN ? investments : commitments)
                            .putIfAbsent(key, nullable("key", key, "from", from, "to", to, "toLabel", toLabel));
                }
                default -> chipAndCloudEdges.computeIfAbsent(fact, k -> new LinkedHashMap<>())
                        .putIfAbsent(from + "|" + to, Map.of("from", from, "to", to));
            }
        }
    }

    private List<Written> write(TransactionContext tx, List<ExtractedDocument> batch, String run) {
        Touched touched = new Touched();
        List<Written> outcome = new ArrayList<>();
        List<ExtractedDocument> fresh = new ArrayList<>();
        if (run != null) {
            // 1'. Re-extraction: every document is one the graph holds; what it said before goes.
            fresh.addAll(batch);
            batch.forEach(d -> outcome.add(null));
            forget(tx, batch, run, touched);
        } else {
            skipKnown(tx, batch, outcome, fresh);
        }
        if (!fresh.isEmpty()) {
            writeFresh(tx, fresh, run, touched);
        }
        // every document's text, kept for re-extraction (also for one the graph held without it)
        tx.run(KEEP_TEXTS.single(), Map.of("texts", batch.stream()
                .map(d -> Map.<String, Object>of("id", d.hash(), "text", d.document().text(), "chars", d.document().text().length()))
                .toList())).consume();
        Map<String, Integer> claimsPerDoc = touched.claimsPerDoc;
        int f = 0;
        for (int i = 0; i < outcome.size(); i++) {
            if (outcome.get(i) == null) {
                ExtractedDocument d = fresh.get(f++);
                outcome.set(i, new Written(d, Status.INGESTED, null, claimsPerDoc.getOrDefault(d.hash(), 0)));
            }
        }
        return outcome;
    }

    /** 1. Skips what the graph (or an earlier document of this batch) already has. */
    private static void skipKnown(TransactionContext tx, List<ExtractedDocument> batch, List<Written> outcome,
                                  List<ExtractedDocument> fresh) {
        List<Map<String, Object>> probe = batch.stream()
                .map(d -> nullable("id", d.hash(), "url", d.document().url())).toList();
        Map<String, String> existing = new HashMap<>();
        tx.run(EXISTING.single(), Map.of("documents", probe)).list()
                .forEach(r -> existing.put(r.get("id").asString(), r.get("existing").asString()));
        Set<String> seenHashes = new HashSet<>();
        Set<String> seenUrls = new HashSet<>();
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
        // Another writer may be writing one of these documents right now (many clients posting the same article at
        // once): claiming them first, in id order, makes this transaction wait for that writer and then see the
        // document as a duplicate, rather than race it to the document's claims.
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            rows.add(documentRow(fresh.get(i), i, null));
        }
        rows.sort(java.util.Comparator.comparing(r -> (String) r.get("id")));
        Set<String> taken = new HashSet<>();
        tx.run(CLAIM_DOCUMENTS.single(), Map.of("documents", rows)).list().stream()
                .filter(r -> !r.get("created").asBoolean()).forEach(r -> taken.add(r.get("id").asString()));
        if (!taken.isEmpty()) {
            List<ExtractedDocument> kept = new ArrayList<>();
            int f = 0;
            for (int i = 0; i < outcome.size(); i++) {
                if (outcome.get(i) == null) {
                    ExtractedDocument d = fresh.get(f++);
                    if (taken.contains(d.hash())) {
                        outcome.set(i, new Written(d, Status.DUPLICATE, d.hash(), 0));
                    } else {
                        kept.add(d);
                    }
                }
            }
            fresh.clear();
            fresh.addAll(kept);
        }
    }

    /**
     * 1'. Deletes the claims the documents made under an earlier extraction, and notes what they touched: the deals
     * they supported, the pairs and entities they named.
     */
    private static void forget(TransactionContext tx, List<ExtractedDocument> batch, String run, Touched touched) {
        List<Record> gone = tx.run(FORGET.statements().get(0), Map.of("documents", batch.stream().map(ExtractedDocument::hash).toList(),
                "run", run)).list();
        for (Record r : gone) {
            String type = r.get("type").asString();
            Value target = r.get("target");
            Value object = r.get("object");
            if (!r.get("deal").isNull()) {
                touched.deals.add(r.get("deal").asString());
                for (String maker : r.get("makers").asList(Value::asString)) {
                    touched.pair(type, maker, target.get("id").asString(), target.get("label").asString());
                    touched.entities.add(List.of(Label.Company.name(), maker));
                }
                touched.entities.add(List.of(target.get("label").asString(), target.get("id").asString()));
            } else if (!r.get("subject").isNull() && !object.isNull()) {
                touched.pair(type, r.get("subject").asString(), object.get("id").asString(), object.get("label").asString());
            }
            if (!r.get("subject").isNull()) {
                touched.entities.add(List.of(Label.Company.name(), r.get("subject").asString()));
            }
            if (!object.isNull()) {
                touched.entities.add(List.of(object.get("label").asString(), object.get("id").asString()));
            }
        }
        Map<String, Object> deals = Map.of("deals", List.copyOf(touched.deals), "run", run);
        tx.run(FORGET.statements().get(1), deals).consume();
        tx.run(FORGET.statements().get(2), deals).consume();
    }

    /** 2.-4. Entities, claims, deals and rounds of documents the graph is to hold, and the edges they touch. */
    private void writeFresh(TransactionContext tx, List<ExtractedDocument> fresh, String run, Touched touched) {
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
        Rounds rounds = new Rounds(tx, byRound, run);
        // a figure-less mention of a pair ("Nvidia's investment in xAI") joins the round the investor is in, if any
        for (Iterator<Map.Entry<String, List<PendingClaim>>> it = byPair.entrySet().iterator(); it.hasNext(); ) {
            List<PendingClaim> cs = it.next().getValue();
            cs.removeIf(rounds::absorb);
            if (cs.isEmpty()) {
                it.remove();
            }
        }
        // rounds and deals the graph holds whose earliest claim is now one of this batch's take its name
        List<Map<String, Object>> renames = new ArrayList<>(rounds.name());
        Map<String, List<PairDeal>> pairDeals = new HashMap<>();
        Map<String, DealIds.Claim> firstOf = new HashMap<>();
        List<Map<String, Object>> pairs = byPair.values().stream().map(cs -> {
            PendingClaim c = cs.get(0);
            return Map.<String, Object>of("key", c.pairKey(), "type", c.type, "from", c.from, "to", c.to);
        }).toList();
        Map<String, Object> pairParams = new HashMap<>();
        pairParams.put("pairs", pairs);
        pairParams.put("run", run);
        for (Record r : tx.run(PAIR_DEALS.single(), pairParams).list()) {
            List<ClaimFigures> figures = r.get("claims").asList(GraphWriter::figures);
            pairDeals.computeIfAbsent(r.get("pair").asString(), k -> new ArrayList<>())
                    .add(new PairDeal(r.get("id").asString(), r.get("parent").asString(null), figures));
            firstOf.put(r.get("id").asString(), DealIds.of(r.get("first")));
        }
        List<Map<String, Object>> dealRows = new ArrayList<>();
        for (Map.Entry<String, List<PendingClaim>> e : byPair.entrySet()) {
            List<PendingClaim> cs = e.getValue();
            // while the batch is reconciled a new deal goes by the claim that opened it; it is named at the end
            DealReconciler reconciler = new DealReconciler(i -> DealIds.of(DealIds.DEAL, cs.get(i).naming()));
            DealReconciler.Outcome result = reconciler.reconcile(pairDeals.getOrDefault(e.getKey(), List.of()),
                    cs.stream().map(PendingClaim::figures).toList());
            Map<String, DealIds.Claim> first = new HashMap<>();
            for (int i = 0; i < cs.size(); i++) {
                String deal = result.dealOfClaim().get(i);
                first.merge(deal, DealIds.earlier(firstOf.get(deal), cs.get(i).naming()), DealIds::earlier);
            }
            Map<String, String> named = new HashMap<>();
            first.forEach((id, claim) -> named.put(id, DealIds.of(DealIds.DEAL, claim)));
            named.forEach((id, name) -> {
                if (firstOf.containsKey(id) && !id.equals(name)) {
                    renames.add(DealIds.rename(id, name));
                }
            });
            for (int i = 0; i < cs.size(); i++) {
                cs.get(i).deal = named.get(result.dealOfClaim().get(i));
            }
            PendingClaim pair = cs.get(0);
            for (DealSummary s : result.touched()) {
                // a tranche's parent is a deal of the same pair: renamed here if at all
                DealSummary renamed = s.named(named.get(s.id()), s.parent() == null ? null : named.getOrDefault(s.parent(), s.parent()));
                dealRows.add(dealRow(pair, renamed, result.history().get(s.id())));
            }
        }
        rekey(tx, renames);

        // 4. Write documents, deals, claims and the chip and cloud edges; refresh the pairs' summaries.
        Map<String, Object> params = new HashMap<>();
        List<Map<String, Object>> documents = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            documents.add(documentRow(fresh.get(i), i, run));
        }
        params.put("documents", documents);
        params.put("deals", dealRows);
        params.put("rounds", rounds.rows());
        params.put("participations", rounds.participations());
        List<Map<String, Object>> claimRows = new ArrayList<>();
        for (PendingClaim c : claims) {
            ExtractorVersion version = c.version;
            claimRows.add(c.row(version, run));
        }
        params.put("claims", claimRows);
        for (PendingClaim c : claims) {
            // a round touches its investors' pairs with the company
            touched.pair(c.type, c.from, c.to, c.toLabel);
        }
        params.put("operates", List.copyOf(touched.chipAndCloudEdges.getOrDefault(FactType.OPERATES, Map.of()).values()));
        params.put("makes", List.copyOf(touched.chipAndCloudEdges.getOrDefault(FactType.MAKES_CHIP, Map.of()).values()));
        params.put("uses", List.copyOf(touched.chipAndCloudEdges.getOrDefault(FactType.USES_CHIP, Map.of()).values()));
        for (String statement : WRITE.statements()) {
            tx.run(statement, params).consume();
        }
        Map<String, Object> pairEdges = Map.of("investments", List.copyOf(touched.investments.values()),
                "commitments", List.copyOf(touched.commitments.values()));
        List<Map<String, Object>> ranks = new ArrayList<>();
        for (Record r : tx.run(PAIR_EDGES.statements().get(0), pairEdges).list()) {
            String from = r.get("from").asString();
            String to = r.get("to").asString();
            Number total = r.get("totalUsd").isNull() ? null : r.get("totalUsd").asNumber();
            ranks.add(Map.of("from", from, "to", to, "rankFrom", Keys.rank(from, total, to), "rankTo", Keys.rank(to, total, from)));
        }
        tx.run(PAIR_EDGES.statements().get(1), Map.of("ranks", ranks)).consume();
        tx.run(PAIR_EDGES.statements().get(2), pairEdges).consume();
        if (run != null) {
            // entities that only the earlier claims and deals named go
            tx.run(DROP_ORPHANS.single(), Map.of("entities",
                    touched.entities.stream().map(e -> Map.of("label", e.get(0), "id", e.get(1))).toList())).consume();
        }
        claims.forEach(c -> touched.claimsPerDoc.merge(c.doc, 1, Integer::sum));
    }

    /** Renames deals and rounds, and makes their timeline keys again under the new id (rekey-deals.cypher). */
    static void rekey(TransactionContext tx, List<Map<String, Object>> renames) {
        if (renames.isEmpty()) {
            return;
        }
        List<Map<String, Object>> keys = new ArrayList<>();
        for (Record r : tx.run(REKEY.statements().get(0), Map.of("renames", renames)).list()) {
            String id = r.get("id").asString();
            String date = r.get("date").asString(null);
            String to = r.get("to").asString(null);
            List<String> makers = r.get("makers").asList(Value::asString);
            boolean round = r.get("round").asBoolean();
            // a deal has one maker and sorts in its timeline; a round is in each investor's through its MADE edge
            List<Map<String, Object>> made = round
                    ? makers.stream().map(i -> Map.<String, Object>of("investor", i, "key", Keys.timeline(i, date, id))).toList()
                    : List.of();
            keys.add(nullable("deal", r.get("deal").asString(),
                    "timelineFrom", round || makers.isEmpty() ? null : Keys.timeline(makers.get(0), date, id),
                    "timelineTo", to == null ? null : Keys.timeline(to, date, id), "made", made));
        }
        tx.run(REKEY.statements().get(1), Map.of("keys", keys)).consume();
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

    /**
     * A document's node properties. {@code position}: its place in its batch, which with {@code ingestedAt} gives the
     * order documents entered the graph (re-extraction replays them in it); {@code extraction}: the re-extraction
     * run that last read it, if any.
     */
    private static Map<String, Object> documentRow(ExtractedDocument d, int position, String run) {
        var doc = d.document();
        return nullable("id", d.hash(), "url", doc.url(), "title", doc.title(),
                "published", doc.published() == null ? null : doc.published().toString(), "name", doc.id(),
                "chars", doc.text().length(), "position", position, "extraction", run);
    }

    private static Map<String, Object> dealRow(PendingClaim pair, DealSummary s, List<Reading> history) {
        Map<String, Object> props = nullable("type", pair.type, "pair", pair.pairKey());
        props.putAll(figureProps(s, s.label()));
        props.put("firstReported", history.get(0).since());
        props.put("timelineFrom", Keys.timeline(pair.from, s.date(), s.id()));
        props.put("timelineTo", Keys.timeline(pair.to, s.date(), s.id()));
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
        /** A company's rounds, and what each source says of each (one reading per document), in the order of publication. */
        private final Map<String, List<String>> existing = new HashMap<>();
        private final Map<String, List<Map.Entry<DealIds.Claim, ClaimFigures>>> readings = new HashMap<>();
        private final Map<String, Set<String>> investorsOf = new HashMap<>();
        private final Map<String, String> seriesOf = new HashMap<>();
        private final Map<String, DealSummary> touched = new LinkedHashMap<>();
        private final Map<String, List<Reading>> history = new HashMap<>();
        private final Map<String, String> companyOf = new HashMap<>();
        private final List<PendingClaim> members = new ArrayList<>();
        /** Pair claims that joined a round (absorb), and the earliest claim of each round the graph holds. */
        private final List<PendingClaim> absorbed = new ArrayList<>();
        private final Map<String, DealIds.Claim> firstOf = new HashMap<>();

        Rounds(TransactionContext tx, Map<String, List<PendingClaim>> byRound, String run) {
            if (byRound.isEmpty()) {
                return;
            }
            List<String> companies = byRound.values().stream().map(cs -> cs.get(0).to).distinct().sorted().toList();
            Map<String, Object> params = new HashMap<>();
            params.put("companies", companies);
            params.put("run", run);
            for (Record r : tx.run(ROUND_DEALS.single(), params).list()) {
                String company = r.get("company").asString();
                String id = r.get("id").asString();
                existing.computeIfAbsent(company, k -> new ArrayList<>()).add(id);
                readings.put(id, new ArrayList<>(r.get("claims").asList(v -> Map.entry(DealIds.of(v), figures(v)))));
                investorsOf.put(id, new HashSet<>(r.get("investors").asList(Value::asString)));
                if (!r.get("series").isNull()) {
                    seriesOf.put(id, r.get("series").asString());
                }
                companyOf.put(id, company);
                firstOf.put(id, DealIds.of(r.get("first")));
            }
            for (List<PendingClaim> cs : byRound.values()) {
                PendingClaim first = cs.get(0);
                String series = cs.stream().map(c -> c.fact.round().series()).filter(java.util.Objects::nonNull).findFirst().orElse(null);
                List<PairDeal> candidates = new ArrayList<>();
                for (String d : existing.getOrDefault(first.to, List.of())) {
                    String other = seriesOf.get(d);
                    if (series == null || other == null || series.equals(other)) {
                        candidates.add(new PairDeal(d, null, figuresOf(d)));
                    }
                }
                PendingClaim reading = roundReading(cs);
                DealReconciler reconciler = new DealReconciler(i -> DealIds.of(DealIds.ROUND, first.naming()));
                String id = reconciler.reconcile(candidates, List.of(reading.roundFigures())).dealOfClaim().get(0);
                // the round with this document's reading among the others in the order of publication, so that what
                // it says does not depend on whether its sources came in one batch or in several
                if (!readings.containsKey(id)) {
                    existing.computeIfAbsent(first.to, k -> new ArrayList<>()).add(id);
                }
                List<Map.Entry<DealIds.Claim, ClaimFigures>> said = readings.computeIfAbsent(id, k -> new ArrayList<>());
                said.add(Map.entry(reading.naming(), reading.roundFigures()));
                said.sort(Map.Entry.comparingByKey(DealIds.EARLIEST));
                DealSummary summary = DealReconciler.summarise(id, null, figuresOf(id));
                if (series != null) {
                    seriesOf.putIfAbsent(id, series);
                }
                companyOf.put(id, first.to);
                touched.put(id, summary);
                history.put(id, DealReconciler.history(id, null, figuresOf(id)));
                for (PendingClaim c : cs) {
                    c.deal = id;
                    c.roundDeal = true;
                    investorsOf.computeIfAbsent(id, k -> new HashSet<>()).add(c.from);
                    members.add(c);
                }
            }
        }

        private List<ClaimFigures> figuresOf(String round) {
            return readings.get(round).stream().map(Map.Entry::getValue).toList();
        }

        /**
         * The claim that gives the round's figures as the document tells them: the first that states a size, else the
         * first (round-deals.cypher reads a stored document's the same way).
         */
        private PendingClaim roundReading(List<PendingClaim> cs) {
            for (PendingClaim c : cs) {
                ClaimFigures f = c.roundFigures();
                if (f.amount() != null || f.amountUsd() != null) {
                    return c;
                }
            }
            return cs.get(0);
        }

        /** Joins a figure-less pair claim to a round its investor is in, when their dates can be one event. */
        boolean absorb(PendingClaim c) {
            if (c.fact.type() != FactType.INVESTS_IN || c.fact.amountUsd() != null || c.fact.amount() != null) {
                return false;
            }
            for (Map.Entry<String, Set<String>> e : investorsOf.entrySet()) {
                if (e.getValue().contains(c.from) && c.to.equals(companyOf.get(e.getKey()))) {
                    DealSummary s = touched.get(e.getKey());
                    String date = s != null ? s.date() : null;
                    if (DealReconciler.datesFit(c.fact.date(), date)) {
                        c.deal = e.getKey();
                        c.roundDeal = true;
                        absorbed.add(c);
                        return true;
                    }
                }
            }
            return false;
        }

        /**
         * Names every round this batch gave claims after its earliest claim (DealIds), once all of them are placed;
         * returns the renames of rounds the graph already holds.
         */
        List<Map<String, Object>> name() {
            Map<String, DealIds.Claim> first = new HashMap<>();
            for (PendingClaim c : members) {
                first.merge(c.deal, DealIds.earlier(firstOf.get(c.deal), c.naming()), DealIds::earlier);
            }
            for (PendingClaim c : absorbed) {
                first.merge(c.deal, DealIds.earlier(firstOf.get(c.deal), c.naming()), DealIds::earlier);
            }
            Map<String, String> named = new HashMap<>();
            first.forEach((id, claim) -> named.put(id, DealIds.of(DealIds.ROUND, claim)));
            List<Map<String, Object>> renames = new ArrayList<>();
            named.forEach((id, name) -> {
                if (firstOf.containsKey(id) && !id.equals(name)) {
                    renames.add(DealIds.rename(id, name));
                }
            });
            if (named.entrySet().stream().allMatch(e -> e.getKey().equals(e.getValue()))) {
                return renames;
            }
            members.forEach(c -> c.deal = named.get(c.deal));
            absorbed.forEach(c -> c.deal = named.get(c.deal));
            Map<String, DealSummary> summaries = new LinkedHashMap<>(touched);
            touched.clear();
            summaries.forEach((id, summary) -> touched.put(named.getOrDefault(id, id), summary));
            for (Map<String, ?> m : List.of(history, seriesOf, companyOf, readings, investorsOf)) {
                rekey(m, named);
            }
            return renames;
        }

        private static <V> void rekey(Map<String, V> m, Map<String, String> named) {
            Map<String, V> moved = new HashMap<>();
            named.forEach((id, name) -> {
                if (!id.equals(name) && m.containsKey(id)) {
                    moved.put(name, m.remove(id));
                }
            });
            m.putAll(moved);
        }

        List<Map<String, Object>> rows() {
            List<Map<String, Object>> out = new ArrayList<>();
            touched.forEach((id, s) -> {
                String series = seriesOf.get(id);
                Map<String, Object> props = nullable("type", RelType.INVESTS_IN.name(), "series", series);
                props.putAll(figureProps(s, label(series, s)));
                List<Reading> readings = history.get(id);
                props.put("firstReported", readings.get(0).since());
                props.put("timelineTo", Keys.timeline(companyOf.get(id), s.date(), id));
                props.put("pair", null);
                props.put("timelineFrom", null);
                // each investor's timeline key for the round follows the round's date, which a later source may make
                // more precise: the investors the graph has in it and this batch's
                Set<String> investors = new TreeSet<>(investorsOf.getOrDefault(id, Set.of()));
                members.stream().filter(c -> id.equals(c.deal)).forEach(c -> investors.add(c.from));
                List<Map<String, Object>> timelines = investors.stream()
                        .map(i -> Map.<String, Object>of("investor", i, "key", Keys.timeline(i, s.date(), id))).toList();
                out.add(nullable("id", id, "to", companyOf.get(id), "props", props, "timelines", timelines,
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
                        "pair", Keys.pair(RelType.INVESTS_IN, c.from, Label.Company, c.to), "since", c.published));
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
    private static final Set<String> INVESTOR_TYPES = Set.of(Label.Company.name(), "Fund", "Person", "Government");

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
        /** What read it. */
        final ExtractorVersion version;
        String deal;
        /** The claim supports a round (its own, or the round its investor is in): it names its investor. */
        boolean roundDeal;

        private PendingClaim(String id, String doc, String type, String from, String to, String toLabel, Fact fact,
                             String published, ExtractorVersion version) {
            this.id = id;
            this.published = published;
            this.version = version;
            this.doc = doc;
            this.type = type;
            this.from = from;
            this.to = to;
            this.toLabel = toLabel;
            this.fact = fact;
        }

        /** Null for a fact whose ends do not fit its type (a chip that invests, a cloud that makes chips). */
        static PendingClaim of(ExtractedDocument d, int index, Fact f, Entities entities) {
            Label target = Label.entity(f.toType());
            Label toLabel = switch (f.type()) {
                case INVESTS_IN -> target == Label.Company ? target : null;
                case COMMITS_SPEND_TO -> target == Label.Cloud || target == Label.Company ? target : null;
                case OPERATES -> target == Label.Cloud ? target : null;
                case MAKES_CHIP, USES_CHIP -> target == Label.Chip ? target : null;
            };
            boolean companyFrom = Label.Company.name().equals(f.fromType());
            if (toLabel == null || !INVESTOR_TYPES.contains(f.fromType()) || f.from().equals(f.to())
                    || f.type() != FactType.INVESTS_IN && !companyFrom) {
                return null;
            }
            String toName = f.to();
            String cloud = f.type() == FactType.COMMITS_SPEND_TO && toLabel == Label.Company ? Entities.onlyCloudOf(toName) : null;
            if (cloud != null) {
                // "$100 billion of spending with Amazon" is spend on Amazon's cloud: one deal, whichever name a source used
                toName = cloud;
                toLabel = Label.Cloud;
            }
            // funds, people and governments invest too: they are company nodes whose kind says what they are
            String from = entities.add(f.from(), Label.Company.name(), companyFrom ? null : f.fromType());
            String to = entities.add(toName, toLabel.name());
            String id = "claim-" + ExtractedDocument.sha256(d.hash() + "|" + index).substring(0, 24);
            return new PendingClaim(id, d.hash(), f.type().name(), from, to, toLabel.name(), f, d.publishedOrIngested().toString(),
                    d.version());
        }

        /** What the claim gives to the name of the deal it supports (DealIds). */
        DealIds.Claim naming() {
            return new DealIds.Claim(published, doc, fact.start(), id);
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

        /** The key of the pair the claim is about, which its deal is filed under. */
        String pairKey() {
            return Keys.pair(RelType.valueOf(type), from, Label.valueOf(toLabel), to);
        }

        ClaimFigures figures() {
            return new ClaimFigures(fact.amount(), fact.currency(), fact.amountUsd(), fact.qualifier(), fact.date(),
                    fact.status(), fact.years(), fact.trancheOfUsd(), published);
        }

        Map<String, Object> row(ExtractorVersion version, String run) {
            Map<String, Object> props = nullable("type", type, "amount", fact.amount(),
                    "currency", fact.currency(), "amountUsd", fact.amountUsd(),
                    "qualifier", fact.qualifier(), "cumulative", fact.cumulative(),
                    "trancheOfUsd", fact.trancheOfUsd(), "date", fact.date(), "years", fact.years(),
                    "status", fact.status(), "evidence", fact.evidence(), "start", fact.start(),
                    "end", fact.end(), "published", published, "extractor", version.extractor(),
                    "knowledge", version.knowledge(), "extraction", run);
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
