package io.dealgraph.ingest;

import io.dealgraph.extract.Extractors;
import io.dealgraph.schema.AppliedSchema;
import io.dealgraph.store.StoreSettings;
import org.neo4j.driver.Driver;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    /** Depends on the applied schema: writes rely on its uniqueness constraints. */
    @Bean
    IngestService ingestService(Driver driver, StoreSettings store, IngestSettings settings, AppliedSchema schema) {
        return new IngestService(Extractors.ruleBased(), new GraphWriter(driver, store.database()), new Inputs(settings), settings);
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
