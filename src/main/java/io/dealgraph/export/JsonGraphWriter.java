package io.dealgraph.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * {@code json}: Cytoscape.js elements, so {@code cytoscape({elements: doc.elements})} draws it as it is.
 * <pre>
 * {"format": "dealgraph-export/1", "selection": {...}, "counts": {"nodes": n, "edges": m},
 *  "elements": {
 *    "nodes": [{"data": {"id": "Company:amazon", "caption": "Amazon", "labels": ["Company"], "properties": {...}},
 *               "classes": "Company"}],
 *    "edges": [{"data": {"id": "e0", "source": "Company:amazon", "target": "Deal:deal-1", "type": "MADE",
 *               "properties": {...}}, "classes": "MADE"}]}}
 * </pre>
 * Properties sit in their own object so that a property called {@code id} or {@code source} never shadows
 * Cytoscape's fields. Temporal values are ISO-8601 strings. Written as the elements arrive.
 */
final class JsonGraphWriter implements GraphSink {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonGenerator json;
    private final Map<String, Object> selection;
    private boolean inEdges;

    JsonGraphWriter(OutputStream out, Map<String, Object> selection) {
        try {
            this.json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.selection = selection;
    }

    @Override
    public void start(long nodes, long relationships) {
        try {
            json.writeStartObject();
            json.writeStringField("format", "dealgraph-export/1");
            json.writeFieldName("selection");
            value(selection);
            json.writeObjectFieldStart("counts");
            json.writeNumberField("nodes", nodes);
            json.writeNumberField("edges", relationships);
            json.writeEndObject();
            json.writeObjectFieldStart("elements");
            json.writeArrayFieldStart("nodes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void node(GraphNode node) {
        try {
            json.writeStartObject();
            json.writeObjectFieldStart("data");
            json.writeStringField("id", node.key());
            json.writeStringField("caption", node.caption());
            json.writeArrayFieldStart("labels");
            for (String l : node.labels()) {
                json.writeString(l);
            }
            json.writeEndArray();
            json.writeFieldName("properties");
            value(node.properties());
            json.writeEndObject();
            json.writeStringField("classes", String.join(" ", node.labels()));
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void relationship(GraphRelationship r) {
        try {
            edges();
            json.writeStartObject();
            json.writeObjectFieldStart("data");
            json.writeStringField("id", r.key());
            json.writeStringField("source", r.source().key());
            json.writeStringField("target", r.target().key());
            json.writeStringField("type", r.type());
            json.writeFieldName("properties");
            value(r.properties());
            json.writeEndObject();
            json.writeStringField("classes", r.type());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void edges() throws IOException {
        if (!inEdges) {
            inEdges = true;
            json.writeEndArray();
            json.writeArrayFieldStart("edges");
        }
    }

    @Override
    public void finish() {
        try {
            edges();
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void value(Object v) throws IOException {
        if (v == null) {
            json.writeNull();
        } else if (v instanceof String s) {
            json.writeString(s);
        } else if (v instanceof Long || v instanceof Integer) {
            json.writeNumber(((Number) v).longValue());
        } else if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                json.writeString(d.toString());
            } else {
                json.writeNumber(d);
            }
        } else if (v instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (v instanceof List<?> l) {
            json.writeStartArray();
            for (Object x : l) {
                value(x);
            }
            json.writeEndArray();
        } else if (v instanceof Map<?, ?> m) {
            json.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                json.writeFieldName(String.valueOf(e.getKey()));
                value(e.getValue());
            }
            json.writeEndObject();
        } else {
            json.writeString(Values.text(v));
        }
    }
}
