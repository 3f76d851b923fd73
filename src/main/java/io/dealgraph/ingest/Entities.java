package io.dealgraph.ingest;

import io.dealgraph.extract.CuratedEntity;
import io.dealgraph.graph.Keys;
import io.dealgraph.graph.Label;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entity nodes a batch needs, keyed by label and id. A curated entity brings its aliases and its owner (who then
 * operates the cloud or makes the chip); a name the knowledge file does not know becomes a node of its own.
 */
final class Entities {

    private final Map<String, Map<String, Object>> byLabelAndId = new LinkedHashMap<>();
    private final Set<Map<String, Object>> operates = new LinkedHashSet<>();
    private final Set<Map<String, Object>> makes = new LinkedHashSet<>();

    /** Adds the entity and returns its id; an unknown label is treated as a company. */
    String add(String name, String label) {
        return add(name, label, null);
    }

    /** {@code kind}: Fund, Person or Government for a company node that is one of those (else null). */
    String add(String name, String label, String kind) {
        Label type = Label.entity(label) == null ? Label.Company : Label.entity(label);
        CuratedEntity curated = CuratedEntity.byName().get(name);
        if (curated != null && !curated.type().equals(type.name())) {
            curated = null; // the text uses the name for something else than the file says
        }
        String id = Names.slug(name);
        String key = type + "|" + id;
        if (!byLabelAndId.containsKey(key)) {
            List<String> aliases = curated == null ? List.of() : curated.aliases();
            Set<String> keys = new LinkedHashSet<>();
            keys.add(Keys.entity(name));
            aliases.forEach(a -> keys.add(Keys.entity(a)));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("name", name);
            row.put("aliases", aliases);
            row.put("keys", new ArrayList<>(keys));
            row.put("label", type.name());
            row.put("kind", kind);
            byLabelAndId.put(key, row);
            if (curated != null && curated.owner() != null && type != Label.Company) {
                String owner = add(curated.owner(), Label.Company.name());
                (type == Label.Cloud ? operates : makes).add(Map.of("owner", owner, "id", id));
            }
        }
        return id;
    }

    /** The one cloud the knowledge file says this company operates, or null (none, or several). */
    static String onlyCloudOf(String company) {
        String found = null;
        for (CuratedEntity e : CuratedEntity.byName().values()) {
            if (Label.Cloud.name().equals(e.type()) && company.equals(e.owner())) {
                if (found != null) {
                    return null;
                }
                found = e.name();
            }
        }
        return found;
    }

    /** Parameters for cypher/ingest/merge-entities.cypher. */
    Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        for (Label label : Label.ENTITIES) {
            List<Map<String, Object>> rows = byLabelAndId.values().stream().filter(e -> label.name().equals(e.get("label"))).toList();
            p.put(switch (label) {
                case Company -> "companies";
                case Cloud -> "clouds";
                default -> "chips";
            }, rows);
        }
        p.put("operates", List.copyOf(operates));
        p.put("makes", List.copyOf(makes));
        return p;
    }
}
