package io.dealgraph.testing;

import java.io.PrintStream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Says on the console, not only in the XML reports, when a test or a whole test class does not run and why: a
 * browser check without Chromium or without {@code npm ci --prefix src/test/browser}, a Docker test without Docker,
 * a corpus test without {@code ../shared}. Registered for surefire and failsafe alike through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public final class LoudSkips implements TestExecutionListener {

    private final PrintStream console = System.out;

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        say(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            say(test, result.getThrowable().map(Throwable::getMessage).orElse("assumption not met"));
        }
    }

    private void say(TestIdentifier test, String reason) {
        String name = test.getLegacyReportingName();
        String where = test.getParentIdObject().isPresent() && test.isTest() ? " (" + owner(test) + ")" : "";
        console.println();
        console.println("*** SKIPPED " + (test.isContainer() ? "test class " : "test ") + name + where + ": " + reason + " ***");
        console.println();
    }

    private static String owner(TestIdentifier test) {
        String id = test.getUniqueId();
        int start = id.indexOf("[class:");
        if (start < 0) {
            return "";
        }
        int end = id.indexOf(']', start);
        String cls = id.substring(start + 7, end);
        return cls.substring(cls.lastIndexOf('.') + 1);
    }
}
