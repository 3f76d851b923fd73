package io.dealgraph.query;

import io.dealgraph.store.EmbeddedNeo4j;
import io.dealgraph.store.StoreSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.driver.internal.InternalRecord;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.kernel.api.exceptions.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Runs the query files, always in read transactions and with the configured timeout, so a slow query frees its
 * server thread instead of holding it.
 *
 * <p>Against a server or cluster they go over Bolt (a cluster routes read transactions to any member). With the
 * embedded database they run, by default, through its Java API on the request's own thread: the same Cypher text
 * and parameters, without the Bolt round trips to ourselves, each of which costs about a millisecond of thread
 * hand-offs (see docs/benchmarks.md). Rows come back as driver records either way, and database errors as driver
 * exceptions, so nothing above this class can tell the two apart.
 *
 * <p>The timeout is there for queries whose data makes them run long, not for the planner. The first run of a
 * larger file in a JVM spends seconds planning it (5 to 8 s on two cores with the planner cold, and longer while the
 * language models load beside it), and that time counts against the transaction's limit. So a transaction that times
 * out after planning a text for the first time is run once more, with the plan now cached; a second timeout is the
 * query's own and goes to the caller.
 */
@Component
class GraphReader {

    private static final Logger log = LoggerFactory.getLogger(GraphReader.class);

    private final Driver driver;
    private final SessionConfig session;
    private final TransactionConfig transaction;
    private final long timeoutMillis;
    /** Looked up once, on the first query (the embedded database is up by then): empty over Bolt. */
    private final SingletonSupplier<Optional<GraphDatabaseService>> inProcess;
    /** Cypher texts this JVM has run or explained at least once: their plans are in the database's cache. */
    private final Set<String> planned = ConcurrentHashMap.newKeySet();

    GraphReader(Driver driver, StoreSettings store, QuerySettings settings, ObjectProvider<EmbeddedNeo4j> embedded) {
        this.driver = driver;
        this.session = SessionConfig.builder().withDatabase(store.database()).withDefaultAccessMode(AccessMode.READ).build();
        this.transaction = TransactionConfig.builder().withTimeout(settings.timeout()).build();
        this.timeoutMillis = settings.timeout().toMillis();
        this.inProcess = SingletonSupplier.of(() -> settings.inProcess()
                ? Optional.ofNullable(embedded.getIfAvailable()).map(EmbeddedNeo4j::database) : Optional.empty());
    }

    /** Runs {@code cypher/queries/NAME.cypher} with these parameters, alone in its transaction, and returns all its rows. */
    List<Record> run(String name, Map<String, Object> parameters) {
        return read(reads -> reads.run(name, parameters));
    }

    /**
     * Runs {@code work} in one read transaction. A request that resolves names and then answers does both here.
     * Over Bolt the driver may run {@code work} again after a transient failure (a cluster member going away), so it
     * must only read.
     */
    <T> T read(Function<Reads, T> work) {
        Attempt first = new Attempt();
        long started = System.nanoTime();
        try {
            return attempt(work, first);
        } catch (Neo4jException e) {
            if (!timedOut(e)) {
                throw e;
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (!first.plannedCold) {
                log.warn("A query timed out after {} ms (limit {} ms)", millis, timeoutMillis);
                throw e;
            }
            log.info("A query timed out after {} ms on its first run in this server, its time spent planning; running it once more", millis);
            return attempt(work, new Attempt());
        }
    }

    private <T> T attempt(Function<Reads, T> work, Attempt attempt) {
        GraphDatabaseService db = inProcessDatabase();
        if (db != null) {
            try (Transaction tx = db.beginTx(timeoutMillis, TimeUnit.MILLISECONDS)) {
                return work.apply((cypher, parameters) -> attempt.run(cypher, () -> rows(tx, cypher, parameters)));
            } catch (RuntimeException e) {
                throw asDriverException(e);
            }
        }
        try (Session s = driver.session(session)) {
            return s.executeRead(tx -> work.apply((cypher, parameters) -> attempt.run(cypher, () -> tx.run(cypher, parameters).list())),
                    transaction);
        }
    }

    /** Whether the database ended the transaction for running past its timeout (not for a shutdown or a kill). */
    static boolean timedOut(Neo4jException e) {
        return e.code() != null && e.code().contains("TimedOut");
    }

    /**
     * One run of a transaction's work. A text is marked planned only once it has run to the end: a timeout while
     * planning leaves it cold, and leaves the attempt flagged for its one more run.
     */
    private final class Attempt {

        /** Whether this attempt started a text this JVM had never run before. */
        boolean plannedCold;

        List<Record> run(String cypher, Supplier<List<Record>> rows) {
            if (!planned.contains(cypher)) {
                plannedCold = true;
            }
            List<Record> result = rows.get();
            planned.add(cypher);
            return result;
        }
    }

    /** Plans {@code cypher/queries/NAME.cypher} without running it, on the path requests take, so its plan is cached. */
    void explain(String name, Map<String, Object> parameters) {
        read(reads -> {
            reads.explain(name, parameters);
            return null;
        });
        planned.add(QueryFiles.text(name)); // EXPLAIN caches the plan its text without EXPLAIN runs with
    }

    /**
     * The value of a constant Cypher expression, as Neo4j Browser's {@code :param} computes it. Only for the
     * documented examples in our own query files, never for anything a caller sends.
     */
    Object evaluate(String expression) {
        return read(reads -> reads.rows("RETURN " + expression + " AS v", Map.of())).get(0).get("v").asObject();
    }

    /** Whether the query files run in this JVM (embedded database, in-process on) rather than over Bolt. */
    boolean runsInProcess() {
        return inProcessDatabase() != null;
    }

    Driver driver() {
        return driver;
    }

    SessionConfig readSession() {
        return session;
    }

    /** The query files, run inside one transaction. */
    @FunctionalInterface
    interface Reads {

        /** Cypher text with its parameters: only ever our own files' text (and the constants of their examples). */
        List<Record> rows(String cypher, Map<String, Object> parameters);

        default List<Record> run(String name, Map<String, Object> parameters) {
            return rows(QueryFiles.text(name), parameters);
        }

        default void explain(String name, Map<String, Object> parameters) {
            rows("EXPLAIN " + QueryFiles.text(name), parameters);
        }
    }

    private GraphDatabaseService inProcessDatabase() {
        return inProcess.obtain().orElse(null);
    }

    private static List<Record> rows(Transaction tx, String cypher, Map<String, Object> parameters) {
        try (Result result = tx.execute(cypher, parameters)) {
            List<String> keys = result.columns();
            List<Record> rows = new ArrayList<>();
            while (result.hasNext()) {
                Map<String, Object> row = result.next();
                List<Value> values = new ArrayList<>(keys.size());
                for (String key : keys) {
                    values.add(Values.value(row.get(key)));
                }
                rows.add(new InternalRecord(keys, values));
            }
            return rows;
        } catch (RuntimeException e) {
            // Converted here, inside the work, so that callers catching a driver ClientException (a name the
            // full-text syntax cannot take) see the same exception they would over Bolt.
            throw asDriverException(e);
        }
    }

    /**
     * The exception the driver would have thrown for the same failure on the server: same status code, same message.
     * Anything without a status (a bug of ours) is left as it is.
     */
    static RuntimeException asDriverException(RuntimeException e) {
        String code = e instanceof QueryExecutionException q ? q.getStatusCode()
                : e instanceof Status.HasStatus s ? s.status().code().serialize() : null;
        if (e instanceof Neo4jException || code == null) {
            return e;
        }
        String message = e.getMessage() == null ? code : e.getMessage();
        return code.startsWith("Neo.ClientError") ? new ClientException(code, message)
                : code.startsWith("Neo.TransientError") ? new TransientException(code, message)
                : new DatabaseException(code, message);
    }
}
