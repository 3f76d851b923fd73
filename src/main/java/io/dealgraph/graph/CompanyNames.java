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

    private static final Set<String> LEGAL_FORMS = load("legalForms");
    private static final Set<String> ENDINGS = load("legalForms", "otherEndings");

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

    /** Whether the word is one of the endings: "SAS", "Inc.", "AI", "Group". */
    public static boolean isEnding(String word) {
        return listed(ENDINGS, word);
    }

    /** Whether the word is a legal form: "Inc.", "SAS", "GmbH", "LTD" (not "AI" or "Group"). */
    public static boolean isLegalForm(String word) {
        return listed(LEGAL_FORMS, word);
    }

    /** As listed, or in capitals, with or without a trailing full stop or comma: "Inc.", "INC", not "inc". */
    private static boolean listed(Set<String> list, String word) {
        String w = word.replaceAll("[.,]+$", "");
        return list.contains(w) || w.equals(w.toUpperCase(Locale.ROOT)) && list.contains(UPPER_PREFIX + w);
    }

    /** Each list holds its words as written and, marked with this prefix, in capitals. */
    private static final String UPPER_PREFIX = "\u0000";

    private static Set<String> load(String... keys) {
        try (InputStream in = CompanyNames.class.getResourceAsStream(RESOURCE)) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            Set<String> words = new TreeSet<>();
            for (String key : keys) {
                root.path(key).forEach(e -> {
                    String w = e.asText().replaceAll("[.,]+$", "");
                    words.add(w);
                    words.add(UPPER_PREFIX + w.toUpperCase(Locale.ROOT));
                });
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
