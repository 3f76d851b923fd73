package io.dealgraph.query;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title page of /v3/api-docs and Swagger UI; the bearer scheme is declared only when a token is required. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI dealgraphOpenApi(@Value("${dealgraph.security.api-token:}") String token) {
        OpenAPI api = new OpenAPI().info(new Info().title("dealgraph API").version("0.1.0")
                .description("Who funds whom, timelines, totals, circular deals and paths in the investment graph, and documents in. "
                        + "Every query's Cypher is a file in cypher/queries/ that runs unchanged in Neo4j Browser. "
                        + "Names resolve through aliases and case: AWS, aws and Amazon Web Services are one entity. "
                        + "Errors are RFC 9457 problem JSON.")
                // OpenAPI 3.1 wants an SPDX identifier or a URL with the licence name (not both).
                .license(new License().name("GPL-3.0-or-later").identifier("GPL-3.0-or-later")));
        if (!token.isBlank()) {
            api.components(new Components().addSecuritySchemes("token",
                            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                    .addSecurityItem(new SecurityRequirement().addList("token"));
        }
        return api;
    }
}
