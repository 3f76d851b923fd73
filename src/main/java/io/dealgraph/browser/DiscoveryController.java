package io.dealgraph.browser;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.neo4j.Neo4jConnectionDetails;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Neo4j Browser asks the host it was loaded from ({@code GET /}, JSON) for the Bolt address to fill in. We answer
 * with the very URI the application's own driver uses, embedded or external, unless
 * {@code dealgraph.browser.bolt-uri} says otherwise.
 */
@RestController
class DiscoveryController {

    private final Neo4jConnectionDetails connection;
    private final String advertised;

    DiscoveryController(Neo4jConnectionDetails connection, @Value("${dealgraph.browser.bolt-uri:}") String advertised) {
        this.connection = connection;
        this.advertised = advertised.strip();
    }

    @GetMapping(path = "/", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> discovery() {
        Map<String, Object> body = new LinkedHashMap<>();
        // Behind Docker or NAT the application's own URI may not be reachable from the user's web browser.
        String uri = advertised.isEmpty() ? connection.getUri().toString() : advertised;
        body.put(uri.startsWith("neo4j") ? "bolt_routing" : "bolt_direct", uri);
        body.put("neo4j_edition", "community");
        body.put("dealgraph_api", "/api");
        return body;
    }

    /** A person opening the root in a browser wants the graph. */
    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    RedirectView home() {
        return new RedirectView(BrowserEntry.path(connection));
    }
}
