package io.dealgraph.ingest;

/** An input that is not a document dealgraph can read: the message says why, in words for the person who sent it. */
public class RejectedInputException extends Exception {

    private final boolean tooLarge;

    RejectedInputException(String message) {
        this(message, false);
    }

    RejectedInputException(String message, boolean tooLarge) {
        super(message);
        this.tooLarge = tooLarge;
    }

    /** Refused for its size, which HTTP reports as 413 rather than 400. */
    public boolean tooLarge() {
        return tooLarge;
    }
}
