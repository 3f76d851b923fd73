package io.dealgraph.export;

import java.util.List;
import java.util.Map;

/** One exported node: labels in the database's order, properties sorted by name, values as the driver gives them. */
record GraphNode(Ref ref, List<String> labels, Map<String, Object> properties) {

    String key() {
        return ref.key();
    }

    boolean is(String label) {
        return labels.contains(label);
    }

    /** What a person would call this node: name, else the deal's label, the document's title, the claim's type. */
    String caption() {
        for (String p : List.of("name", "label", "title", "type")) {
            Object v = properties.get(p);
            if (v instanceof String s && !s.isBlank()) {
                return s;
            }
        }
        Object id = ref.id();
        return id != null ? String.valueOf(id) : ref.key();
    }
}
