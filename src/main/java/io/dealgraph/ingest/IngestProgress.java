package io.dealgraph.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counters of one ingest run, safe to read from another thread (the CLI's progress bar, a job's status
 * endpoint) while the run updates them.
 */
public final class IngestProgress {

    /** A document (or file) that was refused, and why. */
    public record Rejection(String name, String reason) {
    }

    /** A consistent-enough reading of the counters. */
    public record Snapshot(long inputs, long documentsRead, long ingested, long duplicates, long rejected, long claims,
                           Instant started, Instant finished, List<Rejection> rejections) {

        public long done() {
            return ingested + duplicates;
        }

        public Duration elapsed() {
            return Duration.between(started, finished != null ? finished : Instant.now());
        }

        /** Documents written or recognised as already there, per second of the run so far. */
        public double documentsPerSecond() {
            double s = elapsed().toNanos() / 1e9;
            return s <= 0 ? 0 : done() / s;
        }
    }

    private final Instant started = Instant.now();
    private volatile Instant finished;
    final AtomicLong inputs = new AtomicLong();
    final AtomicLong documentsRead = new AtomicLong();
    final AtomicLong ingested = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong claims = new AtomicLong();
    private final List<Rejection> rejections = Collections.synchronizedList(new ArrayList<>());

    void reject(String name, String reason) {
        rejections.add(new Rejection(name, reason));
    }

    void finish() {
        finished = Instant.now();
    }

    public boolean finished() {
        return finished != null;
    }

    public Snapshot snapshot() {
        List<Rejection> copy;
        synchronized (rejections) {
            copy = List.copyOf(rejections);
        }
        return new Snapshot(inputs.get(), documentsRead.get(), ingested.get(), duplicates.get(), copy.size(), claims.get(),
                started, finished, copy);
    }
}
