package io.dealgraph.ingest;

import io.dealgraph.graph.Keys;

/** How ingest names an entity node: {@code id} is {@link #slug} of the canonical name ({@code keys}: {@link Keys#entity}). */
final class Names {

    private Names() {
    }

    /** A readable, URL-safe id: "Amazon Web Services" → "amazon-web-services", "Sakana AI" → "sakana-ai". */
    static String slug(String name) {
        String s = Keys.entity(name).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-+|-+$)", "");
        return s.isEmpty() ? "entity" : s;
    }
}
