package io.dealgraph.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealgraph.JobContext;
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
import picocli.CommandLine;

/** {@code export}: a subgraph to a file in one of the export formats, from the configured store. */
@CommandLine.Command(name = "export", description = "export a subgraph: json, graphml, csv, cypher, html report, svg, png",
        footer = {"", "Select with one of --center (and --depth), --between, --query or --query-file; none: every entity.",
                "--key=value settings override the configuration, as for the server, e.g.",
                "  --dealgraph.export.max-elements=500000"})
final class ExportCommand extends Subcommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Option(names = "--center", paramLabel = "NAME",
            description = "an entity (name, alias or id) and everything within --depth hops")
    String center;

    @CommandLine.Option(names = "--depth", paramLabel = "1-3", description = "hops around --center (default 2)")
    Integer depth;

    @CommandLine.Option(names = "--between", paramLabel = "NAME", arity = "2",
            description = "the entities on the shortest paths between two entities")
    List<String> between = new ArrayList<>();

    @CommandLine.Option(names = "--query", paramLabel = "CYPHER", description = "a read-only Cypher query")
    String query;

    @CommandLine.Option(names = "--query-file", paramLabel = "FILE", description = "a read-only Cypher query in a file")
    Path queryFile;

    @CommandLine.Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "a parameter of the query; VALUE as JSON when it reads as JSON (numbers, true, lists), else a string")
    Map<String, String> params = new LinkedHashMap<>();

    @CommandLine.Option(names = "--from", paramLabel = "DATE", description = "deal dates from YYYY, YYYY-MM or YYYY-MM-DD, inclusive")
    String from;

    @CommandLine.Option(names = "--to", paramLabel = "DATE", description = "deal dates up to YYYY, YYYY-MM or YYYY-MM-DD, inclusive")
    String to;

    @CommandLine.Option(names = "--type", paramLabel = "TYPE", description = "INVESTS_IN or COMMITS_SPEND_TO")
    String type;

    @CommandLine.Option(names = "--as-of", paramLabel = "DAY", description = "YYYY-MM-DD: the graph as the sources published up to that day told it")
    String asOf;

    @CommandLine.Option(names = "--no-provenance", description = "leave out claims and documents")
    boolean noProvenance;

    @CommandLine.Option(names = "--format", paramLabel = "FORMAT", required = true, description = "one of ${COMPLETION-CANDIDATES}",
            completionCandidates = Formats.class)
    String format;

    @CommandLine.Option(names = {"-o", "--output"}, paramLabel = "PATH",
            description = "the output file (default: standard output); for csv a directory (nodes.csv, relationships.csv) or a .zip")
    Path output;

    @CommandLine.Unmatched
    List<String> unmatched = new ArrayList<>();

    ExportCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    /** The format names, for the usage text and shell completion. */
    static final class Formats implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(ExportFormat.values()).map(f -> f.name().toLowerCase(Locale.ROOT)).iterator();
        }
    }

    @Override
    public Integer call() {
        List<String> overrides = settings(unmatched);
        if (query != null && queryFile != null) {
            throw usage("give --query or --query-file, not both");
        }
        String cypher = query;
        if (queryFile != null) {
            try {
                cypher = Files.readString(queryFile);
            } catch (IOException e) {
                return failed("cannot read " + queryFile + ": " + e.getMessage());
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        params.forEach((k, v) -> values.put(k, literal(v)));
        boolean provenance = !noProvenance;
        int d = depth == null ? 2 : depth;
        ExportFormat f;
        Selection selection;
        try {
            f = ExportFormat.parse(format);
            selection = new Selection(center, d, between, from, to, type, cypher, values, provenance, asOf).validated();
        } catch (ExportException e) {
            throw usage(e.getMessage());
        }
        if (f == ExportFormat.CSV && output == null) {
            throw usage("csv is two files: give -o DIRECTORY or -o FILE.zip");
        }
        if (overrides.isEmpty() && ServerHandoff.storeHeldByServer()) {
            err.println("The store is in use by a running dealgraph; exporting through it at " + ServerHandoff.localServer() + ".");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("center", center);
            body.put("depth", d);
            body.put("between", between.isEmpty() ? null : between);
            body.put("from", from);
            body.put("to", to);
            body.put("type", type);
            body.put("asOf", asOf);
            body.put("query", cypher);
            body.put("params", values.isEmpty() ? null : values);
            body.put("provenance", provenance);
            body.put("format", f.name().toLowerCase(Locale.ROOT));
            return new ServerExport(ServerHandoff.localServer(), err).export(body, f, output, out);
        }
        ConfigurableApplicationContext context;
        try {
            context = JobContext.open(overrides);
        } catch (RuntimeException e) {
            return failed("cannot open the graph: " + Commands.rootMessage(e));
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
            return failed(e.getMessage());
        } catch (RuntimeException e) {
            return failed("failed: " + Commands.rootMessage(e));
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
                err.println("dealgraph export: failed: " + Commands.rootMessage(e));
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
}
