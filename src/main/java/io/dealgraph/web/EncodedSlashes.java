package io.dealgraph.web;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Company names can hold a slash or a backslash, and {@code /api/companies/{name}/...} carries the name in the path,
 * encoded ({@code %2F}, {@code %5C}). Tomcat turns such paths away by default, with its own HTML page, before the
 * application sees them. Passed through still encoded, they reach Spring MVC, which decodes the path variable after
 * matching, so the name arrives whole and a path cannot gain a segment from it.
 */
@Component
class EncodedSlashes implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling("passthrough");
            connector.setEncodedReverseSolidusHandling("passthrough");
        });
    }
}
