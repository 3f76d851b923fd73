package io.dealgraph.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.neo4j.Neo4jConnectionDetails;

class BrowserEntryTest {

    @Test
    void noAuthenticationIsPreselectedOnlyWhenTheDatabaseHasNone() {
        assertThat(BrowserEntry.path(connection(AuthTokens.none()))).isEqualTo("/browser/?preselectAuthMethod=NO_AUTH");
        assertThat(BrowserEntry.path(connection(AuthTokens.basic("neo4j", "secret")))).isEqualTo("/browser/");
    }

    private static Neo4jConnectionDetails connection(AuthToken auth) {
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return URI.create("bolt://127.0.0.1:7687");
            }

            @Override
            public AuthToken getAuthToken() {
                return auth;
            }
        };
    }
}
