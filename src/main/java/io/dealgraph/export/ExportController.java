package io.dealgraph.export;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/export?center=Anthropic&depth=2&format=graphml} and {@code POST /api/export} with a JSON body
 * (the same fields, plus {@code query} and {@code params} for a read-only Cypher query). The file streams out as
 * it is read; everything that can go wrong with the request is found before the first byte and answered with a
 * problem document.
 */
@RestController
@RequestMapping("/api/export")
@Tag(name = "Export", description = "Subgraphs for reports and other tools: JSON, GraphML, CSV, Cypher, HTML, SVG, PNG")
class ExportController {

    /** The POST body: the selection, the format and (csv only) one of the two files. */
    record ExportRequest(String center, Object depth, List<String> between, String from, String to, String type,
                         String query, Map<String, Object> params, Boolean provenance, String format, String part,
                         String asOf) {
    }

    private final Exporter exporter;

    ExportController(Exporter exporter) {
        this.exporter = exporter;
    }

    @GetMapping
    @Operation(summary = "Export a subgraph", description = "The selection (an entity and its neighbourhood, the paths between two, "
            + "or everything) in one format; dates, deal type and asOf narrow it. Larger than dealgraph.export.max-elements is 413.")
    void get(@RequestParam(required = false) String center, @RequestParam(required = false) String depth,
             @RequestParam(required = false) List<String> between, @RequestParam(required = false) String from,
             @RequestParam(required = false) String to, @RequestParam(required = false) String type,
             @RequestParam(required = false) String provenance, @RequestParam(defaultValue = "json") String format,
             @RequestParam(required = false) String part, @RequestParam(required = false) String asOf,
             HttpServletResponse response) throws IOException {
        Selection selection = new Selection(center, depth(depth), split(between), from, to, type, null, null,
                flag(provenance), asOf);
        export(selection, format, part, response);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Export the subgraph a read-only Cypher query returns", description = "The nodes, relationships and paths the query returns, in the format asked for; the query is refused unless it only reads.")
    void post(@RequestBody ExportRequest body, @RequestParam(required = false) String format,
              HttpServletResponse response) throws IOException {
        String depth = body.depth() == null ? null : String.valueOf(body.depth());
        Selection selection = new Selection(body.center(), depth(depth), split(body.between()), body.from(), body.to(),
                body.type(), body.query(), body.params(), body.provenance() == null || body.provenance(), body.asOf());
        String f = body.format() != null ? body.format() : format != null ? format : "json";
        export(selection, f, body.part(), response);
    }

    private void export(Selection selection, String formatName, String part, HttpServletResponse response)
            throws IOException {
        ExportFormat format = ExportFormat.parse(formatName);
        if (part != null && !(format == ExportFormat.CSV && (part.equals("nodes") || part.equals("relationships")))) {
            throw ExportException.badRequest("part is for csv only: nodes or relationships");
        }
        Exporter.Opened opened = exporter.open(selection, format);
        boolean zip = part == null;
        String name = part != null ? selection.fileStem() + "-" + part + ".csv" : opened.fileName(zip);
        response.setContentType(opened.contentType(zip));
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition
                .builder(format == ExportFormat.HTML || format == ExportFormat.SVG || format == ExportFormat.PNG ? "inline" : "attachment")
                .filename(name).build().toString());
        response.setHeader("X-Export-Nodes", String.valueOf(opened.nodes()));
        response.setHeader("X-Export-Relationships", String.valueOf(opened.relationships()));
        OutputStream out = response.getOutputStream();
        if (part != null) {
            exporter.writeCsvPart(opened, part, out);
        } else {
            exporter.write(opened, out);
        }
    }

    @ExceptionHandler(ExportException.class)
    ResponseEntity<ProblemDetail> refused(ExportException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static int depth(String depth) {
        if (depth == null || depth.isBlank()) {
            return Selection.DEFAULT_DEPTH;
        }
        try {
            return Integer.parseInt(depth.strip());
        } catch (NumberFormatException e) {
            throw ExportException.badRequest("depth must be 1, 2 or 3, not '" + depth + "'");
        }
    }

    /** {@code between=Amazon&between=OpenAI} or {@code between=Amazon,OpenAI}. */
    private static List<String> split(List<String> between) {
        List<String> names = new ArrayList<>();
        if (between != null) {
            between.forEach(b -> names.addAll(List.of(b.split(","))));
        }
        return names;
    }

    private static boolean flag(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw ExportException.badRequest("provenance must be true or false, not '" + value + "'");
    }
}
