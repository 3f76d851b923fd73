package io.dealgraph.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/** Word lists from extract/lexicon.yaml. */
record Lexicon(Set<String> orgSuffixes, Set<String> stopwords, Set<String> firstNames, Set<String> places,
               Set<String> genericFundWords, Set<String> openersBeforeOf, Set<String> headlineVerbs,
               Set<String> titles, Set<String> descriptorNouns, Set<String> namePairNouns) {

    /** How a place name is looked up: lower case, without dots ("U.S." and "US" are one). */
    static String placeKey(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replace(".", "");
    }

    /** The lookup keys of these place names ({@link #placeKey}). */
    static Set<String> placeKeys(java.util.Collection<String> places) {
        Set<String> keys = new java.util.HashSet<>();
        places.forEach(x -> keys.add(placeKey(x)));
        return Set.copyOf(keys);
    }

    static Lexicon load() {
        try (InputStream in = Lexicon.class.getResourceAsStream("/extract/lexicon.yaml")) {
            if (in == null) {
                throw new IllegalStateException("missing resource /extract/lexicon.yaml");
            }
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            return new Lexicon(set(root.path("orgSuffixes")), set(root.path("stopwords")), set(root.path("firstNames")),
                    set(root.path("places")), set(root.path("genericFundWords")), set(root.path("openersBeforeOf")),
                    set(root.path("headlineVerbs")), set(root.path("titles")),
                    set(root.path("descriptorNouns")), set(root.path("namePairNouns")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> set(JsonNode list) {
        Set<String> s = new HashSet<>();
        list.forEach(n -> s.add(n.asText()));
        return Set.copyOf(s);
    }
}
