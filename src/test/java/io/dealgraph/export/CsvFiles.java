package io.dealgraph.export;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the export's CSV back the way neo4j-admin import would: RFC 4180 records, a header of {@code name:type}
 * columns, empty unquoted fields absent, lists split on ';'. Test code, written from the import documentation,
 * not from the writer.
 */
final class CsvFiles {

    private CsvFiles() {
    }

    static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',' || c == '\n') {
                fields.add(field.length() == 0 && !wasQuoted ? null : field.toString());
                field.setLength(0);
                wasQuoted = false;
                if (c == '\n') {
                    records.add(fields);
                    fields = new ArrayList<>();
                }
            } else {
                field.append(c);
            }
        }
        return records;
    }

    /** Each record as column name to typed value; the header's special columns (":ID") keep their names. */
    static List<Map<String, Object>> typed(String text) {
        List<List<String>> records = records(text);
        List<String> header = records.get(0);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            if (record.size() != header.size()) {
                throw new AssertionError("record has " + record.size() + " fields, header " + header.size() + ": " + record);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String value = record.get(i);
                if (value == null) {
                    continue;
                }
                String column = header.get(i);
                if (column.startsWith(":")) {
                    row.put(column, value);
                    continue;
                }
                int colon = column.indexOf(':');
                String name = colon < 0 ? column : column.substring(0, colon);
                String type = colon < 0 ? "string" : column.substring(colon + 1);
                if (type.endsWith("[]")) {
                    String element = type.substring(0, type.length() - 2);
                    row.put(name, value.isEmpty() ? List.of() : Arrays.stream(value.split(";", -1)).map(v -> convert(element, v)).toList());
                } else {
                    row.put(name, convert(type, value));
                }
            }
            rows.add(row);
        }
        return rows;
    }

    static Object convert(String type, String v) {
        return switch (type) {
            case "long", "int" -> Long.parseLong(v);
            case "double", "float" -> Double.parseDouble(v);
            case "boolean" -> Boolean.parseBoolean(v);
            case "date" -> LocalDate.parse(v);
            case "datetime" -> OffsetDateTime.parse(v);
            case "string" -> v;
            default -> throw new AssertionError("unexpected column type " + type);
        };
    }
}
