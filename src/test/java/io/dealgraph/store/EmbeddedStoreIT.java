package io.dealgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealgraph.testing.EmbeddedStoreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The store contract on the default: embedded Neo4j in this JVM, reached over Bolt on loopback. */
@EmbeddedStoreTest
class EmbeddedStoreIT extends StoreContract {

    @Autowired
    EmbeddedNeo4j embedded;

    @Test
    void theDriverTalksBoltToTheEmbeddedDatabaseOnLoopback() {
        assertThat(connection.getUri().getScheme()).isEqualTo("bolt");
        assertThat(connection.getUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(connection.getUri()).isEqualTo(embedded.boltUri());
        assertThat(driver.executableQuery("RETURN 1 AS one").execute().records().get(0).get("one").asInt()).isEqualTo(1);
    }
}
