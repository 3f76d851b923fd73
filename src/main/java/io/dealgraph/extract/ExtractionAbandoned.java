package io.dealgraph.extract;

import java.time.Duration;

/**
 * The reading of a document was given up: it would have cost more than its time budget, or its thread was told to
 * stop. No facts come out of it, so nothing half-read can reach the graph.
 */
public final class ExtractionAbandoned extends RuntimeException {

    public enum Why { OVER_BUDGET, INTERRUPTED }

    private final Why why;
    private final Duration budget;

    ExtractionAbandoned(Why why, Duration budget) {
        super(why == Why.OVER_BUDGET ? "reading it took longer than its time budget of " + human(budget)
                : "its reading was stopped before it ended", null, false, false);
        this.why = why;
        this.budget = budget;
    }

    public Why why() {
        return why;
    }

    /** The budget that was exceeded; null when there was none. */
    public Duration budget() {
        return budget;
    }

    private static String human(Duration d) {
        if (d.toMillis() % 1000 != 0 || d.isZero()) {
            return d.toMillis() + " ms";
        }
        return d.toSeconds() + " s";
    }
}
