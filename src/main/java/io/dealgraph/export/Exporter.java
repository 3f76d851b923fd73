package io.dealgraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Exports a selection in one format: {@link #open} checks the selection against the database and the limits
 * (so that errors come before any output), then a {@code write...} method streams it out.
 */
@Service
public class Exporter {

    private final SubgraphSource source;
    private final ExportSettings settings;

    public Exporter(Driver driver, @Value("${dealgraph.neo4j.database:neo4j}") String database, ExportSettings settings) {
        this.source = new SubgraphSource(driver, database, settings.maxElements());
        this.settings = settings;
    }

    /** An opened selection: counts known, nothing read yet. Close it (the write methods do). */
    public static final class Opened implements AutoCloseable {
        final SubgraphSource.OpenSubgraph graph;
        final Selection selection;
        final ExportFormat format;

        Opened(SubgraphSource.OpenSubgraph graph, Selection selection, ExportFormat format) {
            this.graph = graph;
            this.selection = selection;
            this.format = format;
        }

        public long nodes() {
            return graph.nodes;
        }

        public long relationships() {
            return graph.relationships;
        }

        /** A file name for the export: {@code anthropic-2.graphml}; csv over HTTP is a zip of the two files. */
        public String fileName(boolean zipCsv) {
            return selection.fileStem() + "." + (format == ExportFormat.CSV && zipCsv ? "zip" : format.extension);
        }

        public String contentType(boolean zipCsv) {
            return format == ExportFormat.CSV && zipCsv ? "application/zip" : format.contentType;
        }

        @Override
        public void close() {
            graph.close();
        }
    }

    public Opened open(Selection selection, ExportFormat format) {
        Selection s = selection.validated();
        long cap = format.streaming ? settings.maxElements() : Math.min(settings.maxElements(), settings.maxReportElements());
        return new Opened(source.open(s, cap), s, format);
    }

    /** Writes every format but csv to one stream (csv: {@link #writeCsv}); closes the selection, not the stream. */
    public void write(Opened opened, OutputStream out) {
        try (opened) {
            switch (opened.format) {
                case JSON -> opened.graph.stream(new JsonGraphWriter(out, opened.selection.describe()));
                case GRAPHML -> opened.graph.stream(new GraphmlWriter(out, opened.selection.describe()));
                case CYPHER -> opened.graph.stream(new CypherScriptWriter(out, opened.selection.describe()));
                case CSV -> writeCsvZip(opened, out);
                case HTML, SVG, PNG -> {
                    ReportGraph graph = new ReportGraph();
                    opened.graph.stream(graph);
                    Report report = new Report(graph, opened.selection);
                    switch (opened.format) {
                        case HTML -> report.writeHtml(out);
                        case SVG -> report.writeSvg(out);
                        default -> report.writePng(out);
                    }
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the whole selection from the database and keeps none of it, then closes it: what every format costs
     * before it writes a byte (the floor {@code bench export} sets its formats against).
     */
    public void read(Opened opened) {
        try (opened) {
            opened.graph.stream(new GraphSink() {
                @Override
                public void start(long nodes, long relationships) {
                }

                @Override
                public void node(GraphNode node) {
                }

                @Override
                public void relationship(GraphRelationship relationship) {
                }

                @Override
                public void finish() {
                }
            });
        }
    }

    /** csv as one zip holding nodes.csv and relationships.csv. */
    void writeCsvZip(Opened opened, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        opened.graph.stream(new CsvGraphWriter(new CsvGraphWriter.Files() {
            @Override
            public OutputStream open(String name) throws IOException {
                zip.putNextEntry(new ZipEntry(name));
                return zip;
            }

            @Override
            public void done(String name, OutputStream stream) throws IOException {
                zip.closeEntry();
            }
        }));
        zip.finish();
    }

    /** csv as one of its two files (over HTTP: {@code part=nodes}), the other discarded. */
    public void writeCsvPart(Opened opened, String part, OutputStream out) {
        String wanted = part.equals("nodes") ? CsvGraphWriter.NODES : CsvGraphWriter.RELATIONSHIPS;
        try (opened) {
            opened.graph.stream(new CsvGraphWriter(new CsvGraphWriter.Files() {
                @Override
                public OutputStream open(String name) {
                    return name.equals(wanted) ? out : OutputStream.nullOutputStream();
                }

                @Override
                public void done(String name, OutputStream stream) throws IOException {
                    stream.flush();
                }
            }));
        }
    }

    /** csv into a directory: {@code DIR/nodes.csv} and {@code DIR/relationships.csv}. */
    public void writeCsvDirectory(Opened opened, Path dir) {
        try (opened) {
            Files.createDirectories(dir);
            opened.graph.stream(new CsvGraphWriter(new CsvGraphWriter.Files() {
                @Override
                public OutputStream open(String name) throws IOException {
                    return new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve(name)), 1 << 16);
                }

                @Override
                public void done(String name, OutputStream stream) throws IOException {
                    stream.close();
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
