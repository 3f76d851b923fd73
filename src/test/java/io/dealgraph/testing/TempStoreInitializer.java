package io.dealgraph.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
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
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                // After the store has shut down: listeners run before singletons are destroyed, so defer.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(dir.toFile())));
            }
        });
    }
}
