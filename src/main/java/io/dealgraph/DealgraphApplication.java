package io.dealgraph;

import io.dealgraph.cli.Commands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import sun.misc.Signal;

/**
 * The executable: with no arguments (or {@code serve}) it runs the server, with a subcommand it runs that job
 * and exits with its status.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DealgraphApplication {

    public static void main(String[] args) {
        // Neo4j brings a second SLF4J provider; without a pinned one SLF4J may pick Neo4j's and
        // later fail on a logback class. Must happen before any logger is created.
        System.setProperty("slf4j.provider",
                System.getProperty("slf4j.provider", "ch.qos.logback.classic.spi.LogbackServiceProvider"));
        // ...and SLF4J then announces the pinned provider on stderr at INFO, which is noise in a CLI.
        System.setProperty("slf4j.internal.verbosity", System.getProperty("slf4j.internal.verbosity", "WARN"));
        if (!Commands.isServe(args) && System.getProperty("logback.configurationFile") == null) {
            // jobs keep standard output for their results: warnings only, on standard error
            System.setProperty("logback.configurationFile", "logback-cli.xml");
        }
        if (Commands.isServe(args)) {
            stopCleanlyOnSignals();
            SpringApplication.run(DealgraphApplication.class, Commands.serveArguments(args));
        } else {
            System.exit(Commands.run(args, System.out, System.err));
        }
    }

    /**
     * A server stopped by SIGTERM ({@code kill}, {@code docker stop}) or by Ctrl-C was stopped as asked, not failed:
     * the shutdown hooks still close Spring and the database as before, and the exit status is 0 instead of the
     * JVM's 143 or 130, which {@code ./mvnw spring-boot:run} reports as "BUILD FAILURE". Jobs keep the JVM's
     * status: an interrupted ingest did not finish.
     */
    static void stopCleanlyOnSignals() {
        for (String name : new String[]{"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> System.exit(0));
            } catch (IllegalArgumentException e) {
                // the signal is not available here (another platform, or the JVM was told to leave signals alone)
            }
        }
    }
}
