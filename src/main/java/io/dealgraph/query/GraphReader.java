package io.dealgraph.query;

import io.dealgraph.store.StoreSettings;
import java.util.List;
import java.util.Map;
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

    /** Runs {@code cypher/queries/NAME.cypher} with these parameters and returns all its rows. */
    List<Record> run(String name, Map<String, Object> parameters) {
        String text = QueryFiles.text(name);
        try (Session s = driver.session(session)) {
            return s.executeRead(tx -> tx.run(text, parameters).list(), transaction);
        }
    }

    Driver driver() {
        return driver;
    }

    SessionConfig readSession() {
        return session;
    }
}
