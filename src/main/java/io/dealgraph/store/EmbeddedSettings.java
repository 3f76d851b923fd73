package io.dealgraph.store;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The embedded database, used when no external {@code dealgraph.neo4j.uri} is set.
 *
 * @param dataDir     the database home: store files, transaction logs, Neo4j's own logs
 * @param boltAddress the address Bolt listens on; loopback unless a password is set
 * @param boltPort    the Bolt port; 0 picks a free one (tests)
 * @param pageCache   Neo4j page cache size, e.g. {@code 128m}
 * @param password    when set, Bolt requires user {@code neo4j} with this password
 * @param transactionMemory the most heap one transaction may hold, e.g. {@code 512m}: a query that would take more
 *                    fails with a clear error instead of taking the server's heap
 */
@ConfigurationProperties("dealgraph.embedded")
public record EmbeddedSettings(Path dataDir, String boltAddress, int boltPort, String pageCache, String password,
                               String transactionMemory) {

    @ConstructorBinding
    public EmbeddedSettings {
        transactionMemory = transactionMemory == null || transactionMemory.isBlank() ? "512m" : transactionMemory.strip();
        dataDir = (dataDir == null ? Path.of("data") : dataDir).toAbsolutePath().normalize();
        boltAddress = boltAddress == null || boltAddress.isBlank() ? "127.0.0.1" : boltAddress.strip();
        pageCache = pageCache == null || pageCache.isBlank() ? "128m" : pageCache.strip();
        password = password == null ? "" : password;
    }

    public EmbeddedSettings(Path dataDir, String boltAddress, int boltPort, String pageCache, String password) {
        this(dataDir, boltAddress, boltPort, pageCache, password, null);
    }

    public boolean authEnabled() {
        return !password.isEmpty();
    }
}
