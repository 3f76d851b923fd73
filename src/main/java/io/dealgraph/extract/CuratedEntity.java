package io.dealgraph.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An entity of the curated knowledge file as the rest of the product needs it: the canonical name facts use,
 * its other names, its type, and who owns it (the company that runs a cloud or makes a chip).
 */
public record CuratedEntity(String name, String type, String owner, List<String> aliases) {

    public CuratedEntity {
        aliases = List.copyOf(aliases);
    }

    private static final class Holder {
        static final Map<String, CuratedEntity> BY_NAME = load();
    }

    /** Every curated entity by canonical name, in file order. */
    public static Map<String, CuratedEntity> byName() {
        return Holder.BY_NAME;
    }

    private static Map<String, CuratedEntity> load() {
        try (InputStream in = CuratedEntity.class.getResourceAsStream(Knowledge.RESOURCE)) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            Map<String, CuratedEntity> out = new LinkedHashMap<>();
            for (JsonNode n : root.path("entities")) {
                List<String> aliases = new ArrayList<>();
                n.path("aliases").forEach(a -> aliases.add(a.asText()));
                String name = n.path("name").asText();
                out.putIfAbsent(name, new CuratedEntity(name, n.path("type").asText("Company"),
                        n.hasNonNull("owner") ? n.get("owner").asText() : null, aliases));
            }
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
