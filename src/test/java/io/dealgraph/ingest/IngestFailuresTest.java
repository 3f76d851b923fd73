package io.dealgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.TransientException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** What the ingest API answers when the database fails it: problem JSON, 503 to retry when the database is busy. */
class IngestFailuresTest {

    final IngestFailures failures = new IngestFailures();

    @Test
    void aBusyDatabaseIsA503ToRetry() {
        ResponseEntity<ProblemDetail> r = failures.database(
                new TransientException("Neo.TransientError.Transaction.DeadlockDetected", "deadlock"));
        assertThat(r.getStatusCode().value()).isEqualTo(503);
        assertThat(r.getHeaders().getFirst("Retry-After")).isEqualTo(String.valueOf(IngestFailures.RETRY_AFTER_SECONDS));
        assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(r.getBody().getDetail()).contains("send it again");
    }

    @Test
    void aRefusedWriteAndAnythingElseAre500Problems() {
        ResponseEntity<ProblemDetail> refused = failures.database(
                new ClientException("Neo.ClientError.Schema.ConstraintValidationFailed", "already exists"));
        assertThat(refused.getStatusCode().value()).isEqualTo(500);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ResponseEntity<ProblemDetail> other = failures.unexpected(new IllegalStateException("boom"));
        assertThat(other.getStatusCode().value()).isEqualTo(500);
        assertThat(other.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(other.getBody().getTitle()).isEqualTo("Ingest failed");
    }
}
