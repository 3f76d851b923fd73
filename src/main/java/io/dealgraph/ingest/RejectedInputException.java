package io.dealgraph.ingest;

/** An input that is not a document dealgraph can read: the message says why, in words for the person who sent it. */
public class RejectedInputException extends Exception {

    /** Why, as far as an answer's status code cares. */
    public enum Kind {
        /** Not a document: empty, binary, invalid UTF-8 or JSON, no text. */
        INVALID,
        /** Over the size limit. */
        TOO_LARGE,
        /** Readable, but reading it would take longer than the extraction budget. */
        TOO_COSTLY,
        /** Its reading was stopped (the service is shutting down): not the document's fault. */
        STOPPED
    }

    private final Kind kind;

    RejectedInputException(String message) {
        this(message, Kind.INVALID);
    }

    RejectedInputException(String message, boolean tooLarge) {
        this(message, tooLarge ? Kind.TOO_LARGE : Kind.INVALID);
    }

    RejectedInputException(String message, Kind kind) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Refused for its size, which HTTP reports as 413 rather than 400. */
    public boolean tooLarge() {
        return kind == Kind.TOO_LARGE;
    }
}
