package io.dealgraph.export;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.summary.ResultSummary;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;
import org.neo4j.driver.types.TypeSystem;

/**
 * Turns a {@link Selection} into a stream of nodes and relationships from the database: one READ transaction,
 * one query whose rows the driver fetches in batches as the writer consumes them. What this class keeps in memory
 * is at most the element ids a user's query returned; properties go straight from the driver to the writer.
 */
final class SubgraphSource {

    /** Long enough for a large export over a slow connection; bounds a runaway user query. */
    static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final Driver driver;
    private final String database;
    private final long maxElements;

    SubgraphSource(Driver driver, String database, long maxElements) {
        this.driver = driver;
        this.database = database;
        this.maxElements = maxElements;
    }

    long maxElements() {
        return maxElements;
    }

    /**
     * Resolves names, runs the selection and reads its counts; throws {@link ExportException} (unknown entity, a
     * query that writes or fails, too many elements) before anything has been written anywhere.
     */
    OpenSubgraph open(Selection selection, long cap) {
        Session session = driver.session(SessionConfig.builder().withDatabase(database)
                .withDefaultAccessMode(AccessMode.READ).build());
        Transaction tx = null;
        try {
            if (selection.query() != null) {
                checkReadOnly(session, selection);
            }
            tx = session.beginTransaction(TransactionConfig.builder().withTimeout(TIMEOUT).build());
            Result result = selection.query() != null ? userQuery(tx, selection, cap) : fixed(tx, selection);
            List<Object> counts = result.next().get("element").asList();
            long nodes = ((Number) counts.get(0)).longValue();
            long relationships = ((Number) counts.get(1)).longValue();
            if (nodes + relationships > cap) {
                throw ExportException.tooLarge(tooLarge(nodes + relationships, cap));
            }
            return new OpenSubgraph(session, tx, result, nodes, relationships);
        } catch (RuntimeException e) {
            closeQuietly(tx, session);
            if (e instanceof ClientException ce) {
                throw ExportException.badRequest("the query failed: " + firstLine(ce.getMessage()));
            }
            throw e;
        }
    }

    private Result fixed(Transaction tx, Selection s) {
        Map<String, Object> params = new HashMap<>();
        params.put("type", s.dealType());
        params.put("from", s.from());
        params.put("to", s.to());
        params.put("provenance", s.provenance());
        params.put("asOf", s.asOf());
        String head;
        if (s.center() != null) {
            params.put("center", resolve(tx, s.center()));
            params.put("depth", s.depth());
            head = "around";
        } else if (!s.between().isEmpty()) {
            String a = resolve(tx, s.between().get(0));
            String b = resolve(tx, s.between().get(1));
            if (a.equals(b)) {
                throw ExportException.badRequest("'" + s.between().get(0) + "' and '" + s.between().get(1)
                        + "' are the same entity; use center for one entity's neighbourhood");
            }
            params.put("a", a);
            params.put("b", b);
            head = "between";
        } else {
            head = "all";
        }
        // Two steps in one transaction: the entities (a short list of ids), then everything that hangs off them.
        List<String> ents = tx.run(CypherFiles.read(head) + "\nRETURN [e IN ents | elementId(e)] AS ents", params)
                .single().get("ents").asList(Value::asString);
        params.put("ents", ents);
        return tx.run(CypherFiles.join("subgraph", "emit"), params);
    }

    /** The element id of the entity a user named; 404 when there is none. */
    private String resolve(Transaction tx, String name) {
        List<Record> found = tx.run(CypherFiles.read("resolve"), Map.of("key", normalise(name))).list();
        if (found.isEmpty()) {
            throw ExportException.notFound("no company, cloud or chip is called '" + name + "'");
        }
        return found.get(0).get("ref").asString();
    }

    /** The form entity keys are stored in: lower case, compatibility characters folded, spaces collapsed. */
    static String normalise(String name) {
        // the function entity keys are stored with, so what resolves in one place resolves in all
        return io.dealgraph.graph.Keys.entity(name);
    }

    /** Refuses a user's query unless the planner calls it read-only and it reads no files (before any transaction). */
    private static void checkReadOnly(Session session, Selection s) {
        ResultSummary plan = session.run("EXPLAIN " + s.query(), s.params()).consume();
        if (plan.queryType() != QueryType.READ_ONLY) {
            throw ExportException.badRequest("the query must be read-only; the planner says it is "
                    + plan.queryType().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        if (plan.hasPlan() && readsFiles(plan.plan())) {
            throw ExportException.badRequest("the query must not load files (LOAD CSV)");
        }
    }

    /**
     * A user's query, already checked: run for the element ids it returns, then those elements streamed like any
     * selection, in the same transaction.
     */
    private Result userQuery(Transaction tx, Selection s, long cap) {
        Set<String> nodes = new LinkedHashSet<>();
        Set<String> rels = new LinkedHashSet<>();
        Result result = tx.run(s.query(), s.params());
        while (result.hasNext()) {
            for (Value v : result.next().values()) {
                collect(v, nodes, rels);
            }
            if (nodes.size() + rels.size() > cap) {
                result.consume();
                throw ExportException.tooLarge(tooLarge(nodes.size() + rels.size(), cap) + " (counted so far)");
            }
        }
        Map<String, Object> params = new HashMap<>();
        params.put("nodes", new ArrayList<>(nodes));
        params.put("rels", new ArrayList<>(rels));
        params.put("asOf", null);
        return tx.run(CypherFiles.join("by-ids", "emit"), params);
    }

    private static boolean readsFiles(Plan plan) {
        if (plan.operatorType().toLowerCase(Locale.ROOT).startsWith("loadcsv")) {
            return true;
        }
        return plan.children().stream().anyMatch(SubgraphSource::readsFiles);
    }

    private static void collect(Value v, Set<String> nodes, Set<String> rels) {
        TypeSystem types = TypeSystem.getDefault();
        if (v.hasType(types.NODE())) {
            nodes.add(v.asNode().elementId());
        } else if (v.hasType(types.RELATIONSHIP())) {
            Relationship r = v.asRelationship();
            rels.add(r.elementId());
            nodes.add(r.startNodeElementId());
            nodes.add(r.endNodeElementId());
        } else if (v.hasType(types.PATH())) {
            Path p = v.asPath();
            p.nodes().forEach(n -> nodes.add(n.elementId()));
            p.relationships().forEach(r -> rels.add(r.elementId()));
        } else if (v.hasType(types.LIST())) {
            v.values().forEach(x -> collect(x, nodes, rels));
        } else if (v.hasType(types.MAP())) {
            v.values().forEach(x -> collect(x, nodes, rels));
        }
    }

    private static String tooLarge(long elements, long cap) {
        return "the selection has " + elements + " nodes and relationships, more than the limit of " + cap
                + " (dealgraph.export.max-elements, DEALGRAPH_EXPORT_MAX_ELEMENTS); choose a smaller depth, a time window or a deal type";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        String line = message.strip().lines().findFirst().orElse(message);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private static void closeQuietly(Transaction tx, Session session) {
        try {
            if (tx != null) {
                tx.close();
            }
        } catch (RuntimeException ignored) {
            // the original failure is what the user needs to see
        }
        session.close();
    }

    /** A selection whose counts are known and whose elements have not been read yet. Use once, then close. */
    /** What a deal's reading replaces when an export is as of a day. */
    private static final List<String> DEAL_FIGURES = List.of("amount", "currency", "amountUsd", "qualifier", "date",
            "status", "years", "label", "disputed", "alternatives");
    /** What a money edge's totals as of a day replace. */
    private static final List<String> PAIR_TOTALS = List.of("totalUsd", "deals", "undisclosed", "firstDate", "lastDate",
            "reportedTotalUsd");

    /** An element's properties with {@code keys} as {@code known} (emit.cypher's as-of values) gives them, when it does. */
    private static Map<String, Object> asOf(Map<String, Object> props, Value known, List<String> keys) {
        if (known == null || known.isNull()) {
            return props;
        }
        for (String k : keys) {
            Value v = known.get(k);
            if (v.isNull()) {
                props.remove(k);
            } else {
                props.put(k, v.asObject());
            }
        }
        return props;
    }

    static final class OpenSubgraph implements AutoCloseable {
        private final Session session;
        private final Transaction tx;
        private final Result result;
        final long nodes;
        final long relationships;

        OpenSubgraph(Session session, Transaction tx, Result result, long nodes, long relationships) {
            this.session = session;
            this.tx = tx;
            this.result = result;
            this.nodes = nodes;
            this.relationships = relationships;
        }

        /** Feeds every element to the sink as the driver delivers it. */
        void stream(GraphSink sink) {
            sink.start(nodes, relationships);
            long edge = 0;
            while (result.hasNext()) {
                Record row = result.next();
                Value element = row.get("element");
                if (row.get("ends").isNull()) {
                    Node n = element.asNode();
                    List<String> labels = new ArrayList<>();
                    n.labels().forEach(labels::add);
                    Map<String, Object> props = asOf(new java.util.TreeMap<>(n.asMap()), row.get("known"), DEAL_FIGURES);
                    sink.node(new GraphNode(Ref.of(labels, props.get("id"), n.elementId()), labels, props));
                } else {
                    Relationship r = element.asRelationship();
                    List<Value> ends = row.get("ends").asList(x -> x);
                    Ref source = Ref.of(ends.get(0).asList(Value::asString), ends.get(1).asObject(), r.startNodeElementId());
                    Ref target = Ref.of(ends.get(2).asList(Value::asString), ends.get(3).asObject(), r.endNodeElementId());
                    sink.relationship(new GraphRelationship("e" + edge++, r.type(), source, target,
                            asOf(new java.util.TreeMap<>(r.asMap()), row.get("known"), PAIR_TOTALS)));
                }
            }
            sink.finish();
        }

        @Override
        public void close() {
            closeQuietly(tx, session);
        }
    }
}
