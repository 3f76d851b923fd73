package io.dealgraph.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * When two names are one company: a name ending in a legal form, "Group" or "AI" is the company of the name without
 * it ("Figure AI" and "Figure", "Alibaba Group Holding Ltd." and "Alibaba"). The endings are data, with examples, in
 * {@code graph/company-names.yaml}. Ingest files a company under the id of its {@link #base} name, so that deals
 * told under either name meet on one node.
 */
public final class CompanyNames {

    static final String RESOURCE = "/graph/company-names.yaml";

    private static final Set<String> ENDINGS = load();

    private CompanyNames() {
    }

    /**
     * The name without a leading "The" and without its trailing endings: "The Carlyle Group" → "Carlyle", "Samsung
     * Electronics Co., Ltd." → "Samsung Electronics". A name that would lose every word, or keep only an ending
     * ("AI Group"), is returned as it is.
     */
    public static String base(String name) {
        String whole = name.strip();
        String[] words = whole.split("\\s+");
        int from = words.length > 1 && words[0].equalsIgnoreCase("the") ? 1 : 0;
        int end = words.length;
        while (end - from > 1 && (isEnding(words[end - 1]) || words[end - 1].equals("&"))) {
            end--;
        }
        if (from == 0 && end == words.length || end - from == 1 && isEnding(words[from])) {
            return whole;
        }
        // "Foo, Inc." leaves "Foo,"
        words[end - 1] = words[end - 1].replaceAll(",+$", "");
        return String.join(" ", Arrays.asList(words).subList(from, end));
    }

    /**
     * Whether {@code a} is a fuller form of a company's name than {@code b}, which the company is then named after:
     * more characters ("Figure AI" over "Figure"), then the one that sorts first. Whatever order the forms arrive in,
     * the same one wins; cypher/ingest/merge-entities.cypher decides the same way.
     */
    public static boolean fuller(String a, String b) {
        return a.length() > b.length() || a.length() == b.length() && a.compareTo(b) < 0;
    }

    private static boolean isEnding(String word) {
        String w = word.replaceAll("[.,]+$", "").toLowerCase(Locale.ROOT);
        return ENDINGS.contains(w);
    }

    private static Set<String> load() {
        try (InputStream in = CompanyNames.class.getResourceAsStream(RESOURCE)) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            Set<String> endings = new TreeSet<>();
            root.path("endings").forEach(e -> endings.add(e.asText().replaceAll("[.,]+$", "").toLowerCase(Locale.ROOT)));
            return Set.copyOf(endings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
