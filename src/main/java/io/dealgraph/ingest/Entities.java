package io.dealgraph.ingest;

import io.dealgraph.extract.CuratedEntity;
import io.dealgraph.graph.CompanyNames;
import io.dealgraph.graph.Keys;
import io.dealgraph.graph.Label;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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

    /**
     * {@code kind}: Fund, Person or Government for a company node that is one of those (else null). A company is
     * filed under its {@linkplain CompanyNames#base base name}, so "Figure AI" and "Figure" are one node, and a name
     * whose base is a curated entity's ("Mistral AI SAS") is that entity. The node is named after its fullest form;
     * the others are aliases.
     */
    String add(String name, String label, String kind) {
        Label type = Label.entity(label) == null ? Label.Company : Label.entity(label);
        boolean company = type == Label.Company && !"Person".equals(kind);
        CuratedEntity curated = curated(name, type, company);
        String base = company ? CompanyNames.base(name) : name;
        String canonical = curated != null ? curated.name() : name;
        String id = Names.slug(curated != null ? curated.name() : base);
        String key = type + "|" + id;
        Map<String, Object> row = byLabelAndId.get(key);
        if (row == null) {
            row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("name", canonical);
            row.put("aliases", new ArrayList<String>());
            row.put("keys", new ArrayList<String>());
            row.put("label", type.name());
            row.put("kind", kind);
            row.put("curated", curated != null);
            byLabelAndId.put(key, row);
            if (curated != null) {
                curated.aliases().forEach(a -> addName(byLabelAndId.get(key), a));
                if (curated.owner() != null && type != Label.Company) {
                    String owner = add(curated.owner(), Label.Company.name());
                    (type == Label.Cloud ? operates : makes).add(Map.of("owner", owner, "id", id));
                }
            }
        }
        if (curated == null && CompanyNames.fuller(name, (String) row.get("name"))) {
            String was = (String) row.put("name", name);
            addName(row, was);
        }
        addName(row, name);
        addKey(row, Keys.entity(base));
        return id;
    }

    /** Adds a name the node goes by: an alias unless it is the node's name, and its key. */
    @SuppressWarnings("unchecked")
    private static void addName(Map<String, Object> row, String name) {
        List<String> aliases = (List<String>) row.get("aliases");
        if (!name.equals(row.get("name")) && !aliases.contains(name)) {
            aliases.add(name);
        }
        addKey(row, Keys.entity(name));
    }

    @SuppressWarnings("unchecked")
    private static void addKey(Map<String, Object> row, String key) {
        List<String> keys = (List<String>) row.get("keys");
        if (!keys.contains(key)) {
            keys.add(key);
        }
    }

    /**
     * The knowledge file's entity of this name and type: by its name, else (for a company) by the base of one of its
     * names, when only one entity of the type has that base.
     */
    private static CuratedEntity curated(String name, Label type, boolean company) {
        CuratedEntity exact = CuratedEntity.byName().get(name);
        if (exact != null) {
            return exact.type().equals(type.name()) ? exact : null; // the text uses the name for something else than the file says
        }
        return company ? CURATED_BY_BASE.get(Keys.entity(CompanyNames.base(name))) : null;
    }

    /** Curated companies by the key of each of their names' base; a base two entities share is left out. */
    private static final Map<String, CuratedEntity> CURATED_BY_BASE = curatedByBase();

    private static Map<String, CuratedEntity> curatedByBase() {
        Map<String, CuratedEntity> out = new HashMap<>();
        Set<String> shared = new HashSet<>();
        for (CuratedEntity e : CuratedEntity.byName().values()) {
            if (!Label.Company.name().equals(e.type())) {
                continue;
            }
            List<String> names = new ArrayList<>(e.aliases());
            names.add(e.name());
            for (String n : names) {
                String key = Keys.entity(CompanyNames.base(n));
                CuratedEntity before = out.putIfAbsent(key, e);
                if (before != null && before != e) {
                    shared.add(key);
                }
            }
        }
        shared.forEach(out::remove);
        return Map.copyOf(out);
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
