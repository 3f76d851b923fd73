package io.dealgraph.store;

import java.net.URI;
import java.util.function.Supplier;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.neo4j.ConfigBuilderCustomizer;
import org.springframework.boot.autoconfigure.neo4j.Neo4jAutoConfiguration;
import org.springframework.boot.autoconfigure.neo4j.Neo4jProperties;
import org.springframework.boot.autoconfigure.neo4j.Neo4jConnectionDetails;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * Decides where the graph lives and hands Spring Boot's driver (and so Spring Data Neo4j, neo4j-migrations and
 * the health check) the Bolt URI and credentials: the embedded database's, or the external server's.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    private static final String STARTUP = "embeddedNeo4jStartup";

    /**
     * Starts the embedded database unless {@link EarlyEmbeddedStart} already did (it does for every context built by
     * SpringApplication; this covers contexts assembled otherwise). Settings are bound by hand because
     * configuration-properties binding is not yet running at this stage.
     */
    @Bean
    static BeanFactoryPostProcessor earlyEmbeddedNeo4jStart(Environment environment) {
        return beanFactory -> startEmbedded((DefaultListableBeanFactory) beanFactory, environment);
    }

    static void startEmbedded(DefaultListableBeanFactory beanFactory, Environment environment) {
        if (!EmbeddedModeCondition.embedded(environment) || beanFactory.containsSingleton(STARTUP)) {
            return;
        }
        Binder binder = Binder.get(environment);
        EmbeddedSettings embedded = binder.bindOrCreate("dealgraph.embedded", EmbeddedSettings.class);
        StoreSettings store = binder.bindOrCreate("dealgraph.neo4j", StoreSettings.class);
        EmbeddedNeo4jStartup startup = new EmbeddedNeo4jStartup(embedded, store.database());
        beanFactory.registerSingleton(STARTUP, startup);
        beanFactory.registerDisposableBean(STARTUP, startup::close);
    }

    /** Lazy, and closed by its startup bean: asking for it waits until the database is up. */
    @Bean(destroyMethod = "")
    @Lazy
    @Conditional(EmbeddedModeCondition.class)
    EmbeddedNeo4j embeddedNeo4j(EmbeddedNeo4jStartup startup) {
        return startup.get();
    }

    @Bean
    @Conditional(EmbeddedModeCondition.class)
    Neo4jConnectionDetails embeddedConnectionDetails(EmbeddedNeo4jStartup startup, EmbeddedSettings settings) {
        AuthToken auth = settings.authEnabled() ? AuthTokens.basic("neo4j", settings.password()) : AuthTokens.none();
        // With port 0 only the started database knows its Bolt port, so the URI is read when the driver asks.
        return connection(() -> startup.get().boltUri(), auth);
    }

    /**
     * Spring Boot's own driver, configured from the same {@code spring.neo4j.*} settings, but built on first use (see
     * {@link DriverOnFirstUse}) so that the beans that take a driver do not wait for the embedded database's start.
     */
    @Bean
    @Conditional(EmbeddedModeCondition.class)
    Driver neo4jDriver(Neo4jProperties properties, Environment environment, Neo4jConnectionDetails embeddedConnectionDetails,
            ObjectProvider<ConfigBuilderCustomizer> customizers) {
        return DriverOnFirstUse.of(() -> new Neo4jAutoConfiguration()
                .neo4jDriver(properties, environment, embeddedConnectionDetails, customizers));
    }

    @Bean
    @Conditional(ExternalModeCondition.class)
    Neo4jConnectionDetails externalConnectionDetails(StoreSettings store) {
        AuthToken auth = store.password() == null || store.password().isEmpty()
                ? AuthTokens.none() : AuthTokens.basic(store.username(), store.password());
        URI uri = URI.create(store.uri());
        return connection(() -> uri, auth);
    }

    private static Neo4jConnectionDetails connection(Supplier<URI> uri, AuthToken auth) {
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return uri.get();
            }

            @Override
            public AuthToken getAuthToken() {
                return auth;
            }
        };
    }
}
