package io.dealgraph.ingest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingest runs that outlive their HTTP request (many documents at once, the watch directory, re-extraction). One runs at a time,
 * in submission order, so that the graph does not depend on which request arrived on which thread. The last
 * {@value #KEPT} jobs are remembered for their status page.
 */
public final class IngestJobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestJobs.class);
    static final int KEPT = 200;

    public enum State { QUEUED, RUNNING, DONE, FAILED }

    /** A job as its status page shows it. */
    public record Job(String id, String source, State state, Instant submitted, IngestProgress.Snapshot progress, String error) {
    }

    private final IngestService service;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ingest-jobs");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Tracked> jobs = new LinkedHashMap<>();

    private static final class Tracked {
        final String id;
        final String source;
        final Instant submitted = Instant.now();
        final IngestProgress progress = new IngestProgress();
        volatile State state = State.QUEUED;
        volatile String error;

        Tracked(String id, String source) {
            this.id = id;
            this.source = source;
        }

        Job view() {
            return new Job(id, source, state, submitted, progress.snapshot(), error);
        }
    }

    IngestJobs(IngestService service) {
        this.service = service;
    }

    /** Queues the inputs and returns at once with the job's id. */
    public Job submit(String source, List<IngestService.Input> inputs) {
        return submit(source, progress -> service.ingestAll(inputs, progress));
    }

    /** Queues a re-extraction of every stored document (after the jobs already queued). */
    public Job submitReextraction() {
        return submit("re-extraction", service::reextractAll);
    }

    private Job submit(String source, java.util.function.Consumer<IngestProgress> work) {
        Tracked t = new Tracked(UUID.randomUUID().toString(), source);
        synchronized (jobs) {
            jobs.put(t.id, t);
            while (jobs.size() > KEPT) {
                jobs.remove(jobs.keySet().iterator().next());
            }
        }
        runner.submit(() -> {
            t.state = State.RUNNING;
            try {
                work.accept(t.progress);
                t.state = State.DONE;
                IngestProgress.Snapshot s = t.progress.snapshot();
                log.info("Ingest job {} ({}): {} ingested, {} already present, {} rejected, {} claims in {} ms",
                        t.id, source, s.ingested(), s.duplicates(), s.rejected(), s.claims(), s.elapsed().toMillis());
            } catch (RuntimeException e) {
                t.error = e.getMessage();
                t.state = State.FAILED;
                log.warn("Ingest job {} ({}) failed: {}", t.id, source, e.toString());
            }
        });
        return t.view();
    }

    public Optional<Job> find(String id) {
        synchronized (jobs) {
            Tracked t = jobs.get(id);
            return Optional.ofNullable(t == null ? null : t.view());
        }
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
