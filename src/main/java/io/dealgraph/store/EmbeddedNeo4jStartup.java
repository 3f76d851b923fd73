package io.dealgraph.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Starts the embedded database on its own thread as soon as the context asks for it, so that the web server,
 * MVC and actuator are built during Neo4j's start instead of after it. The first caller that needs the
 * database waits here.
 */
final class EmbeddedNeo4jStartup implements AutoCloseable {

    private final CompletableFuture<EmbeddedNeo4j> started;

    EmbeddedNeo4jStartup(EmbeddedSettings settings, String database) {
        this.started = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(settings, database);
                neo4j.warmUp();
                started.complete(neo4j);
            } catch (Throwable e) {
                started.completeExceptionally(e);
            }
        }, "embedded-neo4j-start");
        starter.setDaemon(true);
        starter.start();
    }

    EmbeddedNeo4j get() {
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            get().close();
        } catch (RuntimeException e) {
            // It never started; there is nothing to stop.
        }
    }
}
