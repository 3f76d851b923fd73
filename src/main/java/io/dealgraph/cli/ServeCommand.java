package io.dealgraph.cli;

import io.dealgraph.DealgraphApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine;

/**
 * {@code serve}: listed and documented with the subcommands. {@link DealgraphApplication#main} starts the server
 * itself without coming here (see {@link Commands#isServe}); this runs only when a caller hands {@code serve} to
 * {@link Commands#run}, and then serves until the server is stopped.
 */
@CommandLine.Command(name = "serve", description = "run the server: REST API, Neo4j Browser, Bolt (the default)",
        footer = {"", "--key=value settings override the configuration, e.g. --server.port=9090 (environment variables too)."})
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "show this command's options")
    boolean help;

    @CommandLine.Unmatched
    List<String> settings = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        SpringApplication app = new SpringApplication(DealgraphApplication.class);
        app.addListeners(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        ConfigurableApplicationContext context = app.run(settings.toArray(String[]::new));
        if (context.isActive()) {
            closed.await();
        }
        return 0;
    }
}
