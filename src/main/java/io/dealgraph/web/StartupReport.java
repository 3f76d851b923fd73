package io.dealgraph.web;

import io.dealgraph.store.EmbeddedNeo4j;
import io.dealgraph.store.StoreSettings;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.neo4j.Neo4jConnectionDetails;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells a new user, once everything is up, where each part of the product is. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger("dealgraph");

    private final StoreSettings store;
    private final Neo4jConnectionDetails connection;
    private final ObjectProvider<EmbeddedNeo4j> embedded;

    StartupReport(StoreSettings store, Neo4jConnectionDetails connection, ObjectProvider<EmbeddedNeo4j> embedded) {
        this.store = store;
        this.connection = connection;
        this.embedded = embedded;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        String address = event.getApplicationContext().getEnvironment().getProperty("server.address", "127.0.0.1");
        String http = "http://" + ("0.0.0.0".equals(address) ? "127.0.0.1" : address) + ":" + web.getWebServer().getPort();
        EmbeddedNeo4j db = embedded.getIfAvailable();
        String where = db != null ? "embedded Neo4j, data in " + db.settings().dataDir() : "external Neo4j at " + store.uri();
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        log.info("""

                  dealgraph is ready in {} ms ({}, database '{}')
                    REST API       {}/api
                    Neo4j Browser  {}/browser/
                    Bolt           {}
                    Health         {}/actuator/health
                """, uptime, where, store.database(), http, http, connection.getUri(), http);
        String token = event.getApplicationContext().getEnvironment().getProperty("dealgraph.security.api-token", "");
        if (db != null && !token.isBlank() && !db.settings().authEnabled()) {
            log.warn("The API token guards HTTP, but the embedded Bolt at {} has no password: anyone on this machine "
                    + "can read and write the graph through Bolt or Neo4j Browser. Set DEALGRAPH_BOLT_PASSWORD to close it.",
                    connection.getUri());
        }
    }
}
