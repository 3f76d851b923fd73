package io.dealgraph.store;

/** A listener would be reachable from the network without a credential. */
public class UnsafeExposureException extends RuntimeException {

    private final String action;

    UnsafeExposureException(String message, String action) {
        super(message);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
