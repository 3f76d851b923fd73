package io.dealgraph.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Gives each test application context its own empty data directory and free ports, so test classes can run
 * side by side (and next to a developer's running server) without sharing a store lock or a port.
 */
public class TempStoreInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Path dir;
        try {
            dir = Files.createTempDirectory("dealgraph-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("temp-store", Map.of(
                "dealgraph.embedded.data-dir", dir.toString(),
                "dealgraph.embedded.bolt-port", "0",
                "dealgraph.embedded.page-cache", "32m")));
        // Disposable beans are destroyed in the reverse order of their registration: registered before any other
        // bean exists, this runs last, after the store has shut down. (A shutdown hook added on close could not be
        // added when the context itself closed in the JVM's shutdown, and left the directory behind.)
        if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
            registry.registerDisposableBean("temp-store-directory", () -> FileSystemUtils.deleteRecursively(dir.toFile()));
        }
    }
}
