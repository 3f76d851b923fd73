package io.dealgraph.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code csv}: {@code nodes.csv} and {@code relationships.csv} with the headers {@code neo4j-admin database import}
 * reads ({@code :ID}, {@code :LABEL}, {@code :START_ID}, {@code :END_ID}, {@code :TYPE}, typed property columns
 * such as {@code amountUsd:long} and {@code aliases:string[]}), so a spreadsheet opens them and another Neo4j loads
 * them:
 * <pre>neo4j-admin database import full neo4j --nodes=nodes.csv --relationships=relationships.csv</pre>
 * (the database name first: the file options take every argument after them as another file). The {@code :ID}
 * column holds the export key ({@code Company:amazon}) and is not stored; the node's own {@code id} is an ordinary
 * column. List elements are separated by ';' (neo4j-admin's default array delimiter).
 *
 * <p>An empty list is written as {@code ""} and an absent property as nothing, so a reader that keeps quotes
 * ({@code LOAD CSV}, a spreadsheet) can tell them apart. The import tool cannot: it skips every empty value, an empty
 * array as much as an empty string (Neo4j 5.26, {@code CsvInputParser}), and no field text gives an array of no
 * elements. An empty {@code aliases} therefore comes back absent; the README gives the statement that restores it.
 */
final class CsvGraphWriter implements GraphSink {

    static final String NODES = "nodes.csv";
    static final String RELATIONSHIPS = "relationships.csv";

    /** Where the two files go: a directory, a zip, or one HTTP response. */
    interface Files {
        /** Opens a stream for the named file; {@link #done} is called before the next one is opened. */
        OutputStream open(String name) throws IOException;

        void done(String name, OutputStream stream) throws IOException;
    }

    private final Files files;
    private final SpooledTable nodes = new SpooledTable(List.of(":ID", ":LABEL"));
    private final SpooledTable relationships = new SpooledTable(List.of(":START_ID", ":END_ID", ":TYPE"));
    private boolean nodesWritten;

    CsvGraphWriter(Files files) {
        this.files = files;
    }

    @Override
    public void start(long nodeCount, long relationshipCount) {
    }

    @Override
    public void node(GraphNode node) {
        nodes.row(new String[]{node.key(), String.join(";", node.labels())}, node.properties());
    }

    @Override
    public void relationship(GraphRelationship r) {
        writeNodes();
        relationships.row(new String[]{r.source().key(), r.target().key(), r.type()}, r.properties());
    }

    @Override
    public void finish() {
        writeNodes();
        write(RELATIONSHIPS, relationships);
    }

    /** All nodes come before the first relationship, so the nodes file can be written then, and its spool freed. */
    private void writeNodes() {
        if (!nodesWritten) {
            nodesWritten = true;
            write(NODES, nodes);
        }
    }

    private void write(String name, SpooledTable table) {
        try (table) {
            OutputStream stream = files.open(name);
            Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            table.writeCsv(w);
            w.flush();
            files.done(name, stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
