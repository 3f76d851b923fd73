package io.dealgraph.web;

import io.dealgraph.store.ExposureGuard;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Runs before any bean (and so before the database) starts, so that an unsafe HTTP binding is refused at once.
 * Registered in META-INF/spring.factories.
 */
class ExposureCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (event.getSpringApplication().getWebApplicationType() == WebApplicationType.NONE) {
            return;
        }
        Environment env = event.getEnvironment();
        if ("none".equalsIgnoreCase(env.getProperty("spring.main.web-application-type", ""))) {
            return;
        }
        String address = env.getProperty("server.address", "");
        String token = env.getProperty("dealgraph.security.api-token", "");
        ExposureGuard.checkHttp(address, token);
        ExposureGuard.checkBoltBehindToken(address, token, env.getProperty("dealgraph.neo4j.uri", ""),
                env.getProperty("dealgraph.embedded.password", ""));
    }
}
