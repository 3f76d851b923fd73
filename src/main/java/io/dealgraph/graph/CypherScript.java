package io.dealgraph.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code .cypher} file from the project's {@code cypher/} folder (on the classpath under {@code cypher/}), split
 * into statements the way Neo4j Browser and cypher-shell read it: a statement ends with a semicolon at the end of a
 * line; {@code //} comment lines (where the parameter documentation lives) are not sent.
 */
public record CypherScript(String name, List<String> statements) {

    public CypherScript {
        statements = List.copyOf(statements);
    }

    /** Loads {@code cypher/<path>} from the classpath; a missing file is a packaging error. */
    public static CypherScript load(String path) {
        return parse(path, text(path));
    }

    /** The text of {@code cypher/<path>} as it is, comments included (what an analyst pastes into Browser). */
    public static String text(String path) {
        String resource = "cypher/" + path;
        try (InputStream in = CypherScript.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The jar has no " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CypherScript parse(String name, String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("//")) {
                continue;
            }
            current.append(current.isEmpty() ? "" : "\n").append(line);
            if (trimmed.endsWith(";")) {
                statements.add(current.substring(0, current.lastIndexOf(";")).strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return new CypherScript(name, statements);
    }

    /** The only statement of a one-statement file. */
    public String single() {
        if (statements.size() != 1) {
            throw new IllegalStateException(name + " has " + statements.size() + " statements, expected one");
        }
        return statements.get(0);
    }
}
