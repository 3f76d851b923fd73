package io.dealgraph.query;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the query API.
 *
 * @param timeout           how long one query may run, for the built-in endpoints and {@code POST /api/cypher}
 * @param cypherMaxRows     rows {@code POST /api/cypher} returns at most; past that the answer says {@code truncated}
 * @param circularMaxLength longest cycle {@code /api/circular} looks for, in money legs (2 to 4)
 * @param inProcess         with the embedded database, run the API's query files in this JVM instead of over Bolt
 * @param cypherConcurrency {@code POST /api/cypher} queries that may run at once; more get 503 with Retry-After
 * @param planAhead         plan every query file in the background once the server is up, so that no user's first
 *                          request pays for planning
 */
@ConfigurationProperties("dealgraph.query")
public record QuerySettings(Duration timeout, int cypherMaxRows, int circularMaxLength, Boolean inProcess,
                            int cypherConcurrency, Boolean planAhead) {

    public QuerySettings {
        inProcess = inProcess == null || inProcess;
        planAhead = planAhead == null || planAhead;
        timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? Duration.ofSeconds(10) : timeout;
        cypherMaxRows = cypherMaxRows <= 0 ? 1000 : cypherMaxRows;
        cypherConcurrency = cypherConcurrency <= 0 ? 2 : cypherConcurrency;
        if (circularMaxLength == 0) {
            circularMaxLength = 4;
        }
        if (circularMaxLength < 2 || circularMaxLength > QueryController.LONGEST_CYCLE) {
            throw new IllegalArgumentException("dealgraph.query.circular-max-length must be between 2 and "
                    + QueryController.LONGEST_CYCLE + " (cypher/queries/circular.cypher has one fixed hop per length), not "
                    + circularMaxLength);
        }
    }
}
