package io.dealgraph.schema;

import io.dealgraph.store.StoreSettings;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "dealgraph.schema.migrate", havingValue = "true", matchIfMissing = true)
class SchemaConfiguration {

    /**
     * Migrates once every bean is built and before the web server opens or any job runs, rather than while the
     * context is still being assembled: the first query waits for the embedded database, and everything that
     * does not need the database (web layer, security, actuator) is built during its start instead of after it.
     */
    @Bean
    SchemaMigrator schemaMigrator(Driver driver, StoreSettings store) {
        return new SchemaMigrator(new SchemaMigrations(driver, store.database()));
    }

    /** What the start-up migration applied; asked for after start-up (tests, diagnostics). */
    @Bean
    @Lazy
    AppliedSchema appliedSchema(SchemaMigrator migrator) {
        return migrator.applied();
    }

    static final class SchemaMigrator implements SmartInitializingSingleton {

        private final SchemaMigrations migrations;
        private volatile AppliedSchema applied;

        SchemaMigrator(SchemaMigrations migrations) {
            this.migrations = migrations;
        }

        @Override
        public void afterSingletonsInstantiated() {
            applied = new AppliedSchema(migrations.migrate());
        }

        AppliedSchema applied() {
            if (applied == null) {
                throw new IllegalStateException("the schema migration has not run yet");
            }
            return applied;
        }
    }
}
