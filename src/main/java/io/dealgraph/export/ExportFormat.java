package io.dealgraph.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats an export can be written in, with what HTTP calls them and the file name extension. */
public enum ExportFormat {
    JSON("application/json", "json", true),
    GRAPHML("application/graphml+xml", "graphml", true),
    CSV("text/csv;charset=UTF-8", "csv", true),
    CYPHER("text/plain;charset=UTF-8", "cypher", true),
    HTML("text/html;charset=UTF-8", "html", false),
    SVG("image/svg+xml", "svg", false),
    PNG("image/png", "png", false);

    final String contentType;
    final String extension;
    /** Written as the rows arrive; the others (report and pictures) lay the subgraph out in memory first. */
    final boolean streaming;

    ExportFormat(String contentType, String extension, boolean streaming) {
        this.contentType = contentType;
        this.extension = extension;
        this.streaming = streaming;
    }

    public String extension() {
        return extension;
    }

    public static ExportFormat parse(String name) {
        if (name == null || name.isBlank()) {
            throw ExportException.badRequest("no format given; formats: " + names());
        }
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ExportException.badRequest("unknown format '" + name + "'; formats: " + names());
        }
    }

    public static String names() {
        return Arrays.stream(values()).map(f -> f.extension).collect(Collectors.joining(", "));
    }
}
