package io.dealgraph.store;

import java.nio.file.Path;

/** The database cannot be reached or started, with the reason in a user's terms. */
public class StoreUnavailableException extends RuntimeException {

    private final String action;
    private final boolean locked;

    StoreUnavailableException(String message, String action, Throwable cause) {
        this(message, action, false, cause);
    }

    private StoreUnavailableException(String message, String action, boolean locked, Throwable cause) {
        super(message, cause);
        this.action = action;
        this.locked = locked;
    }

    /** Another process holds the data directory: typically a running dealgraph server with this store. */
    public boolean locked() {
        return locked;
    }

    public String action() {
        return action;
    }

    static StoreUnavailableException explain(Path home, RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            String text = String.valueOf(t.getMessage());
            if (name.equals("FileLockException") || text.contains("store_lock")) {
                return new StoreUnavailableException(
                        "The data directory " + home + " is in use by another process (another dealgraph or Neo4j holds its store lock).",
                        "Stop the other process, or give this one its own directory with DEALGRAPH_DATA_DIR. "
                                + "To work with the running server's graph, use its REST API or connect to its Bolt port.",
                        true, failure);
            }
            if (t instanceof java.net.BindException || text.contains("Address already in use")) {
                return new StoreUnavailableException(
                        "The Bolt port is already in use: " + text,
                        "Set DEALGRAPH_BOLT_PORT to a free port (0 picks one), or stop the process that holds it.",
                        failure);
            }
        }
        return new StoreUnavailableException("The embedded Neo4j database in " + home + " could not start: " + failure.getMessage(),
                "Check the directory is writable and see " + home.resolve("logs") + " for Neo4j's own log.", failure);
    }
}
