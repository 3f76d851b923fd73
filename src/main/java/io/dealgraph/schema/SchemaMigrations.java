package io.dealgraph.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.ClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Applies the versioned scripts under {@code cypher/migrations} and the Java-based migrations ({@link #JAVA_BASED})
 * in order, once each, and records every applied one as a {@code :__Migration} node (version, description, checksum,
 * when, how long). An applied migration whose checksum has changed stops the start-up: the store's schema would no
 * longer be what the files say. (A Java-based migration that took over from a script keeps the script's checksum.)
 *
 * <p>Several instances may start against one cluster at once: a {@code :__MigrationLock} node under a uniqueness
 * constraint lets one of them migrate while the others wait.
 */
public final class SchemaMigrations {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);
    private static final String LOCATION = "classpath*:cypher/migrations/V*.cypher";
    private static final Duration LOCK_WAIT = Duration.ofMinutes(2);
    private static final Duration STALE_LOCK = Duration.ofMinutes(10);
    /** How long start-up waits for indexes a migration created to be populated (a few seconds per 100k entities). */
    private static final Duration INDEX_WAIT = Duration.ofMinutes(10);

    /** The migrations written in Java: the key back-fills, and V0010, which must leave alone deals it cannot re-key. */
    static final List<Migration> JAVA_BASED = java.util.stream.Stream.concat(KeyBackfills.MIGRATIONS.stream(),
            java.util.stream.Stream.of(DealIdsFromClaims.MIGRATION)).toList();

    private final Driver driver;
    private final String database;

    public SchemaMigrations(Driver driver, String database) {
        this.driver = driver;
        this.database = database;
    }

    /** The versions this build ships, ascending: what a current database has recorded. */
    public static List<Integer> shippedVersions() {
        return available().stream().map(Migration::version).toList();
    }

    static List<Migration> available() {
        try {
            List<Migration> scripts = new ArrayList<>();
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                try (InputStream in = r.getInputStream()) {
                    scripts.add(Migration.parse(r.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            return merge(scripts, JAVA_BASED);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the schema migrations", e);
        }
    }

    /**
     * The scripts and the Java-based migrations in version order. A Java-based migration that took over from a script
     * (same version, the script's checksum) stands in for it, should the script still be on the classpath (a build
     * directory from before the change); any other two migrations of one version are an error.
     */
    static List<Migration> merge(List<Migration> scripts, List<Migration> javaBased) {
        List<Migration> found = new ArrayList<>(javaBased);
        for (Migration script : scripts) {
            boolean replaced = javaBased.stream()
                    .anyMatch(j -> j.version() == script.version() && j.checksum().equals(script.checksum()));
            if (!replaced) {
                found.add(script);
            }
        }
        found.sort(Comparator.comparingInt(Migration::version));
        for (int i = 1; i < found.size(); i++) {
            if (found.get(i).version() == found.get(i - 1).version()) {
                throw new IllegalStateException("Two migrations share version " + found.get(i).version());
            }
        }
        return found;
    }

    /** Brings the database to the newest schema. Returns the migrations applied by this call. */
    public List<Integer> migrate() {
        List<Migration> migrations = available();
        try (Session session = driver.session(SessionConfig.forDatabase(database))) {
            // The common case, a restart with nothing to do, costs one read and takes no lock.
            if (applied(session).equals(expected(migrations))) {
                log.info("Schema is up to date at V{}", migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version());
                return List.of();
            }
            session.run("CREATE CONSTRAINT migration_lock IF NOT EXISTS FOR (l:__MigrationLock) REQUIRE l.id IS UNIQUE").consume();
            String owner = UUID.randomUUID().toString();
            lock(session, owner);
            try {
                return applyPending(session, migrations);
            } finally {
                session.run("MATCH (l:__MigrationLock {id: 'schema', owner: $owner}) DELETE l", Map.of("owner", owner)).consume();
            }
        }
    }

    private List<Integer> applyPending(Session session, List<Migration> migrations) {
        Map<Integer, String> applied = applied(session);
        List<Integer> done = new ArrayList<>();
        for (Migration m : migrations) {
            String recorded = applied.get(m.version());
            if (recorded != null) {
                if (!recorded.equals(m.checksum())) {
                    throw new SchemaMismatchException("Migration V" + m.version() + " (" + m.description()
                            + ") was applied with checksum " + recorded + " but the file now has " + m.checksum()
                            + ". Applied migrations must not be edited: add a new migration instead.");
                }
                continue;
            }
            long started = System.nanoTime();
            // Schema statements cannot share a transaction with data writes: each runs on its own.
            m.statements().forEach(statement -> session.run(statement).consume());
            if (m.backfill() != null) {
                m.backfill().run(session);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            session.executeWrite(tx -> tx.run("""
                    CREATE (:__Migration {version: $version, description: $description, checksum: $checksum,
                                          appliedAt: datetime(), durationMs: $millis})""",
                    Map.of("version", m.version(), "description", m.description(), "checksum", m.checksum(), "millis", millis))
                    .consume());
            log.info("Applied schema migration V{} ({}) in {} ms", m.version(), m.description(), millis);
            done.add(m.version());
        }
        if (!done.isEmpty()) {
            // A new index fills in the background; queries that rely on it (name resolution on entity_keys) must
            // not run against a half-filled one, so start-up waits for it.
            long started = System.nanoTime();
            session.run("CALL db.awaitIndexes($seconds)", Map.of("seconds", INDEX_WAIT.toSeconds())).consume();
            log.info("Indexes online after {} ms", (System.nanoTime() - started) / 1_000_000);
        } else {
            log.info("Schema is up to date at V{}", migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version());
        }
        return done;
    }

    private static Map<Integer, String> applied(Session session) {
        Map<Integer, String> applied = new HashMap<>();
        session.executeRead(tx -> {
            tx.run("MATCH (m:__Migration) RETURN m.version AS version, m.checksum AS checksum")
                    .forEachRemaining(r -> applied.put(r.get("version").asInt(), r.get("checksum").asString()));
            return null;
        });
        return applied;
    }

    private static Map<Integer, String> expected(List<Migration> migrations) {
        Map<Integer, String> expected = new HashMap<>();
        migrations.forEach(m -> expected.put(m.version(), m.checksum()));
        return expected;
    }

    private void lock(Session session, String owner) {
        Instant deadline = Instant.now().plus(LOCK_WAIT);
        while (true) {
            try {
                session.executeWrite(tx -> tx.run("CREATE (:__MigrationLock {id: 'schema', owner: $owner, since: datetime()})",
                        Map.of("owner", owner)).consume());
                return;
            } catch (ClientException e) {
                if (!e.code().contains("ConstraintValidationFailed")) {
                    throw e;
                }
            }
            // A crashed instance leaves its lock behind; a lock this old is taken over.
            session.executeWrite(tx -> tx.run("""
                    MATCH (l:__MigrationLock {id: 'schema'})
                    WHERE l.since < datetime() - duration({seconds: $stale}) DELETE l""",
                    Map.of("stale", STALE_LOCK.toSeconds())).consume());
            if (Instant.now().isAfter(deadline)) {
                throw new SchemaMismatchException("Another instance has held the schema migration lock for over "
                        + LOCK_WAIT.toMinutes() + " minutes; delete (:__MigrationLock) if that instance is gone.");
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the schema migration lock", e);
            }
        }
    }
}
