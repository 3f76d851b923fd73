package io.dealgraph.ingest;

import io.dealgraph.extract.Document;
import io.dealgraph.extract.Extractor;
import io.dealgraph.extract.Fact;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one ingest pipeline behind every door (CLI, REST, watch directory): check the input, read its documents,
 * extract facts on worker threads, and write them in batches, each batch one transaction, in input order (so the
 * graph does not depend on thread timing: a run that is interrupted and resumed ends with the graph of a run that
 * was not).
 */
public final class IngestService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    /** What one document became. {@code status} is {@code ingested} or {@code duplicate}. */
    public record DocumentOutcome(String name, String documentId, String status, String existingId, List<Fact> facts, int claims) {
    }

    /** Where the documents of a run come from: a name for messages and a way to read them. */
    public interface Input {
        String name();

        List<Document> read(Inputs inputs) throws RejectedInputException, IOException;

        static Input file(Path path, LocalDate defaultPublished) {
            return new Input() {
                @Override
                public String name() {
                    return path.toString();
                }

                @Override
                public List<Document> read(Inputs inputs) throws RejectedInputException, IOException {
                    return inputs.read(path, defaultPublished);
                }
            };
        }

        static Input documents(String name, List<Document> documents) {
            return new Input() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public List<Document> read(Inputs inputs) {
                    return documents;
                }
            };
        }
    }

    private final Extractor extractor;
    private final GraphWriter writer;
    private final Inputs inputs;
    private final IngestSettings settings;
    private final ExtractionBudget budget;
    private final ExecutorService workers;

    IngestService(Extractor extractor, GraphWriter writer, Inputs inputs, IngestSettings settings) {
        this.extractor = extractor;
        this.writer = writer;
        this.inputs = inputs;
        this.settings = settings;
        this.budget = new ExtractionBudget(settings.extractionBudget());
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.workers(), r -> {
            Thread t = new Thread(r, "ingest-extract-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public Inputs inputs() {
        return inputs;
    }

    /** The same service reading with another extractor (development tooling: scoring the graph on gold facts). */
    public IngestService using(Extractor other) {
        return new IngestService(other, writer, inputs, settings);
    }

    /**
     * Ingests one document now, in its own transaction. One the graph already holds (same text or URL) is answered as
     * a duplicate without being read again; one whose reading would take longer than the extraction budget is
     * refused, and nothing of it is written.
     */
    public DocumentOutcome ingest(Document document) throws RejectedInputException {
        String hash = ExtractedDocument.sha256(document.text());
        ExtractedDocument d = writer.known(List.of(document), List.of(hash)).isEmpty()
                ? ExtractedDocument.read(document, hash, extractor, budget) : ExtractedDocument.known(document, hash, extractor);
        return outcome(writer.write(List.of(d)).get(0));
    }

    /**
     * Ingests every input in order. Inputs that cannot be read are recorded in {@code progress} and skipped; a batch
     * the database refuses is retried document by document so that only the offending document is lost.
     */
    public void ingestAll(List<Input> all, IngestProgress progress) {
        progress.inputs.set(all.size());
        try {
            List<Document> pending = new ArrayList<>();
            CompletableFuture<List<ExtractedDocument>> extracting = CompletableFuture.completedFuture(List.of());
            for (Input input : all) {
                try {
                    List<Document> docs = input.read(inputs);
                    progress.documentsRead.addAndGet(docs.size());
                    pending.addAll(docs);
                } catch (RejectedInputException e) {
                    progress.reject(input.name(), e.getMessage());
                } catch (IOException e) {
                    progress.reject(input.name(), "cannot be read: " + e.getMessage());
                }
                if (pending.size() >= settings.batchSize()) {
                    List<ExtractedDocument> ready = extracting.join();
                    extracting = extract(List.copyOf(pending), progress);
                    pending.clear();
                    write(ready, progress);
                }
            }
            List<ExtractedDocument> ready = extracting.join();
            extracting = extract(List.copyOf(pending), progress);
            write(ready, progress);
            write(extracting.join(), progress);
        } finally {
            progress.finish();
        }
    }

    /** Why a re-extraction cannot start. */
    public static final class ReextractionRefused extends RuntimeException {
        ReextractionRefused(String message) {
            super(message);
        }
    }

    /**
     * Checks that every document the graph holds can be read again; throws {@link ReextractionRefused} saying what
     * to do when some cannot.
     */
    public void checkReextraction() {
        long missing = writer.documentsWithoutText();
        if (missing > 0) {
            throw new ReextractionRefused(missing + " document" + (missing == 1 ? " was" : "s were")
                    + " ingested before dealgraph kept the texts it reads; ingest the same files again (they are"
                    + " recognised by content, nothing is duplicated, and their texts are kept), then re-extract");
        }
    }

    /**
     * Runs the current extractor over every document the graph holds, in the order they were first ingested, a batch
     * per transaction: each batch's earlier claims, and what only they supported, are replaced by what is read now.
     * The run ends with the graph a fresh ingest of the same documents gives. An interrupted run resumes where it
     * stopped; ordinary ingest waits until it ends. Progress counts documents re-read as ingested.
     */
    public void reextractAll(IngestProgress progress) {
        try {
            checkReextraction();
            String run = writer.beginReextraction("reextract-" + java.time.Instant.now());
            List<String> ids = writer.documentsToReread(run);
            progress.inputs.set(ids.size());
            log.info("Re-extraction {}: {} documents to read again with {}", run, ids.size(), extractor.version().extractor());
            int size = settings.batchSize();
            CompletableFuture<List<ExtractedDocument>> extracting = CompletableFuture.completedFuture(List.of());
            for (int from = 0; from <= ids.size(); from += size) {
                List<GraphWriter.StoredDocument> stored = from < ids.size()
                        ? writer.stored(ids.subList(from, Math.min(ids.size(), from + size))) : List.of();
                progress.documentsRead.addAndGet(stored.size());
                List<ExtractedDocument> ready = extracting.join();
                extracting = reread(stored, progress);
                replace(ready, run, progress);
            }
            replace(extracting.join(), run, progress);
            writer.endReextraction();
        } finally {
            progress.finish();
        }
    }

    /**
     * Re-reading of one batch. A document whose reading now exceeds the budget is reported and left as it was: its
     * earlier claims stay, as a refused document changes nothing.
     */
    private CompletableFuture<List<ExtractedDocument>> reread(List<GraphWriter.StoredDocument> docs, IngestProgress progress) {
        List<CompletableFuture<ExtractedDocument>> parts = new ArrayList<>(docs.size());
        for (GraphWriter.StoredDocument d : docs) {
            parts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return ExtractedDocument.reread(d.document(), d.received(), extractor, budget);
                } catch (RejectedInputException e) {
                    progress.reject(d.document().id(), e.getMessage() + "; its earlier reading is kept");
                    return null;
                }
            }, workers));
        }
        return all(parts);
    }

    private void replace(List<ExtractedDocument> batch, String run, IngestProgress progress) {
        if (!batch.isEmpty()) {
            writer.replace(batch, run).forEach(w -> count(w, progress));
        }
    }

    /**
     * Extraction of one batch, spread over the workers, results in input order. Documents the graph already holds, or
     * that came earlier in the batch, are not read again (the write finds them duplicates); a document whose reading
     * exceeds the budget is reported refused and left out.
     */
    private CompletableFuture<List<ExtractedDocument>> extract(List<Document> docs, IngestProgress progress) {
        if (docs.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        List<String> hashes = docs.stream().map(d -> ExtractedDocument.sha256(d.text())).toList();
        Set<String> known = writer.known(docs, hashes);
        Set<String> seen = new HashSet<>();
        List<CompletableFuture<ExtractedDocument>> parts = new ArrayList<>(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            Document d = docs.get(i);
            String hash = hashes.get(i);
            if (known.contains(hash) || !seen.add(hash)) {
                parts.add(CompletableFuture.completedFuture(ExtractedDocument.known(d, hash, extractor)));
                continue;
            }
            parts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return ExtractedDocument.read(d, hash, extractor, budget);
                } catch (RejectedInputException e) {
                    progress.reject(d.id(), e.getMessage());
                    return null;
                }
            }, workers));
        }
        return all(parts);
    }

    /** The results in order, without the documents that were refused (null). */
    private static CompletableFuture<List<ExtractedDocument>> all(List<CompletableFuture<ExtractedDocument>> parts) {
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .thenApply(v -> parts.stream().map(CompletableFuture::join).filter(java.util.Objects::nonNull).toList());
    }

    private void write(List<ExtractedDocument> batch, IngestProgress progress) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            batch = List.copyOf(batch);
            writer.write(batch).forEach(w -> count(w, progress));
        } catch (GraphWriter.ReextractionInProgress e) {
            batch.forEach(d -> progress.reject(d.document().id(), e.getMessage()));
        } catch (Neo4jException e) {
            if (batch.size() == 1) {
                log.warn("Document {} was not written: {}", batch.get(0).document().id(), e.getMessage());
                progress.reject(batch.get(0).document().id(), "the database refused it: " + e.getMessage());
                return;
            }
            // Typically another writer committed one of these documents first; one by one, each finds out alone.
            for (ExtractedDocument d : batch) {
                write(List.of(d), progress);
            }
        }
    }

    private static void count(GraphWriter.Written w, IngestProgress progress) {
        if (w.status() == GraphWriter.Status.INGESTED) {
            progress.ingested.incrementAndGet();
            progress.claims.addAndGet(w.claims());
        } else {
            progress.duplicates.incrementAndGet();
        }
    }

    private static DocumentOutcome outcome(GraphWriter.Written w) {
        ExtractedDocument d = w.document();
        return new DocumentOutcome(d.document().id(), d.hash(), w.status() == GraphWriter.Status.INGESTED ? "ingested" : "duplicate",
                w.existingId(), d.facts(), w.claims());
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
