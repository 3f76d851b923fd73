package io.dealgraph.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code graphml}: valid against the GraphML 1.0 schema, one {@code <key>} per property with its type
 * ({@code string}, {@code long}, {@code double}, {@code boolean}; lists as JSON text, temporal values as ISO-8601
 * strings). Every node also has {@code labels} (":Deal:Investment", as APOC writes them) and {@code caption}
 * (name, deal label or title) for Gephi's and yEd's node labels; every edge has {@code type}.
 *
 * <p>The schema wants all keys before the graph, but they are only known once every element has been seen: the
 * nodes and edges are written to a temporary file as they stream in, then the header with the keys is written
 * and the file copied after it.
 */
final class GraphmlWriter implements GraphSink {

    static final String NS = "http://graphml.graphdrawing.org/xmlns";
    private static final ObjectMapper LISTS = new ObjectMapper();

    private final OutputStream target;
    private final Map<String, Object> selection;
    private final Path body;
    private final OutputStream bodyStream;
    private final XMLStreamWriter xml;
    private final Keys nodeKeys = new Keys("node", "n");
    private final Keys edgeKeys = new Keys("edge", "e");

    GraphmlWriter(OutputStream target, Map<String, Object> selection) {
        this.target = target;
        this.selection = selection;
        try {
            body = Files.createTempFile("dealgraph-export-", ".graphml-body");
            bodyStream = new BufferedOutputStream(Files.newOutputStream(body), 1 << 16);
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(bodyStream, "UTF-8");
        } catch (IOException | XMLStreamException e) {
            throw new IllegalStateException("cannot start a GraphML export: " + e.getMessage(), e);
        }
    }

    @Override
    public void start(long nodes, long relationships) {
    }

    @Override
    public void node(GraphNode node) {
        try {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("node");
            xml.writeAttribute("id", clean(node.key()));
            data("labels", ":" + String.join(":", node.labels()));
            data("caption", node.caption());
            properties(nodeKeys, node.properties());
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    @Override
    public void relationship(GraphRelationship r) {
        try {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("edge");
            xml.writeAttribute("id", r.key());
            xml.writeAttribute("source", clean(r.source().key()));
            xml.writeAttribute("target", clean(r.target().key()));
            data("type", r.type());
            properties(edgeKeys, r.properties());
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    private void properties(Keys keys, Map<String, Object> properties) throws XMLStreamException {
        for (Map.Entry<String, Object> p : properties.entrySet()) {
            Object v = p.getValue();
            String text;
            if (v instanceof List<?> l) {
                try {
                    text = LISTS.writeValueAsString(l.stream().map(x -> x instanceof String || x instanceof Number
                            || x instanceof Boolean ? x : Values.text(x)).toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                text = Values.text(v);
            }
            data(keys.id(p.getKey(), v), text);
        }
    }

    private void data(String key, String text) throws XMLStreamException {
        xml.writeStartElement("data");
        xml.writeAttribute("key", key);
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    @Override
    public void finish() {
        try {
            xml.flush();
            xml.close();
            bodyStream.close();
            StringBuilder head = new StringBuilder(4096);
            head.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                    .append("<graphml xmlns=\"").append(NS).append("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n")
                    .append("    xsi:schemaLocation=\"").append(NS).append(" http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n")
                    .append("  <key id=\"labels\" for=\"node\" attr.name=\"labels\" attr.type=\"string\"/>\n")
                    .append("  <key id=\"caption\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n")
                    .append("  <key id=\"type\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n");
            nodeKeys.declare(head);
            edgeKeys.declare(head);
            head.append("  <graph id=\"G\" edgedefault=\"directed\">\n")
                    .append("    <desc>").append(escape(clean("dealgraph export " + selection.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))))).append("</desc>");
            target.write(head.toString().getBytes(StandardCharsets.UTF_8));
            Files.copy(body, target);
            target.write("\n  </graph>\n</graphml>\n".getBytes(StandardCharsets.UTF_8));
            target.flush();
        } catch (IOException | XMLStreamException e) {
            throw new UncheckedIOException(e instanceof IOException io ? io : new IOException(e));
        } finally {
            try {
                Files.deleteIfExists(body);
            } catch (IOException ignored) {
                // a temporary file left behind is not worth failing an export for
            }
        }
    }

    /** Drops the characters XML 1.0 cannot carry at all (most control characters). */
    static String clean(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                return s.codePoints().filter(cp -> cp >= 0x20 || cp == '\t' || cp == '\n' || cp == '\r')
                        .filter(cp -> cp != 0xFFFE && cp != 0xFFFF)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            }
        }
        return s;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The property keys of one domain (node or edge), each with the type its values have shown so far. */
    private static final class Keys {
        private final String domain;
        private final String prefix;
        private final Map<String, String> ids = new LinkedHashMap<>();
        private final List<PropertyType.Tally> tallies = new ArrayList<>();

        Keys(String domain, String prefix) {
            this.domain = domain;
            this.prefix = prefix;
        }

        String id(String name, Object value) {
            String id = ids.get(name);
            if (id == null) {
                id = prefix + ids.size();
                ids.put(name, id);
                tallies.add(new PropertyType.Tally());
            }
            tallies.get(Integer.parseInt(id.substring(prefix.length()))).add(value);
            return id;
        }

        void declare(StringBuilder head) {
            int i = 0;
            for (Map.Entry<String, String> e : ids.entrySet()) {
                PropertyType.Tally t = tallies.get(i++);
                String type = t.isList() ? "string" : switch (t.type()) {
                    case LONG -> "long";
                    case DOUBLE -> "double";
                    case BOOLEAN -> "boolean";
                    default -> "string";
                };
                head.append("  <key id=\"").append(e.getValue()).append("\" for=\"").append(domain)
                        .append("\" attr.name=\"").append(escape(clean(e.getKey()))).append("\" attr.type=\"").append(type)
                        .append("\"/>\n");
            }
        }
    }
}
