package io.dealgraph.export;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.types.IsoDuration;
import org.neo4j.driver.types.Point;

/** Property values as text in the forms the formats share. */
final class Values {

    private Values() {
    }

    /** A scalar as text: ISO-8601 for temporal values (what Neo4j's own functions parse back). */
    static String text(Object v) {
        if (v instanceof ZonedDateTime z && z.getZone().equals(z.getOffset())) {
            return z.toOffsetDateTime().toString();
        }
        if (v instanceof IsoDuration d) {
            return d.toString();
        }
        if (v instanceof Point p) {
            return Double.isNaN(p.z())
                    ? "point({srid: " + p.srid() + ", x: " + p.x() + ", y: " + p.y() + "})"
                    : "point({srid: " + p.srid() + ", x: " + p.x() + ", y: " + p.y() + ", z: " + p.z() + "})";
        }
        return String.valueOf(v);
    }

    /** A value as a Cypher literal: strings quoted and escaped, temporal values through their constructor. */
    static String cypher(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return quote(s);
        }
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return "toFloat('" + d + "')";
            }
            return d.toString();
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(cypher(l.get(i)));
            }
            return b.append(']').toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{");
            m.forEach((k, x) -> b.append(b.length() == 1 ? "" : ", ").append(name(String.valueOf(k))).append(": ").append(cypher(x)));
            return b.append('}').toString();
        }
        if (v instanceof Point) {
            return text(v);
        }
        PropertyType t = PropertyType.of(v);
        return switch (t) {
            case DATE, DATETIME, LOCALDATETIME, TIME, LOCALTIME, DURATION -> t.importName + "(" + quote(text(v)) + ")";
            default -> quote(text(v));
        };
    }

    /** A label, type or property name, backquoted unless it is a plain identifier. */
    static String name(String name) {
        if (name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return name;
        }
        return "`" + name.replace("`", "``") + "`";
    }

    /** A single-quoted Cypher string on one line: a script stays one statement per line whatever the text holds. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('\'').toString();
    }
}
