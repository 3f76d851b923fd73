package io.dealgraph.export;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Rows whose columns are only known at the end: a CSV header must name every property column (with its type)
 * before the first row, yet the columns appear as the rows stream in. Rows go to a temporary file as they come,
 * only the column names and their type tallies stay in memory, and {@link #writeCsv} writes the header and then
 * replays the rows, padded to the final width.
 */
final class SpooledTable implements AutoCloseable {

    private final List<String> fixed;
    private final Map<String, Integer> columns = new LinkedHashMap<>();
    private final List<PropertyType.Tally> tallies = new ArrayList<>();
    private final Path file;
    private final DataOutputStream out;
    private long rows;

    SpooledTable(List<String> fixedColumns) {
        this.fixed = fixedColumns;
        try {
            this.file = Files.createTempFile("dealgraph-export-", ".spool");
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row: the fixed columns' values in order, then properties (lists joined with ';', as neo4j-admin reads them). */
    void row(String[] fixedValues, Map<String, Object> properties) {
        try {
            out.writeInt(fixedValues.length + properties.size());
            for (int i = 0; i < fixedValues.length; i++) {
                field(i, fixedValues[i]);
            }
            for (Map.Entry<String, Object> p : properties.entrySet()) {
                Integer index = columns.get(p.getKey());
                if (index == null) {
                    index = fixed.size() + columns.size();
                    columns.put(p.getKey(), index);
                    tallies.add(new PropertyType.Tally());
                }
                tallies.get(index - fixed.size()).add(p.getValue());
                Object v = p.getValue();
                field(index, v instanceof List<?> l ? l.stream().map(Values::text).collect(Collectors.joining(";")) : Values.text(v));
            }
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void field(int index, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(index);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    long rows() {
        return rows;
    }

    /** The header, neo4j-admin style: {@code name:type}, {@code name:type[]} for lists; plain name for strings. */
    List<String> header() {
        List<String> header = new ArrayList<>(fixed);
        columns.forEach((name, index) -> {
            PropertyType.Tally t = tallies.get(index - fixed.size());
            PropertyType type = t.type();
            String suffix = type == PropertyType.STRING && !t.isList() ? "" : ":" + type.importName + (t.isList() ? "[]" : "");
            header.add(name + suffix);
        });
        return header;
    }

    /** Writes header and rows as RFC 4180 CSV (comma, double quotes, LF); empty strings are quoted, absent values empty. */
    void writeCsv(Writer w) {
        try {
            out.close();
            List<String> header = header();
            w.write(header.stream().map(SpooledTable::csv).collect(Collectors.joining(",")));
            w.write('\n');
            String[] fields = new String[header.size()];
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                for (long r = 0; r < rows; r++) {
                    java.util.Arrays.fill(fields, null);
                    int n = in.readInt();
                    for (int i = 0; i < n; i++) {
                        int index = in.readInt();
                        byte[] bytes = new byte[in.readInt()];
                        in.readFully(bytes);
                        fields[index] = new String(bytes, StandardCharsets.UTF_8);
                    }
                    for (int i = 0; i < fields.length; i++) {
                        if (i > 0) {
                            w.write(',');
                        }
                        if (fields[i] != null) {
                            w.write(csv(fields[i]));
                        }
                    }
                    w.write('\n');
                }
            } catch (EOFException e) {
                throw new IllegalStateException("spool file ended early", e);
            }
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String csv(String s) {
        if (s.isEmpty()) {
            return "\"\"";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + s.replace("\"", "\"\"") + '"';
            }
        }
        return s;
    }

    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file left behind is not worth failing an export for
        }
    }
}
