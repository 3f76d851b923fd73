package io.dealgraph.ingest;

import io.dealgraph.extract.Extractors;
import io.dealgraph.extract.LanguageModels;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import io.dealgraph.store.StoreSettings;
import org.neo4j.driver.Driver;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    /**
     * Writes rely on the schema's uniqueness constraints: the migration runs when every bean is built, before the
     * server opens and before any job starts (see the schema package's configuration). The extractor's language models load in the background from here on (a few seconds): the server is up and
     * healthy meanwhile, and a document that arrives before they are in waits for them.
     */
    @Bean
    IngestService ingestService(Driver driver, StoreSettings store, IngestSettings settings) {
        LanguageModels.preload();
        return new IngestService(Extractors.ruleBased(), new GraphWriter(driver, store.database()), new Inputs(settings), settings);
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
