package io.dealgraph;

import io.dealgraph.DealgraphApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application without its web server, for subcommands that need the graph ({@code ingest}, {@code export},
 * ...): the same configuration as the server (application.yml, environment variables), the same store (embedded
 * or {@code NEO4J_URI}), the schema migrated. Quiet, so that a job's own output is what the user reads.
 */
public final class JobContext {

    private JobContext() {
    }

    /**
     * Starts the context; close it when the job is done (that also stops an embedded database cleanly).
     *
     * @param overrides Spring-style {@code --key=value} arguments, applied over the configuration
     */
    public static ConfigurableApplicationContext open(List<String> overrides) {
        // the plain logging of jobs without Spring (DealgraphApplication) gives way to Spring Boot's, configured below
        System.clearProperty("logback.configurationFile");
        List<String> args = new ArrayList<>();
        // A job's embedded database needs Bolt only for its own driver: any free port, so that a job never
        // collides with something else listening on 7687.
        args.add("--dealgraph.embedded.bolt-port=0");
        args.add("--logging.level.root=WARN");
        args.add("--logging.level.io.dealgraph=WARN");
        args.addAll(overrides);
        return new SpringApplicationBuilder(DealgraphApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(true)
                .run(args.toArray(String[]::new));
    }
}
