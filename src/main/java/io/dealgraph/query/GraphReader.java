package io.dealgraph.query;

import io.dealgraph.store.StoreSettings;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.springframework.stereotype.Component;

/**
 * Runs the query files, always in read transactions (a cluster routes them to any member) and with the configured
 * timeout, so a slow query frees its server thread instead of holding it.
 */
@Component
class GraphReader {

    private final Driver driver;
    private final SessionConfig session;
    private final TransactionConfig transaction;

    GraphReader(Driver driver, StoreSettings store, QuerySettings settings) {
        this.driver = driver;
        this.session = SessionConfig.builder().withDatabase(store.database()).withDefaultAccessMode(AccessMode.READ).build();
        this.transaction = TransactionConfig.builder().withTimeout(settings.timeout()).build();
    }

    /** Runs {@code cypher/queries/NAME.cypher} with these parameters, alone in its transaction, and returns all its rows. */
    List<Record> run(String name, Map<String, Object> parameters) {
        return read(reads -> reads.run(name, parameters));
    }

    /**
     * Runs {@code work} in one read transaction. A request that resolves names and then answers does both here:
     * one session and one commit instead of two, which on a millisecond-scale query is a visible share of the time.
     * The driver may run {@code work} again after a transient failure (a cluster member going away), so it must
     * only read.
     */
    <T> T read(Function<Reads, T> work) {
        try (Session s = driver.session(session)) {
            return s.executeRead(tx -> work.apply((name, parameters) -> tx.run(QueryFiles.text(name), parameters).list()),
                    transaction);
        }
    }

    /** The query files, run inside one transaction. */
    @FunctionalInterface
    interface Reads {
        List<Record> run(String name, Map<String, Object> parameters);
    }

    Driver driver() {
        return driver;
    }

    SessionConfig readSession() {
        return session;
    }
}
