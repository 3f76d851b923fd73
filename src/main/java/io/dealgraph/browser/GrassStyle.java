package io.dealgraph.browser;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Neo4j Browser {@code .grass} style sheet into the object the Browser keeps in its state (selector to
 * property map), which is what it stores under {@code neo4j.grass} in localStorage.
 */
final class GrassStyle {

    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^}]*)}");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);

    private GrassStyle() {
    }

    static ObjectNode parse(String grass, ObjectMapper mapper) {
        ObjectNode sheet = mapper.createObjectNode();
        Matcher rule = RULE.matcher(COMMENT.matcher(grass).replaceAll(""));
        while (rule.find()) {
            ObjectNode props = sheet.putObject(rule.group(1).strip());
            for (String declaration : rule.group(2).split(";")) {
                int colon = declaration.indexOf(':');
                if (colon > 0) {
                    String value = declaration.substring(colon + 1).strip();
                    if (value.length() > 1 && value.startsWith("'") && value.endsWith("'")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    props.put(declaration.substring(0, colon).strip(), value);
                }
            }
        }
        return sheet;
    }
}
