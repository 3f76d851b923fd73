package io.dealgraph.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Where the graph lives. A blank {@code uri} means: start the embedded database and talk to it over Bolt.
 *
 * @param uri      an external Neo4j ({@code bolt://}, {@code neo4j://} for a cluster, {@code neo4j+s://} for Aura); blank for embedded
 * @param username user for the external server
 * @param password password for the external server; blank means no authentication
 * @param database the database the application reads and writes
 */
@ConfigurationProperties("dealgraph.neo4j")
public record StoreSettings(String uri, String username, String password, String database) {

    public StoreSettings {
        uri = uri == null ? "" : uri.strip();
        username = StringUtils.hasText(username) ? username : "neo4j";
        database = StringUtils.hasText(database) ? database : "neo4j";
    }

    public boolean embedded() {
        return uri.isEmpty();
    }
}
