package io.dealgraph.query;

import io.dealgraph.graph.CompanyNames;
import io.dealgraph.graph.Keys;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.ClientException;
import org.springframework.stereotype.Component;

/** Names and aliases as users write them, to entities; close matches when nothing matches exactly. */
@Component
class EntityResolver {

    static final int SUGGESTIONS = 5;

    private final GraphReader graph;

    EntityResolver(GraphReader graph) {
        this.graph = graph;
    }

    /** The form entity {@code keys} are stored in ({@link Keys#entity}: lower case, accents folded, spaces collapsed). */
    static String normalise(String name) {
        return name == null ? "" : Keys.entity(name);
    }

    /**
     * The entity called {@code name}, of one of {@code types} (in that order of preference when a name is shared),
     * looked up in the caller's transaction.
     *
     * @param role how the answer names the wanted thing: "company", "company or cloud", ...
     */
    Answers.EntityRef resolve(GraphReader.Reads reads, String name, List<String> types, String role) {
        String key = normalise(name);
        if (key.isEmpty()) {
            throw ApiProblems.badParameter("An entity name is required.");
        }
        if (key.length() > 200) {
            throw ApiProblems.badParameter("An entity name is at most 200 characters.");
        }
        List<Record> rows;
        try {
            rows = reads.run("resolve", Map.of("key", key));
            String base = normalise(CompanyNames.base(name));
            if (rows.isEmpty() && !base.equals(key)) {
                // "Figure AI, Inc." when the sources said "Figure AI": a company's nodes hold their base name's key
                rows = reads.run("resolve", Map.of("key", base));
            }
        } catch (ClientException e) {
            // Only a name the full-text syntax cannot take gets here; it names nothing. The transaction is spoilt,
            // but nothing more runs in it: the suggestions have their own.
            rows = List.of();
        }
        for (String type : types) {
            for (Record r : rows) {
                if (type.equals(r.get("type").asString())) {
                    return new Answers.EntityRef(r.get("id").asString(), r.get("name").asString(), type);
                }
            }
        }
        List<String> close = rows.stream().map(r -> r.get("name").asString() + " (" + r.get("type").asString() + ")").toList();
        if (close.isEmpty()) {
            close = suggestions(key);
        }
        throw ApiProblems.unknownEntity(name, role, close);
    }

    /** Up to five names close to {@code text}: prefix or one-typo matches from the full-text index. */
    List<String> suggestions(String text) {
        Set<String> names = new LinkedHashSet<>();
        try {
            for (Record r : search(text, 0, SUGGESTIONS)) {
                names.add(r.get("name").asString());
            }
        } catch (ClientException e) {
            return List.of();
        }
        return List.copyOf(names);
    }

    List<Record> search(String q, int offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("q", normalise(q));
        params.put("offset", offset);
        params.put("limit", limit);
        return graph.run("entities", params);
    }
}
