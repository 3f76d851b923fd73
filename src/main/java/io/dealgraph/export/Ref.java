package io.dealgraph.export;

import java.util.List;

/**
 * How an exported node is named: {@code key} is unique within one export and stable across databases
 * ({@code Company:amazon}, {@code Deal:deal-5c0f2e9a8b17d4e3a6c2f190}), built from the node's primary label and its {@code id}
 * property, so that a re-imported subgraph and a later export of the same data use the same names. Nodes without
 * an {@code id} (only a user's query can return those) fall back to the database's element id.
 *
 * @param key   the export-wide name
 * @param label the primary label, or null when the node has none
 * @param id    the {@code id} property, or null
 */
record Ref(String key, String label, Object id) {

    /** Model labels first, in this order: a Deal:Investment is a Deal, then the rest alphabetically. */
    static final List<String> PRIMARY = List.of("Company", "Cloud", "Chip", "Deal", "Claim", "Document");

    static Ref of(List<String> labels, Object id, String elementId) {
        String label = primaryLabel(labels);
        if (id == null) {
            return new Ref("_:" + elementId, label, null);
        }
        return new Ref((label == null ? "" : label) + ":" + id, label, id);
    }

    static String primaryLabel(List<String> labels) {
        for (String l : PRIMARY) {
            if (labels.contains(l)) {
                return l;
            }
        }
        return labels.stream().sorted().findFirst().orElse(null);
    }
}
