package io.dealgraph.browser;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.neo4j.Neo4jConnectionDetails;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Neo4j Browser asks the host it was loaded from ({@code GET /}, JSON) for the Bolt address to fill in. We answer
 * with the very URI the application's own driver uses, embedded or external.
 */
@RestController
class DiscoveryController {

    private final Neo4jConnectionDetails connection;

    DiscoveryController(Neo4jConnectionDetails connection) {
        this.connection = connection;
    }

    @GetMapping(path = "/", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> discovery() {
        Map<String, Object> body = new LinkedHashMap<>();
        String uri = connection.getUri().toString();
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
