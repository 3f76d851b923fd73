package io.dealgraph.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The curated entity file: names, aliases, types, owners, descriptors. Immutable once loaded. */
final class Knowledge {

    /** {@code sells}: what the company sells that customers commit spend to (compute, chips), empty for most. */
    record Entity(String name, String type, String owner, String kind, java.util.Set<String> sells) {
        Entity(String name, String type, String owner, String kind) {
            this(name, type, owner, kind, java.util.Set.of());
        }

        boolean isCompany() {
            return "Company".equals(type);
        }

        /** A cloud, a compute provider or a chip seller: the side of a spend commitment that is paid. */
        boolean isProvider() {
            return "Cloud".equals(type) || "provider".equals(kind) || !sells.isEmpty();
        }
    }

    static final String RESOURCE = "/extract/knowledge.yaml";

    final int version;
    /** Alias as a lower-case token sequence joined by single spaces, to the entity. */
    final Map<String, Entity> byAlias;
    /** Descriptor phrase (lower-case tokens) to the entities it can mean. */
    final Map<String, List<Entity>> byDescriptor;
    final Map<String, Entity> byName;
    final int maxAliasTokens;
    /** First tokens of all aliases: most words start none, and are rejected with one lookup. */
    final java.util.Set<String> firstTokens;
    /** Every alias key and each of its leading token runs ("amazon", "amazon web", "amazon web services"). */
    final java.util.Set<String> aliasPrefixes;

    private Knowledge(int version, Map<String, Entity> byAlias, Map<String, List<Entity>> byDescriptor,
                      Map<String, Entity> byName) {
        this.version = version;
        this.byAlias = Map.copyOf(byAlias);
        this.byDescriptor = Map.copyOf(byDescriptor);
        this.byName = Map.copyOf(byName);
        int max = 1;
        java.util.Set<String> firsts = new java.util.HashSet<>();
        java.util.Set<String> prefixes = new java.util.HashSet<>();
        for (String k : byAlias.keySet()) {
            String[] parts = k.split(" ");
            max = Math.max(max, parts.length);
            firsts.add(parts[0]);
            prefixes.add(k);
            for (int sp = k.indexOf(' '); sp >= 0; sp = k.indexOf(' ', sp + 1)) {
                prefixes.add(k.substring(0, sp));
            }
        }
        this.firstTokens = java.util.Set.copyOf(firsts);
        this.aliasPrefixes = java.util.Set.copyOf(prefixes);
        this.maxAliasTokens = max;
        Map<String, Entity> clouds = new HashMap<>();
        java.util.Set<String> several = new java.util.HashSet<>();
        for (Entity e : byName.values()) {
            if ("Cloud".equals(e.type()) && e.owner() != null && clouds.put(e.owner(), e) != null) {
                several.add(e.owner());
            }
        }
        several.forEach(clouds::remove);
        this.cloudByOwner = Map.copyOf(clouds);
    }

    /** Owner to its one cloud; owners with several are left out. */
    private final Map<String, Entity> cloudByOwner;

    /** Last words that make an unknown name an investor: "Shield Capital", "Point72 Ventures", "Norrsken VC". */
    private static final java.util.Set<String> INVESTOR_TAILS = java.util.Set.of("Capital", "Ventures", "Venture", "Partners",
            "Fund", "Management", "Investments", "Investment", "Advisors", "Equity", "VC", "Holdings", "Growth", "Bank");

    /** The knowledge file's kind, or for an unknown name the kind its last word suggests; null when nothing does. */
    String kindOf(String name) {
        Entity e = byName.get(name);
        if (e != null) {
            return e.kind();
        }
        int sp = name.lastIndexOf(' ');
        return sp > 0 && INVESTOR_TAILS.contains(name.substring(sp + 1)) ? "investor" : null;
    }

    static Knowledge load() {
        try (InputStream in = Knowledge.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Knowledge parse(JsonNode root) {
        Map<String, Entity> byAlias = new HashMap<>();
        Map<String, List<Entity>> byDescriptor = new HashMap<>();
        Map<String, Entity> byName = new HashMap<>();
        for (JsonNode n : root.path("entities")) {
            java.util.Set<String> sells = new java.util.HashSet<>();
            n.path("sells").forEach(x -> sells.add(x.asText()));
            Entity e = new Entity(n.path("name").asText(), n.path("type").asText("Company"),
                    n.hasNonNull("owner") ? n.get("owner").asText() : null,
                    n.hasNonNull("kind") ? n.get("kind").asText() : null, java.util.Set.copyOf(sells));
            byName.put(e.name(), e);
            byAlias.putIfAbsent(key(e.name()), e);
            for (JsonNode a : n.path("aliases")) {
                byAlias.putIfAbsent(key(a.asText()), e);
            }
            for (JsonNode d : n.path("descriptors")) {
                byDescriptor.computeIfAbsent(d.asText().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(e);
            }
        }
        return new Knowledge(root.path("version").asInt(1), byAlias, byDescriptor, byName);
    }

    /** Lower-case token sequence, the same tokenisation the recogniser applies to text. */
    static String key(String phrase) {
        StringBuilder sb = new StringBuilder();
        for (Tokens.Token t : Tokens.of(phrase)) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(t.text().toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }

    Entity entity(String name) {
        return byName.get(name);
    }

    String ownerOf(String name) {
        Entity e = byName.get(name);
        return e == null ? null : e.owner();
    }

    /** The cloud a company runs, when the file knows exactly one. */
    Entity cloudOf(String company) {
        return cloudByOwner.get(company);
    }

    boolean runsCloud(String company) {
        Entity e = byName.get(company);
        return cloudOf(company) != null || (e != null && "provider".equals(e.kind()));
    }
}
