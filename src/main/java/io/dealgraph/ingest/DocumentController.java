package io.dealgraph.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealgraph.extract.Document;
import io.dealgraph.extract.FactFormat;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/documents}: one document is ingested before the response (201, with what was read in it; 200 and
 * no facts for one the graph already holds, which is not read again); several (a JSON array, JSON lines, a
 * multi-file upload) become a job (202, follow {@code Location} to {@code GET /api/jobs/{id}}). Whatever the door, a
 * document is checked by {@link Inputs} first, its reading is bounded by the extraction budget (422 past it), and a
 * refused one leaves the graph untouched.
 */
@RestController
@Tag(name = "Documents", description = "Documents in: one at a time, in batches, uploads; ingest jobs; re-extraction")
class DocumentController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final IngestService ingest;
    private final IngestJobs jobs;

    DocumentController(IngestService ingest, IngestJobs jobs) {
        this.ingest = ingest;
        this.jobs = jobs;
    }

    /** The answer for one document: its id (SHA-256 of its text) and the facts read in it, in the facts format. */
    record Ingested(String documentId, String name, String status, String existingId, int claims, List<JsonNode> facts) {
    }

    @Operation(summary = "Ingest documents", description = "One document (text, Markdown, HTML or a JSON record) is read at once: 201 with its facts, or 200 when the graph already has it. JSON lines, a JSON array and uploads of several files become a job: 202 and its address in Location. A refused document is 400/413/422 problem JSON and nothing of it is written.")
    @PostMapping(path = "/api/documents", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/x-ndjson", "application/jsonl",
            MediaType.TEXT_PLAIN_VALUE, MediaType.TEXT_MARKDOWN_VALUE, MediaType.TEXT_HTML_VALUE})
    ResponseEntity<?> body(HttpServletRequest request, @RequestParam(required = false) String name,
                           @RequestParam(required = false) String url, @RequestParam(required = false) String title,
                           @RequestParam(required = false) String published) throws IOException, RejectedInputException {
        LocalDate date = date(published);
        String type = String.valueOf(request.getContentType()).toLowerCase(java.util.Locale.ROOT);
        String ext = type.startsWith("application/json") ? ".json" : type.contains("ndjson") || type.contains("jsonl") ? ".jsonl"
                : type.startsWith("text/html") ? ".html" : type.startsWith("text/markdown") ? ".md" : ".txt";
        String docName = name != null && !name.isBlank() ? name : "request";
        byte[] bytes = ingest.inputs().readLimited(request.getInputStream());
        List<Document> docs = ingest.inputs().parse(docName.endsWith(ext) ? docName : docName + ext, bytes, date);
        if (!ext.startsWith(".json")) {
            Document d = docs.get(0);
            docs = List.of(new Document(docName, url != null ? url : d.url(), title != null ? title : d.title(), d.published(), d.text()));
        }
        return respond(docName, docs.size() == 1 && !ext.equals(".jsonl") ? docs : null, List.of(IngestService.Input.documents(docName, docs)));
    }

    @PostMapping(path = "/api/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> upload(@RequestPart("file") List<MultipartFile> files, @RequestParam(required = false) String published)
            throws IOException, RejectedInputException {
        LocalDate date = date(published);
        if (files.size() == 1) {
            MultipartFile f = files.get(0);
            List<Document> docs = ingest.inputs().parse(filename(f), ingest.inputs().readLimited(f.getInputStream()), date);
            return respond(filename(f), docs.size() == 1 ? docs : null, List.of(IngestService.Input.documents(filename(f), docs)));
        }
        // Many files: each is checked on its own in the job, and a refused one is reported there, not fatal here.
        List<IngestService.Input> inputs = new ArrayList<>();
        for (MultipartFile f : files) {
            byte[] bytes = f.getSize() > ingest.inputs().maxBytes() ? null : f.getBytes();
            String n = filename(f);
            inputs.add(new IngestService.Input() {
                @Override
                public String name() {
                    return n;
                }

                @Override
                public List<Document> read(Inputs in) throws RejectedInputException {
                    if (bytes == null) {
                        throw new RejectedInputException("it is larger than the document limit (DEALGRAPH_MAX_DOCUMENT_SIZE)", true);
                    }
                    return in.parse(n, bytes, date);
                }
            });
        }
        return respond(files.size() + " files", null, inputs);
    }

    private ResponseEntity<?> respond(String source, List<Document> single, List<IngestService.Input> inputs)
            throws RejectedInputException {
        if (single != null) {
            IngestService.DocumentOutcome o = ingest.ingest(single.get(0));
            List<JsonNode> facts = new ArrayList<>();
            for (var f : o.facts()) {
                try {
                    facts.add(JSON.readTree(FactFormat.jsonLine(f)));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            Ingested body = new Ingested(o.documentId(), o.name(), o.status(), o.existingId(), o.claims(), facts);
            return ResponseEntity.status(o.status().equals("ingested") ? HttpStatus.CREATED : HttpStatus.OK).body(body);
        }
        IngestJobs.Job job = jobs.submit(source, inputs);
        return ResponseEntity.accepted().location(URI.create("/api/jobs/" + job.id())).body(job);
    }

    @Operation(summary = "Follow an ingest or re-extraction job", description = "Its state (QUEUED, RUNNING, DONE, FAILED) and progress: documents ingested, duplicates, refusals with their reasons, claims.")
    @GetMapping("/api/jobs/{id}")
    ResponseEntity<?> job(@PathVariable String id) {
        return jobs.find(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> problem(HttpStatus.NOT_FOUND,
                "No such job", "There is no ingest job " + id + " (jobs are kept in memory for the " + IngestJobs.KEPT
                        + " most recent, until the server restarts)."));
    }

    @ExceptionHandler(RejectedInputException.class)
    ResponseEntity<ProblemDetail> rejected(RejectedInputException e) {
        HttpStatus status = switch (e.kind()) {
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            // well-formed, but more work than one document may cost
            case TOO_COSTLY -> HttpStatus.UNPROCESSABLE_ENTITY;
            case STOPPED -> HttpStatus.SERVICE_UNAVAILABLE;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
        return problem(status, "Document refused", "The document was not ingested: " + e.getMessage() + ". Nothing was written.");
    }

    @ExceptionHandler(GraphWriter.ReextractionInProgress.class)
    ResponseEntity<ProblemDetail> busy(GraphWriter.ReextractionInProgress e) {
        return problem(HttpStatus.CONFLICT, "Re-extraction in progress", "The document was not ingested: " + e.getMessage() + ".");
    }

    @ExceptionHandler(IngestService.ReextractionRefused.class)
    ResponseEntity<ProblemDetail> refused(IngestService.ReextractionRefused e) {
        return problem(HttpStatus.CONFLICT, "Re-extraction refused", "Nothing was changed: " + e.getMessage() + ".");
    }

    /**
     * {@code POST /api/reextract}: reads every stored document again with the current extractor, as a job (202, follow
     * {@code Location}); 409 when some documents have no stored text.
     */
    @Operation(summary = "Read every stored document again", description = "With the current extractor, as a job (202, follow Location); the graph ends as a fresh ingest of the same documents would leave it. 409 when some documents have no stored text.")
    @PostMapping("/api/reextract")
    ResponseEntity<?> reextract() {
        ingest.checkReextraction();
        IngestJobs.Job job = jobs.submitReextraction();
        return ResponseEntity.accepted().location(URI.create("/api/jobs/" + job.id())).body(job);
    }

    @ExceptionHandler(BadParameterException.class)
    ResponseEntity<ProblemDetail> badParameter(BadParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "Bad parameter", e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private static String filename(MultipartFile f) {
        String n = f.getOriginalFilename();
        return n == null || n.isBlank() ? "upload.txt" : n;
    }

    private static LocalDate date(String published) {
        if (published == null || published.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(published);
        } catch (DateTimeParseException e) {
            throw new BadParameterException("published must be a date as YYYY-MM-DD, not '" + published + "'");
        }
    }

    static final class BadParameterException extends RuntimeException {
        BadParameterException(String message) {
            super(message);
        }
    }

}
