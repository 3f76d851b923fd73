package io.dealgraph.extract;

import java.util.List;

/**
 * Turns one document into facts. Implementations must be thread-safe and side-effect free,
 * so one instance can serve many threads (the rule-based one is; an LLM-backed one can be plugged in later).
 */
public interface Extractor {

    List<Fact> extract(Document doc);

    /**
     * As {@link #extract(Document)}, given up with {@link ExtractionAbandoned} once {@code deadline} passes. This
     * default checks only before and after; an extractor whose cost can grow with its input checks as it goes.
     */
    default List<Fact> extract(Document doc, Deadline deadline) {
        deadline.check();
        List<Fact> facts = extract(doc);
        deadline.check();
        return facts;
    }

    /** What the claims this extractor makes record as their reader; by default its class name. */
    default ExtractorVersion version() {
        return new ExtractorVersion(getClass().getName(), null);
    }
}
