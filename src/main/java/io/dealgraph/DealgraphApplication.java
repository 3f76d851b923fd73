package io.dealgraph;

import io.dealgraph.cli.Commands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

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
            SpringApplication.run(DealgraphApplication.class, Commands.serveArguments(args));
        } else {
            System.exit(Commands.run(args, System.out, System.err));
        }
    }
}
