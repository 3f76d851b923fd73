package io.dealgraph.browser;

import org.neo4j.driver.AuthTokens;
import org.springframework.boot.autoconfigure.neo4j.Neo4jConnectionDetails;

/** Where {@code /browser} and a browser opening {@code /} are sent. */
final class BrowserEntry {

    private BrowserEntry() {
    }

    /**
     * With no authentication on the database the connect form is preselected to "No authentication", so Connect is
     * the only click (or none: the Browser tries it by itself). With a password (DEALGRAPH_BOLT_PASSWORD, or an
     * external server with credentials) that preselection would be wrong, so the Browser keeps its default,
     * username and password.
     */
    static String path(Neo4jConnectionDetails connection) {
        return AuthTokens.none().equals(connection.getAuthToken()) ? "/browser/?preselectAuthMethod=NO_AUTH" : "/browser/";
    }
}
