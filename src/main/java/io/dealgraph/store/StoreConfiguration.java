package io.dealgraph.store;

import java.net.URI;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.springframework.boot.autoconfigure.neo4j.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Decides where the graph lives and hands Spring Boot's driver (and so Spring Data Neo4j, neo4j-migrations and
 * the health check) the Bolt URI and credentials: the embedded database's, or the external server's.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedModeCondition.class)
    EmbeddedNeo4j embeddedNeo4j(EmbeddedSettings embedded, StoreSettings store) {
        return EmbeddedNeo4j.start(embedded, store.database());
    }

    @Bean
    @Conditional(EmbeddedModeCondition.class)
    Neo4jConnectionDetails embeddedConnectionDetails(EmbeddedNeo4j neo4j) {
        EmbeddedSettings settings = neo4j.settings();
        AuthToken auth = settings.authEnabled() ? AuthTokens.basic("neo4j", settings.password()) : AuthTokens.none();
        return connection(neo4j.boltUri(), auth);
    }

    @Bean
    @Conditional(ExternalModeCondition.class)
    Neo4jConnectionDetails externalConnectionDetails(StoreSettings store) {
        AuthToken auth = store.password() == null || store.password().isEmpty()
                ? AuthTokens.none() : AuthTokens.basic(store.username(), store.password());
        return connection(URI.create(store.uri()), auth);
    }

    private static Neo4jConnectionDetails connection(URI uri, AuthToken auth) {
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return uri;
            }

            @Override
            public AuthToken getAuthToken() {
                return auth;
            }
        };
    }
}
