package io.dealgraph.query;

import jakarta.annotation.PreDestroy;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Plans every query file once, on a background thread, as soon as the server is ready. Planning the larger files
 * the first time costs far more than running them: on two cores, with the planner cold, {@code funders.cypher} took
 * 8 s and {@code circular.cypher} 5 to 6 s to plan, and 0.3 s to run on a 4,000-deal graph, enough for a slower machine to pass the query timeout on a user's first
 * request. {@code EXPLAIN} compiles without reading any data and leaves the plan (and the warmed-up planner) behind.
 * The server is healthy and answering meanwhile; a request that comes first plans its own query, and if that
 * planning takes it past the timeout, {@link GraphReader} runs it once more with the plan cached (a CI run on two
 * busy cores saw {@code /api/circular} time out at 10 s that way).
 */
@Component
@ConditionalOnWebApplication // a command-line job runs no query files
class QueryPlanWarmUp {

    private static final Logger log = LoggerFactory.getLogger(QueryPlanWarmUp.class);

    private final GraphReader reader;
    private final boolean enabled;
    /** Set when the context closes: the database is going away, and what is left to plan with it. */
    private volatile boolean closing;

    QueryPlanWarmUp(GraphReader reader, QuerySettings settings) {
        this.reader = reader;
        this.enabled = settings.planAhead();
    }

    @EventListener(ApplicationReadyEvent.class)
    void planInBackground() {
        if (!enabled) {
            return;
        }
        Thread planner = new Thread(() -> planAll(), "query-plan-warm-up");
        planner.setDaemon(true); // never holds up a shutdown
        planner.setPriority(Thread.MIN_PRIORITY);
        planner.start();
    }

    @PreDestroy
    void stop() {
        closing = true;
    }

    /** Plans each file in turn and returns how many planned. */
    int planAll() {
        long started = System.nanoTime();
        int planned = 0;
        for (String name : QueryFiles.NAMES) {
            if (closing) {
                log.debug("Stopped planning ahead: the server is shutting down");
                return planned;
            }
            try {
                long one = System.nanoTime();
                reader.explain(name, exampleParameters(name));
                planned++;
                log.debug("Planned {}.cypher in {} ms", name, (System.nanoTime() - one) / 1_000_000);
            } catch (RuntimeException e) {
                // A server that is down or refuses us now says so again, clearly, on the first real request.
                log.debug("Could not plan {}.cypher ahead: {}", name, e.getMessage());
            }
        }
        log.info("Planned {} of {} query files ahead in {} ms", planned, QueryFiles.NAMES.size(),
                (System.nanoTime() - started) / 1_000_000);
        return planned;
    }

    /**
     * The file's documented {@code :param} examples, evaluated by the database as Browser would: the plan cache is
     * keyed by the parameters' types as well as the text, so the values must have the types requests send.
     */
    private Map<String, Object> exampleParameters(String name) {
        Map<String, Object> values = new HashMap<>();
        QueryFiles.exampleParameters(name).forEach((key, expression) -> values.put(key, reader.evaluate(expression)));
        return values;
    }
}
