package io.dealgraph.browser;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Neo4j Browser {@code .grass} style sheet into the object the Browser keeps in its state (selector to
 * property map), which is what it stores under {@code neo4j.grass} in localStorage: for example
 * {@code {"node.Company": {"color": "#4C8EDA", "caption": "{name}"}}}, with quotes taken off captions.
 *
 * <p>Captions hold braces ({@code caption: '{name}';}), so a rule does not end at the first closing brace: like
 * the Browser's own parser, this one reads quoted text as text. (A regular expression used to end the rule inside
 * the caption, and the Browser captioned every node with the literal text <code>'&#123;name</code>.)
 */
final class GrassStyle {

    private GrassStyle() {
    }

    static ObjectNode parse(String grass, ObjectMapper mapper) {
        ObjectNode sheet = mapper.createObjectNode();
        StringBuilder selector = new StringBuilder();
        StringBuilder body = new StringBuilder();
        boolean inBody = false;
        char quote = 0;
        for (int i = 0; i < grass.length(); i++) {
            char c = grass.charAt(i);
            if (quote == 0 && c == '/' && i + 1 < grass.length() && grass.charAt(i + 1) == '*') {
                int end = grass.indexOf("*/", i + 2);
                i = end < 0 ? grass.length() : end + 1;
                continue;
            }
            StringBuilder into = inBody ? body : selector;
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
                into.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                into.append(c);
            } else if (c == '{' && !inBody) {
                inBody = true;
            } else if (c == '}' && inBody) {
                rule(sheet, selector.toString().strip(), body.toString());
                selector.setLength(0);
                body.setLength(0);
                inBody = false;
            } else {
                into.append(c);
            }
        }
        return sheet;
    }

    private static void rule(ObjectNode sheet, String selector, String body) {
        if (selector.isEmpty()) {
            return;
        }
        ObjectNode props = sheet.has(selector) ? (ObjectNode) sheet.get(selector) : sheet.putObject(selector);
        for (String declaration : declarations(body)) {
            int colon = declaration.indexOf(':');
            if (colon > 0) {
                String value = declaration.substring(colon + 1).strip();
                if (value.length() > 1 && (value.charAt(0) == '\'' || value.charAt(0) == '"')
                        && value.charAt(value.length() - 1) == value.charAt(0)) {
                    value = value.substring(1, value.length() - 1);
                }
                props.put(declaration.substring(0, colon).strip(), value);
            }
        }
    }

    /** Splits a rule's body at semicolons that are not inside quotes. */
    private static List<String> declarations(String body) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (char c : body.toCharArray()) {
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ';') {
                out.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        out.add(current.toString());
        return out;
    }
}
