package io.dealgraph.ingest;

import io.dealgraph.extract.Extractors;
import io.dealgraph.extract.LanguageModels;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import io.dealgraph.store.StoreSettings;
import org.neo4j.driver.Driver;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    /**
     * Writes rely on the schema's uniqueness constraints: the migration runs when every bean is built, before the
     * server opens and before any job starts (see the schema package's configuration).
     */
    @Bean
    IngestService ingestService(Driver driver, StoreSettings store, IngestSettings settings, ApplicationContext context) {
        if (!(context instanceof WebServerApplicationContext)) {
            // a job from the command line extracts as soon as its context is up: load the models meanwhile
            LanguageModels.preload();
        }
        return new IngestService(Extractors.ruleBased(), new GraphWriter(driver, store.database()), new Inputs(settings), settings);
    }

    /**
     * The server's extractor loads its language models in the background once the server is up (a few seconds of
     * a core): during start-up they would compete with Neo4j and Spring for the CPU, and a server's first document
     * comes later. A document that arrives before they are in waits for them. A job run from the command line has
     * its first document at once, so its context starts loading them while it is built (above).
     */
    @EventListener(ApplicationReadyEvent.class)
    void loadLanguageModels() {
        LanguageModels.preload();
    }

    /** Health details: whether the language models are in memory yet (the server is up either way). */
    @Bean
    HealthIndicator languageModels() {
        return () -> Health.up().withDetail("loaded", LanguageModels.ready()).build();
    }

    @Bean
    @ConditionalOnExpression("'${dealgraph.ingest.watch-dir:}' != ''")
    WatchDirectory watchDirectory(IngestSettings settings, IngestJobs jobs) {
        return new WatchDirectory(settings, jobs);
    }

    @Bean
    IngestJobs ingestJobs(IngestService service) {
        return new IngestJobs(service);
    }
}
