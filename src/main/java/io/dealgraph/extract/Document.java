package io.dealgraph.extract;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One news document as the extractor sees it. {@code text} is the normalised article text; fact offsets point into it.
 * {@code published} may be null: relative dates then stay unresolved.
 */
public record Document(String id, String url, String title, LocalDate published, String text) {

    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }

    public static Document of(String id, String text) {
        return new Document(id, null, null, null, text);
    }

    public Document withPublished(LocalDate date) {
        return new Document(id, url, title, date, text);
    }
}
