package io.dealgraph.browser;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;

/**
 * Reads a Neo4j Browser {@code .grass} style sheet into the object the Browser keeps in its state (selector to
 * property map), which is what it stores under {@code neo4j.grass} in localStorage. Captions such as
 * {@code '{name}'} hold braces inside quotes, so rules are scanned with quotes in mind rather than split by a regex.
 */
final class GrassStyle {

    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);

    private GrassStyle() {
    }

    static ObjectNode parse(String grass, ObjectMapper mapper) {
        String text = COMMENT.matcher(grass).replaceAll("");
        ObjectNode sheet = mapper.createObjectNode();
        int i = 0;
        while (true) {
            int open = text.indexOf('{', i);
            if (open < 0) {
                return sheet;
            }
            ObjectNode props = sheet.putObject(text.substring(i, open).strip());
            StringBuilder declaration = new StringBuilder();
            char quote = 0;
            int j = open + 1;
            for (; j < text.length(); j++) {
                char c = text.charAt(j);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else {
                        declaration.append(c);
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == ';' || c == '}') {
                    put(props, declaration);
                    if (c == '}') {
                        break;
                    }
                } else {
                    declaration.append(c);
                }
            }
            i = j + 1;
        }
    }

    private static void put(ObjectNode props, StringBuilder declaration) {
        int colon = declaration.indexOf(":");
        if (colon > 0) {
            props.put(declaration.substring(0, colon).strip(), declaration.substring(colon + 1).strip());
        }
        declaration.setLength(0);
    }
}
