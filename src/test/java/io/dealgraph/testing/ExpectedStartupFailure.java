package io.dealgraph.testing;

/**
 * For tests that start the application expecting it to refuse: the setting that keeps Spring Boot's
 * "APPLICATION FAILED TO START" banner off the console. Those tests check the failure analysis themselves (the same
 * description and action the banner would print), and a banner in a green build reads as breakage.
 */
public final class ExpectedStartupFailure {

    /** Passed as a command-line setting, so it holds for that one start-up and no other test. */
    public static final String QUIET_BANNER = "--logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter=OFF";

    private ExpectedStartupFailure() {
    }
}
