package io.dealgraph.ingest;

import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The ingest API's last word on failures nobody else answered: problem JSON (RFC 9457) like every other answer of
 * {@code /api/documents}, never Spring's default error body. A database that is busy (its retries used up) or out of
 * reach is a 503 the client may retry; anything else a 500 (a batch is one transaction: a document is in whole or not at all).
 * Ordered last, so that the problem-details handler still answers the request errors it knows (415, 400, 413).
 */
@RestControllerAdvice(assignableTypes = DocumentController.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class IngestFailures {

    private static final Logger log = LoggerFactory.getLogger(IngestFailures.class);

    /** Seconds a client is asked to wait before sending a document again after a 503. */
    static final int RETRY_AFTER_SECONDS = 2;

    @ExceptionHandler(Neo4jException.class)
    ResponseEntity<ProblemDetail> database(Neo4jException e) {
        if (e instanceof TransientException || e instanceof ServiceUnavailableException || e instanceof SessionExpiredException) {
            log.warn("Ingest request not served, database busy or unavailable: {}", e.getMessage());
            ResponseEntity<ProblemDetail> answer = problem(HttpStatus.SERVICE_UNAVAILABLE, "Database busy",
                    "The document was not ingested: the graph database is busy or cannot be reached (" + e.getMessage()
                            + "). Nothing was written; send it again.");
            return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                    .header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)).body(answer.getBody());
        }
        log.error("Ingest request failed in the database", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Ingest failed",
                "The document was not ingested: the database refused the write (" + e.code() + "). Nothing was written.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Ingest request failed", e);
        // it may have failed after the write committed (while answering): say how to find out, not what may be untrue
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Ingest failed",
                "The request failed (" + e.getClass().getSimpleName() + "). A document is written whole or not at all:"
                        + " send it again, and a 'duplicate' answer says it is in the graph.");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
