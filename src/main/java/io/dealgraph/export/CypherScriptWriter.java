package io.dealgraph.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code cypher}: one parameter-free statement per line, each ending with a semicolon, that recreates the
 * subgraph in any database (cypher-shell -f, Browser, or a driver statement by statement). Nodes are MERGEd on
 * their primary label and {@code id}, so running the script twice, or into a graph that already holds some of
 * these entities, adds nothing twice; a uniqueness constraint for each label comes before its first node so that
 * the MERGEs are index lookups. Strings are escaped onto one line. Written as the elements arrive.
 */
final class CypherScriptWriter implements GraphSink {

    /** Nodes without an {@code id} (only user queries return them) are matched on this instead. */
    static final String KEY_PROPERTY = "_exportKey";

    private final Writer out;
    private final Map<String, Object> selection;
    private final Set<String> constrained = new HashSet<>();

    CypherScriptWriter(OutputStream out, Map<String, Object> selection) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.selection = selection;
    }

    @Override
    public void start(long nodes, long relationships) {
        write("// dealgraph export: " + nodes + " nodes, " + relationships + " relationships; selection "
                + selection.toString().replaceAll("[\\r\\n]+", " ") + "\n");
        write("// Run into any Neo4j 5 database, one statement per line (cypher-shell -f this-file).\n");
    }

    @Override
    public void node(GraphNode node) {
        Ref ref = node.ref();
        StringBuilder b = new StringBuilder(256);
        if (ref.label() != null && ref.id() != null && constrained.add(ref.label())) {
            b.append("CREATE CONSTRAINT IF NOT EXISTS FOR (n:").append(Values.name(ref.label()))
                    .append(") REQUIRE n.id IS UNIQUE;\n");
        }
        b.append("MERGE (n").append(match(ref)).append(')');
        Map<String, Object> props = node.properties();
        if (ref.id() == null) {
            b.append(" SET n += ").append(Values.cypher(props));
        } else if (props.size() > 1) {
            b.append(" SET n += ").append(Values.cypher(without(props, "id")));
        }
        for (String label : node.labels()) {
            if (!label.equals(ref.label())) {
                b.append(" SET n:").append(Values.name(label));
            }
        }
        write(b.append(";\n").toString());
    }

    @Override
    public void relationship(GraphRelationship r) {
        StringBuilder b = new StringBuilder(256);
        b.append("MATCH (a").append(match(r.source())).append(") MATCH (b").append(match(r.target()))
                .append(") MERGE (a)-[r:").append(Values.name(r.type())).append("]->(b)");
        if (!r.properties().isEmpty()) {
            b.append(" SET r += ").append(Values.cypher(r.properties()));
        }
        write(b.append(";\n").toString());
    }

    @Override
    public void finish() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pattern that finds a node again: label and id, or the export key for nodes without an id. */
    private static String match(Ref ref) {
        String label = ref.label() == null ? "" : ":" + Values.name(ref.label());
        if (ref.id() == null) {
            return label + " {" + KEY_PROPERTY + ": " + Values.quote(ref.key()) + "}";
        }
        return label + " {id: " + Values.cypher(ref.id()) + "}";
    }

    private static Map<String, Object> without(Map<String, Object> props, String key) {
        Map<String, Object> copy = new java.util.TreeMap<>(props);
        copy.remove(key);
        return copy;
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
