package io.dealgraph.browser;

import org.springframework.boot.autoconfigure.neo4j.Neo4jConnectionDetails;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves Neo4j Browser (the web app inside the {@code org.neo4j.client:neo4j-browser} jar, under {@code browser/})
 * at {@code /browser/}. The Browser then asks this host where Bolt is (see {@link DiscoveryController}).
 */
@Configuration(proxyBeanMethods = false)
class BrowserConfiguration implements WebMvcConfigurer {

    private final Neo4jConnectionDetails connection;

    BrowserConfiguration(Neo4jConnectionDetails connection) {
        this.connection = connection;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/browser/**").addResourceLocations("classpath:/browser/");
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/browser", BrowserEntry.path(connection));
    }
}
