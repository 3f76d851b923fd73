package io.dealgraph.store;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.kernel.lifecycle.LifecycleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Neo4j Community database in this JVM with its Bolt connector on. The application never uses the embedded
 * Java API for data: it connects over Bolt like any other client, so the same code runs against a server.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    private final EmbeddedSettings settings;
    private final DatabaseManagementService service;
    private final URI boltUri;
    private final String database;

    private EmbeddedNeo4j(EmbeddedSettings settings, DatabaseManagementService service, URI boltUri, String database) {
        this.settings = settings;
        this.service = service;
        this.boltUri = boltUri;
        this.database = database;
    }

    /**
     * Starts the database, or fails with a {@link StoreUnavailableException} saying why in words a user can act on.
     *
     * @param database the name of the default database
     */
    public static EmbeddedNeo4j start(EmbeddedSettings settings, String database) {
        ExposureGuard.checkBolt(settings);
        Path home = settings.dataDir();
        long started = System.nanoTime();
        DatabaseManagementService service;
        try {
            service = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(settings.boltAddress(), settings.boltPort()))
                    .setConfig(GraphDatabaseSettings.auth_enabled, settings.authEnabled())
                    .setConfig(GraphDatabaseSettings.initial_default_database, database)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(settings.pageCache()))
                    // Collecting, sorting and transaction state count against this; a query past it fails alone.
                    .setConfig(GraphDatabaseSettings.memory_transaction_max_size, ByteUnit.parse(settings.transactionMemory()))
                    // Neo4j reports anonymous usage data unless told not to.
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    // The defaults make a clean shutdown wait ~10 s for idle Bolt connections.
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                    .build();
        } catch (RuntimeException e) {
            throw StoreUnavailableException.explain(home, e);
        }
        try {
            if (settings.authEnabled()) {
                // Runs through the embedded API, which is not subject to Bolt authentication.
                service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", settings.password()));
            }
            var api = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
            var bolt = api.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT);
            URI uri = URI.create("bolt://" + hostForUri(settings.boltAddress()) + ":" + bolt.getPort());
            log.info("Embedded Neo4j started in {} ms, store {}, Bolt {}", (System.nanoTime() - started) / 1_000_000, home, uri);
            return new EmbeddedNeo4j(settings, service, uri, database);
        } catch (RuntimeException e) {
            service.shutdown();
            throw e;
        }
    }

    /**
     * Compiles a first Cypher query on the starting thread. The first query a database sees loads the parser,
     * planner and runtime (about 2 s on two cores); done here, that happens while Spring is still starting rather
     * than when the schema check is waiting for its answer.
     */
    void warmUp() {
        long started = System.nanoTime();
        service.database(database).executeTransactionally("MATCH (m:__Migration) RETURN m.version AS version, m.checksum AS checksum");
        log.debug("Cypher warm-up took {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Whether another process holds this database home, found in a millisecond by trying the lock Neo4j itself
     * takes on start-up, instead of starting a whole application to be refused. A command-line job uses it to hand
     * its work to the running server straight away.
     */
    public static boolean heldByAnotherProcess(Path home) {
        Path lock = home.toAbsolutePath().normalize().resolve("data").resolve("databases").resolve("store_lock");
        if (!java.nio.file.Files.isRegularFile(lock)) {
            return false;
        }
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lock, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock held = channel.tryLock();
            if (held == null) {
                return true;
            }
            held.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException sameJvm) {
            return true;
        } catch (java.io.IOException unreadable) {
            return false; // let the real start-up say what is wrong with the directory
        }
    }

    private static String hostForUri(String address) {
        if ("0.0.0.0".equals(address) || "::".equals(address)) {
            return "127.0.0.1";
        }
        return address.contains(":") ? "[" + address + "]" : address;
    }

    /** The Bolt URI clients on this machine connect to. */
    public URI boltUri() {
        return boltUri;
    }

    public EmbeddedSettings settings() {
        return settings;
    }

    /** The default database, for reading in this JVM without a Bolt round trip. */
    public org.neo4j.graphdb.GraphDatabaseService database() {
        return service.database(database);
    }

    @Override
    public void close() {
        long started = System.nanoTime();
        try {
            service.shutdown();
        } catch (LifecycleException e) {
            log.warn("Embedded Neo4j did not shut down cleanly: {}", e.getMessage());
        }
        log.info("Embedded Neo4j stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
}
