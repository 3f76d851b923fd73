package io.dealgraph.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealgraph.store.EmbeddedNeo4j;
import io.dealgraph.store.StoreSettings;
import io.dealgraph.testing.EmbeddedStoreTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.Neo4jException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A transaction that times out after planning a query text for the first time gets one more run; a warm one that
 * times out, or a second timeout, reaches the caller. Against the real embedded database, in this JVM and over Bolt,
 * with a one-second timeout and work that outstays it on purpose. (Whether a timeout is recognised on each path is
 * what the retry needs; the retry itself is the same code on both, so the other cases run in this JVM only.)
 */
@EmbeddedStoreTest
class GraphReaderColdPlanIT {

    /** Longer than the timeout plus the database's timeout monitor's check interval. */
    static final long OUTSTAY_MILLIS = 3_500;

    @Autowired
    Driver driver;

    @Autowired
    StoreSettings store;

    @Autowired
    ObjectProvider<EmbeddedNeo4j> embedded;

    GraphReader reader(boolean inProcess) {
        return new GraphReader(driver, store, new QuerySettings(Duration.ofSeconds(1), 0, 0, inProcess, 0, false), embedded);
    }

    @ParameterizedTest(name = "in process: {0}")
    @ValueSource(booleans = {true, false})
    void aTimeoutOnAColdTextIsRunOnceMore(boolean inProcess) {
        GraphReader reader = reader(inProcess);
        String cold = freshText();
        AtomicInteger runs = new AtomicInteger();
        List<Record> rows = reader.read(outstayingOnFirstRun(cold, runs, 1));
        assertThat(runs).hasValue(2);
        assertThat(rows).singleElement().satisfies(r -> assertThat(r.get("n").asLong()).isNotNegative());
    }

    @Test
    void aTimeoutOnAWarmTextReachesTheCaller() {
        GraphReader reader = reader(true);
        String warm = freshText();
        reader.read(reads -> reads.rows(warm, Map.of()));
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> reader.read(outstayingOnFirstRun(warm, runs, 1)))
                .isInstanceOfSatisfying(Neo4jException.class, e -> assertThat(GraphReader.timedOut(e)).isTrue());
        assertThat(runs).hasValue(1);
    }

    @Test
    void aSecondTimeoutReachesTheCaller() {
        GraphReader reader = reader(true);
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> reader.read(outstayingOnFirstRun(freshText(), runs, 2)))
                .isInstanceOfSatisfying(Neo4jException.class, e -> assertThat(GraphReader.timedOut(e)).isTrue());
        assertThat(runs).hasValue(2);
    }

    /** A text no run has seen: the comment makes it a different plan-cache key. */
    private static String freshText() {
        return "MATCH (n) RETURN count(n) AS n // " + UUID.randomUUID();
    }

    /** Work that reads {@code text}, and on its first {@code slowRuns} runs waits past the timeout and reads again. */
    private static Function<GraphReader.Reads, List<Record>> outstayingOnFirstRun(String text, AtomicInteger runs, int slowRuns) {
        return reads -> {
            List<Record> rows = reads.rows(text, Map.of());
            if (runs.incrementAndGet() <= slowRuns) {
                try {
                    Thread.sleep(OUTSTAY_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                reads.rows(text, Map.of()); // the database checks the deadline when the store is touched
            }
            return rows;
        };
    }
}
