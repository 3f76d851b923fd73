package io.dealgraph.store;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** Turns the store's own start-up failures into Spring Boot's short "APPLICATION FAILED TO START" report. */
class StartupFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnsafeExposureException e) {
                return new FailureAnalysis(e.getMessage(), e.action(), e);
            }
            if (t instanceof StoreUnavailableException e) {
                return new FailureAnalysis(e.getMessage(), e.action(), e);
            }
            if (t instanceof org.neo4j.driver.exceptions.ServiceUnavailableException e) {
                return new FailureAnalysis("Cannot reach Neo4j: " + e.getMessage(),
                        "Check NEO4J_URI and that the server is up, or unset NEO4J_URI to use the embedded database.", e);
            }
            if (t instanceof org.neo4j.driver.exceptions.AuthenticationException e) {
                return new FailureAnalysis("Neo4j refused the credentials: " + e.getMessage(),
                        "Check NEO4J_USERNAME and NEO4J_PASSWORD.", e);
            }
            if (t instanceof io.dealgraph.schema.SchemaMismatchException e) {
                return new FailureAnalysis(e.getMessage(),
                        "Restore the migration file as it was, or start with a fresh data directory.", e);
            }
        }
        return null;
    }
}
