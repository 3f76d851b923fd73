package io.dealgraph.web;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * {@code GET /api}: where everything is. Built from the routes Spring MVC really serves and their OpenAPI
 * summaries, so it cannot fall behind the controllers.
 */
@RestController
@ConditionalOnWebApplication // the CLI's contexts have no request mappings to list
@Tag(name = "Index", description = "The API's entry point")
class ApiIndex {

    record Endpoint(String method, String path, String summary) {
    }

    record Index(String name, String openApi, String swaggerUi, String browser, List<Endpoint> endpoints) {
    }

    private final RequestMappingHandlerMapping mappings;

    ApiIndex(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @GetMapping(path = "/api", produces = "application/json")
    @Operation(summary = "List the API's endpoints", description = "Every endpoint under /api with its method and summary, "
            + "and where the OpenAPI description, Swagger UI and Neo4j Browser are.")
    Index index() {
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            Operation operation = e.getValue().getMethodAnnotation(Operation.class);
            String summary = operation == null ? "" : operation.summary();
            for (String path : e.getKey().getPatternValues()) {
                if (!path.startsWith("/api/") || path.equals("/api/")) {
                    continue;
                }
                var methods = e.getKey().getMethodsCondition().getMethods();
                for (var method : methods.isEmpty() ? List.of(org.springframework.web.bind.annotation.RequestMethod.GET) : methods) {
                    endpoints.putIfAbsent(method + " " + path, new Endpoint(method.name(), path, summary));
                }
            }
        }
        List<Endpoint> sorted = new ArrayList<>(endpoints.values());
        sorted.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
        return new Index("dealgraph API", "/v3/api-docs", "/swagger-ui.html", "/browser/", sorted);
    }

    /** The same with a trailing slash, which the start-up banner's link may get; described once, as /api. */
    @Hidden
    @GetMapping(path = "/api/", produces = "application/json")
    Index indexWithSlash() {
        return index();
    }
}
