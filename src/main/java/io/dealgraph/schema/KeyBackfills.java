package io.dealgraph.schema;

import io.dealgraph.graph.CypherScript;
import io.dealgraph.graph.Keys;
import io.dealgraph.graph.Label;
import io.dealgraph.graph.RelType;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * The migrations that fill a key in on graphs written before the key existed: Java-based, so that the key is computed
 * by the one function that makes it ({@link Keys}), as neo4j-migrations' Java-based migrations sit beside its Cypher
 * ones. Each has its Cypher in {@code cypher/backfill/}: its schema statements, a statement that reads a batch of
 * what lacks the key, and one that writes the keys of a batch. Batches of {@value #BATCH} commit one by one, so a
 * large graph is filled in bounded memory, and an interrupted fill resumes where it stopped.
 *
 * <p>V0005, V0006 and V0007 were Cypher scripts that spelled each key out again; the Java versions write the same
 * keys and keep the scripts' checksums, so a database that applied the scripts sees nothing new.
 */
public final class KeyBackfills {

    static final int BATCH = 10_000;

    private static final CypherScript TIMELINES = CypherScript.load("backfill/timeline-keys.cypher");
    private static final CypherScript RANKS = CypherScript.load("backfill/rank-keys.cypher");
    private static final CypherScript PAIRS = CypherScript.load("backfill/pair-keys.cypher");

    /** The Java-based migrations, with the checksums of the scripts they took over from. */
    static final List<Migration> MIGRATIONS = List.of(
            new Migration(5, "Timeline keys", "19f6342939afe7169ddf8243", schema(TIMELINES), KeyBackfills::timelines),
            new Migration(6, "Pair rank keys", "e437fe1a3e68fbc16d6a4a04", schema(RANKS), KeyBackfills::ranks),
            new Migration(7, "Pair keys on pair edges", "dc8ab78bd6fe79b5cc6e06e2", schema(PAIRS), KeyBackfills::pairs));

    private KeyBackfills() {
    }

    /**
     * Fills in every timeline, rank and pair-edge key the graph lacks, each back-fill as its migration runs it, all
     * in one call (KeyBackfillsIT strips the ingested seeds of their keys and checks this writes back the same).
     */
    public static void fillAll(Driver driver, String database) {
        try (Session session = driver.session(SessionConfig.forDatabase(database))) {
            timelines(session);
            ranks(session);
            pairs(session);
        }
    }

    /** Deal.timelineFrom and Deal.timelineTo. */
    static void timelines(Session session) {
        fill(session, TIMELINES, r -> Map.of("deal", r.get("deal").asString(),
                "timelineFrom", Keys.timeline(r.get("from").asString(), r.get("date").asString(null), r.get("id").asString()),
                "timelineTo", Keys.timeline(r.get("to").asString(), r.get("date").asString(null), r.get("id").asString())));
    }

    /** rankFrom and rankTo on INVESTS_IN edges. */
    static void ranks(Session session) {
        fill(session, RANKS, r -> {
            String from = r.get("from").asString();
            String to = r.get("to").asString();
            Number total = r.get("totalUsd").isNull() ? null : r.get("totalUsd").asNumber();
            return Map.of("edge", r.get("edge").asString(), "rankFrom", Keys.rank(from, total, to), "rankTo", Keys.rank(to, total, from));
        });
    }

    /** pair on INVESTS_IN and COMMITS_SPEND_TO edges. */
    static void pairs(Session session) {
        fill(session, PAIRS, r -> Map.of("edge", r.get("edge").asString(),
                "pair", Keys.pair(RelType.valueOf(r.get("type").asString()), r.get("from").asString(),
                        r.get("toCloud").asBoolean() ? Label.Cloud : Label.Company, r.get("to").asString())));
    }

    /** Reads a batch of what lacks the key, writes its keys, until nothing lacks it. */
    private static void fill(Session session, CypherScript script, Function<Record, Map<String, Object>> key) {
        List<String> statements = script.statements();
        String read = statements.get(statements.size() - 2);
        String write = statements.get(statements.size() - 1);
        while (true) {
            List<Record> batch = session.executeRead(tx -> tx.run(read, Map.of("batch", BATCH)).list());
            if (batch.isEmpty()) {
                return;
            }
            List<Map<String, Object>> rows = batch.stream().map(key).toList();
            session.executeWrite(tx -> tx.run(write, Map.of("rows", rows)).consume());
        }
    }

    /** The schema statements of a back-fill's script: all but the last two. */
    private static List<String> schema(CypherScript script) {
        return script.statements().subList(0, script.statements().size() - 2);
    }
}
