package io.dealgraph.extract;

import java.util.List;

/**
 * Turns one document into facts. Implementations must be thread-safe and side-effect free,
 * so one instance can serve many threads (the rule-based one is; an LLM-backed one can be plugged in later).
 */
public interface Extractor {

    List<Fact> extract(Document doc);

    /** What the claims this extractor makes record as their reader; by default its class name. */
    default ExtractorVersion version() {
        return new ExtractorVersion(getClass().getName(), null);
    }
}
