package io.dealgraph.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.TransactionTerminatedException;
import org.neo4j.kernel.api.exceptions.Status;

/**
 * In-process reads must fail the way Bolt reads do: QueryFailures turns a driver exception whose code says the
 * query timed out into a 503 "Query timed out", and the name resolver expects a ClientException for a name the
 * full-text syntax cannot take.
 */
class GraphReaderExceptionsTest {

    @Test
    void aTimedOutTransactionBecomesTheDriversTimeout() {
        RuntimeException e = GraphReader.asDriverException(new TransactionTerminatedException(Status.Transaction.TransactionTimedOut));
        assertThat(e).isInstanceOf(ClientException.class);
        assertThat(((Neo4jException) e).code()).isEqualTo("Neo.ClientError.Transaction.TransactionTimedOut").contains("TimedOut");
    }

    @Test
    void aQueryErrorKeepsItsCodeAndMessage() {
        RuntimeException e = GraphReader.asDriverException(new QueryExecutionException("bad syntax at 'x'", null,
                "Neo.ClientError.Procedure.ProcedureCallFailed"));
        assertThat(e).isInstanceOf(ClientException.class).hasMessage("bad syntax at 'x'");
        assertThat(((Neo4jException) e).code()).isEqualTo("Neo.ClientError.Procedure.ProcedureCallFailed");
        RuntimeException db = GraphReader.asDriverException(new QueryExecutionException("disk", null,
                "Neo.DatabaseError.General.UnknownError"));
        assertThat(db).isInstanceOf(DatabaseException.class);
    }

    @Test
    void ourOwnExceptionsPassUnchanged() {
        IllegalStateException ours = new IllegalStateException("a bug");
        assertThat(GraphReader.asDriverException(ours)).isSameAs(ours);
    }
}
