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
record Lexicon(Set<String> orgSuffixes, Set<String> stopwords, Set<String> firstNames, Set<String> places) {

    static Lexicon load() {
        try (InputStream in = Lexicon.class.getResourceAsStream("/extract/lexicon.yaml")) {
            if (in == null) {
                throw new IllegalStateException("missing resource /extract/lexicon.yaml");
            }
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            return new Lexicon(set(root.path("orgSuffixes")), set(root.path("stopwords")), set(root.path("firstNames")),
                    set(root.path("places")));
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
