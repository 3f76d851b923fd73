package io.dealgraph.ingest;

import io.dealgraph.extract.Deadline;
import io.dealgraph.extract.Document;
import io.dealgraph.extract.ExtractionAbandoned;
import io.dealgraph.extract.Extractor;
import io.dealgraph.extract.Fact;
import java.time.Duration;
import java.util.List;

/**
 * {@code dealgraph.ingest.extraction-budget}: how long reading one document may take. A document that would take
 * longer is refused as an input the service cannot read, like one that is too large, rather than holding a worker
 * (and, for a request, its client) for as long as its shape makes the extractor work; nothing of it is written.
 */
public final class ExtractionBudget {

    private final Duration budget;

    public ExtractionBudget(Duration budget) {
        this.budget = budget;
    }

    public Duration budget() {
        return budget;
    }

    /** The facts of {@code doc}, read by {@code extractor} within the budget, which starts now. */
    public List<Fact> extract(Extractor extractor, Document doc) throws RejectedInputException {
        try {
            return extractor.extract(doc, Deadline.after(budget));
        } catch (ExtractionAbandoned e) {
            throw refusal(e);
        }
    }

    static RejectedInputException refusal(ExtractionAbandoned e) {
        return e.why() == ExtractionAbandoned.Why.OVER_BUDGET
                ? new RejectedInputException(e.getMessage() + " (DEALGRAPH_EXTRACTION_BUDGET)", RejectedInputException.Kind.TOO_COSTLY)
                : new RejectedInputException(e.getMessage() + " (the service is stopping)", RejectedInputException.Kind.STOPPED);
    }
}
