package io.dealgraph.query;

import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A query that outlives its timeout, or a database that cannot be reached, is the server's trouble, not the
 * caller's: 503 problem JSON that says which, instead of a bare 500.
 */
@RestControllerAdvice(assignableTypes = QueryController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryFailures {

    private static final Logger log = LoggerFactory.getLogger(QueryFailures.class);

    @ExceptionHandler(Neo4jException.class)
    ProblemDetail failed(Neo4jException e) {
        String code = e.code() == null ? "" : e.code();
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE);
        if (code.contains("TimedOut") || code.contains("Terminated")) {
            problem.setTitle("Query timed out");
            problem.setDetail("The query took longer than the limit (dealgraph.query.timeout). Ask for a smaller page, "
                    + "or a shorter maxLength / maxHops.");
        } else if (e instanceof ServiceUnavailableException) {
            problem.setTitle("Database unavailable");
            problem.setDetail("The graph database cannot be reached; try again shortly.");
        } else {
            log.warn("Query failed: {}", e.getMessage());
            problem.setTitle("Query failed");
            problem.setDetail("The database could not answer: " + e.getMessage());
        }
        return problem;
    }
}
