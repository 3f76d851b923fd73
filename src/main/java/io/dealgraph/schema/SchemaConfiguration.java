package io.dealgraph.schema;

import io.dealgraph.store.StoreSettings;
import org.neo4j.driver.Driver;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SchemaConfiguration {

    /** A bean rather than a start-up listener so that anything that depends on the schema can depend on it. */
    @Bean
    @ConditionalOnProperty(name = "dealgraph.schema.migrate", havingValue = "true", matchIfMissing = true)
    AppliedSchema appliedSchema(Driver driver, StoreSettings store) {
        return new AppliedSchema(new SchemaMigrations(driver, store.database()).migrate());
    }
}
