package io.dealgraph.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealgraph.export.ExportException;
import io.dealgraph.export.ExportFormat;
import io.dealgraph.export.Exporter;
import io.dealgraph.export.Selection;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code export}: a subgraph to a file in one of the export formats, from the configured store. */
final class ExportCommand implements Command {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "export a subgraph: json, graphml, csv, cypher, html report, svg, png";
    }

    @Override
    public String usage() {
        return """
                usage: dealgraph export [SELECTION] [--from DATE] [--to DATE] [--type TYPE] [--as-of DAY] [--no-provenance]
                                        --format FORMAT [-o PATH] [--setting=value]...
                  SELECTION, one of (none: every entity):
                    --center NAME [--depth 1-3]   an entity (name, alias or id) and everything within depth hops (default 2)
                    --between NAME NAME           the entities on the shortest paths between two entities
                    --query CYPHER | --query-file FILE [--param NAME=VALUE]...   a read-only Cypher query
                  --from, --to: deal dates YYYY, YYYY-MM or YYYY-MM-DD, inclusive; --type: INVESTS_IN or COMMITS_SPEND_TO
                  --as-of: YYYY-MM-DD, the graph as the sources published up to that day told it
                  --no-provenance: leave out claims and documents
                  --format: %s
                  -o: the output file (default: standard output); for csv a directory (nodes.csv, relationships.csv)
                      or a .zip
                  --setting=value: configuration as for the server, e.g. --dealgraph.export.max-elements=500000""".formatted(ExportFormat.names());
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String center = null;
        String depth = null;
        List<String> between = new ArrayList<>();
        String from = null;
        String to = null;
        String type = null;
        String asOf = null;
        String query = null;
        Map<String, Object> params = new LinkedHashMap<>();
        boolean provenance = true;
        String format = null;
        Path output = null;
        List<String> overrides = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--center" -> center = ExtractCommand.value(args, ++i, a);
                case "--depth" -> depth = ExtractCommand.value(args, ++i, a);
                case "--between" -> {
                    between.add(ExtractCommand.value(args, ++i, a));
                    between.add(ExtractCommand.value(args, ++i, a));
                }
                case "--from" -> from = ExtractCommand.value(args, ++i, a);
                case "--to" -> to = ExtractCommand.value(args, ++i, a);
                case "--type" -> type = ExtractCommand.value(args, ++i, a);
                case "--as-of" -> asOf = ExtractCommand.value(args, ++i, a);
                case "--query" -> query = ExtractCommand.value(args, ++i, a);
                case "--query-file" -> {
                    String file = ExtractCommand.value(args, ++i, a);
                    try {
                        query = Files.readString(Path.of(file));
                    } catch (IOException e) {
                        err.println("dealgraph export: cannot read " + file + ": " + e.getMessage());
                        return 1;
                    }
                }
                case "--param" -> {
                    String p = ExtractCommand.value(args, ++i, a);
                    int eq = p.indexOf('=');
                    if (eq <= 0) {
                        throw new UsageException("--param needs NAME=VALUE, not '" + p + "'");
                    }
                    params.put(p.substring(0, eq), literal(p.substring(eq + 1)));
                }
                case "--no-provenance" -> provenance = false;
                case "--format" -> format = ExtractCommand.value(args, ++i, a);
                case "-o", "--output" -> output = Path.of(ExtractCommand.value(args, ++i, a));
                default -> {
                    if (a.startsWith("--") && a.contains("=")) {
                        overrides.add(a);
                    } else {
                        throw new UsageException("unknown argument " + a);
                    }
                }
            }
        }
        if (format == null) {
            throw new UsageException("no --format given");
        }
        ExportFormat f;
        Selection selection;
        int d;
        try {
            d = depth == null ? 2 : Integer.parseInt(depth);
        } catch (NumberFormatException e) {
            throw new UsageException("--depth needs 1, 2 or 3, not '" + depth + "'");
        }
        try {
            f = ExportFormat.parse(format);
            selection = new Selection(center, d, between, from, to, type, query, params, provenance, asOf).validated();
        } catch (ExportException e) {
            throw new UsageException(e.getMessage());
        }
        if (f == ExportFormat.CSV && output == null) {
            throw new UsageException("csv is two files: give -o DIRECTORY or -o FILE.zip");
        }
        if (overrides.isEmpty() && IngestCommand.storeHeldByServer()) {
            err.println("The store is in use by a running dealgraph; exporting through it at " + IngestCommand.localServer() + ".");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("center", center);
            body.put("depth", d);
            body.put("between", between.isEmpty() ? null : between);
            body.put("from", from);
            body.put("to", to);
            body.put("type", type);
            body.put("asOf", asOf);
            body.put("query", query);
            body.put("params", params.isEmpty() ? null : params);
            body.put("provenance", provenance);
            body.put("format", f.name().toLowerCase(Locale.ROOT));
            return new ServerExport(IngestCommand.localServer(), err).export(body, f, output, out);
        }
        ConfigurableApplicationContext context;
        try {
            context = JobContext.open(overrides);
        } catch (RuntimeException e) {
            err.println("dealgraph export: cannot open the graph: " + rootMessage(e));
            return 1;
        }
        try (context) {
            Exporter exporter = context.getBean(Exporter.class);
            Exporter.Opened opened = exporter.open(selection, f);
            long nodes = opened.nodes();
            long relationships = opened.relationships();
            if (output == null) {
                exporter.write(opened, out);
                out.flush();
            } else if (f == ExportFormat.CSV && !output.toString().endsWith(".zip")) {
                exporter.writeCsvDirectory(opened, output);
            } else {
                writeFile(exporter, opened, output);
            }
            if (output != null) {
                err.printf("dealgraph export: %d nodes, %d relationships written to %s%n", nodes, relationships, output);
            }
            return 0;
        } catch (ExportException e) {
            err.println("dealgraph export: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("dealgraph export: failed: " + rootMessage(e));
            return 1;
        }
    }

    /** Into a file beside the target first, so that a failed export never leaves half a file under the real name. */
    private static void writeFile(Exporter exporter, Exporter.Opened opened, Path output) {
        Path absolute = output.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".part");
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                exporter.write(opened, file);
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    /**
     * An export asked of the running server that holds the store ({@code POST /api/export}), written where the
     * command would have written it: a file (through a {@code .part} beside it), a csv directory (the zip the server
     * sends, unpacked), or standard output.
     */
    static final class ServerExport {
        private final String base;
        private final PrintStream err;

        ServerExport(String base, PrintStream err) {
            this.base = base;
            this.err = err;
        }

        int export(Map<String, Object> selection, ExportFormat format, Path output, PrintStream out) {
            try {
                HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + "/api/export"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(selection)));
                String token = System.getenv("DEALGRAPH_API_TOKEN");
                if (token != null && !token.isBlank()) {
                    req.header("Authorization", "Bearer " + token);
                }
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                HttpResponse<java.io.InputStream> res = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = res.body()) {
                    if (res.statusCode() != 200) {
                        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                        String detail;
                        try {
                            detail = JSON.readTree(text).path("detail").asText(text);
                        } catch (IOException notJson) {
                            detail = text;
                        }
                        err.println("dealgraph export: the server answered " + res.statusCode() + ": " + detail);
                        return 1;
                    }
                    if (output == null) {
                        body.transferTo(out);
                        out.flush();
                    } else if (format == ExportFormat.CSV && !output.toString().endsWith(".zip")) {
                        unzip(body, output);
                    } else {
                        copy(body, output);
                    }
                }
                if (output != null) {
                    err.println("dealgraph export: written to " + output);
                }
                return 0;
            } catch (ConnectException e) {
                err.println("dealgraph export: no dealgraph server answers at " + base
                        + ". Start it, or stop the process that holds the data directory.");
                return 1;
            } catch (IOException | UncheckedIOException e) {
                err.println("dealgraph export: failed: " + rootMessage(e));
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }

        private static void copy(InputStream in, Path output) throws IOException {
            Path absolute = output.toAbsolutePath();
            Path partial = absolute.resolveSibling(absolute.getFileName() + ".part");
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            try {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        }

        private static void unzip(InputStream in, Path directory) throws IOException {
            Files.createDirectories(directory);
            try (ZipInputStream zip = new ZipInputStream(in)) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    String name = Path.of(e.getName()).getFileName().toString(); // the server sends nodes.csv, relationships.csv
                    copy(zip, directory.resolve(name));
                }
            }
        }
    }

    /** A parameter value: JSON when it reads as JSON (numbers, true, lists), a string otherwise. */
    static Object literal(String text) {
        try {
            return JSON.readValue(text, Object.class);
        } catch (IOException e) {
            return text;
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        return m.strip().lines().findFirst().orElse(m);
    }
}
