package io.dealgraph.ingest;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How a name becomes a node key. Shared with anyone who looks entities up: {@code keys} holds {@link #key} of the
 * name and of every alias, {@code id} is {@link #slug} of the canonical name.
 */
public final class Names {

    private Names() {
    }

    /** Lower case, accents folded, inner whitespace collapsed: "Amazon  Web Services" → "amazon web services". */
    public static String key(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return folded.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }

    /** A readable, URL-safe id: "Amazon Web Services" → "amazon-web-services", "Sakana AI" → "sakana-ai". */
    public static String slug(String name) {
        String s = key(name).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-+|-+$)", "");
        return s.isEmpty() ? "entity" : s;
    }
}
