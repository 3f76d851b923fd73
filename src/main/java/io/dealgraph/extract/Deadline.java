package io.dealgraph.extract;

import java.time.Duration;

/**
 * When the reading of one document must stop. The pipeline checks it between stages and at every sentence, so a
 * document that would cost more than its budget is given up within a sentence's work of the deadline, and so is one
 * whose thread is interrupted (a server shutting down, a run being stopped). Checking costs a clock read.
 */
public final class Deadline {

    private static final Deadline NONE = new Deadline(Long.MAX_VALUE, null);

    private final long nanos;
    private final Duration budget;

    private Deadline(long nanos, Duration budget) {
        this.nanos = nanos;
        this.budget = budget;
    }

    /** No time limit; an interrupted thread still stops. */
    public static Deadline none() {
        return NONE;
    }

    /** {@code budget} from now; zero or negative is already over. */
    public static Deadline after(Duration budget) {
        long now = System.nanoTime();
        long b = budget.toNanos();
        return new Deadline(b > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + b, budget);
    }

    /** The budget this deadline was set with; null for {@link #none()}. */
    public Duration budget() {
        return budget;
    }

    /** Throws {@link ExtractionAbandoned} once the deadline has passed or the thread has been interrupted. */
    public void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new ExtractionAbandoned(ExtractionAbandoned.Why.INTERRUPTED, budget);
        }
        if (budget != null && System.nanoTime() - nanos >= 0) {
            throw new ExtractionAbandoned(ExtractionAbandoned.Why.OVER_BUDGET, budget);
        }
    }
}
