package io.dealgraph.ingest;

import io.dealgraph.extract.Document;
import io.dealgraph.extract.Extractor;
import io.dealgraph.extract.ExtractorVersion;
import io.dealgraph.extract.Fact;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

/**
 * A document and the facts read from it, ready to write. {@code hash} (SHA-256 of the text) is its node id;
 * {@code received} the day the graph first got it (today for a new document, the original day when one is
 * re-extracted), which stands in for the publication date when the document has none; {@code version} what
 * read it.
 */
record ExtractedDocument(Document document, String hash, List<Fact> facts, LocalDate received, ExtractorVersion version) {

    ExtractedDocument {
        facts = List.copyOf(facts);
    }

    /** A document and the facts {@code extractor} already read in it, received today (tests that write prepared documents). */
    static ExtractedDocument of(Document document, List<Fact> facts, Extractor extractor) {
        return new ExtractedDocument(document, sha256(document.text()), facts, LocalDate.now(ZoneOffset.UTC), extractor.version());
    }

    /** A document new to the graph (its text hashing to {@code hash}), read now by {@code extractor} within {@code budget}. */
    static ExtractedDocument read(Document document, String hash, Extractor extractor, ExtractionBudget budget)
            throws RejectedInputException {
        return new ExtractedDocument(document, hash, budget.extract(extractor, document), LocalDate.now(ZoneOffset.UTC), extractor.version());
    }

    /**
     * A document the graph already holds, not read again: written, it is recognised as a duplicate, and all it can
     * add is its text where the graph held the document without it.
     */
    static ExtractedDocument known(Document document, String hash, Extractor extractor) {
        return new ExtractedDocument(document, hash, List.of(), LocalDate.now(ZoneOffset.UTC), extractor.version());
    }

    /** A document the graph holds, received on {@code received}, read again by {@code extractor} within {@code budget}. */
    static ExtractedDocument reread(Document document, LocalDate received, Extractor extractor, ExtractionBudget budget)
            throws RejectedInputException {
        return new ExtractedDocument(document, sha256(document.text()), budget.extract(extractor, document), received, extractor.version());
    }

    /** When the document's claims became known: its publication date, else the day it was received. */
    LocalDate publishedOrIngested() {
        return document.published() != null ? document.published() : received;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
