package io.dealgraph.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Installs the Node packages of the browser checks ({@code playwright-core}, {@code @apidevtools/swagger-parser},
 * pinned by {@code src/test/browser/package-lock.json}) before the first test runs, when they are missing and npm is
 * on PATH, so that {@code ./mvnw verify} runs those checks wherever Chromium is installed with no step by hand.
 * Without npm, or when npm cannot reach a registry, the tests go on and the checks that need the packages skip,
 * saying so on the console ({@link LoudSkips}). {@code -Ddealgraph.npm.skip=true} leaves npm alone.
 *
 * <p>A launcher session listener rather than a Maven plugin step: the plugins that run commands are not in the
 * Maven repository this project builds from offline, and this way an IDE's test run gets the packages too.
 */
public final class BrowserTestPackages implements LauncherSessionListener {

    static final Path DIR = Path.of("src", "test", "browser");
    static final List<String> NEEDED = List.of("playwright-core", "@apidevtools/swagger-parser");

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (Boolean.getBoolean("dealgraph.npm.skip") || !Files.exists(DIR.resolve("package-lock.json")) || installed()) {
            return;
        }
        String npm = onPath(isWindows() ? "npm.cmd" : "npm");
        if (npm == null) {
            loud("src/test/browser has no node_modules and npm is not on PATH: the browser and OpenAPI checks will skip."
                    + " Install Node.js, or run npm ci --prefix src/test/browser where npm is");
            return;
        }
        System.out.println("Installing the Node packages of the browser checks: npm ci --prefix src/test/browser");
        // Not inherited: the test JVM's own standard streams are the build tool's channel to it.
        Path log = Path.of("target", "npm-ci.log");
        try {
            Files.createDirectories(log.getParent());
            Process p = new ProcessBuilder(npm, "ci", "--prefix", DIR.toString(), "--no-audit", "--no-fund", "--loglevel=error",
                    "--prefer-offline", "--fetch-retries=1", "--fetch-timeout=30000")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(3, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                loud("npm ci --prefix src/test/browser took more than 3 minutes and was stopped: the browser and OpenAPI checks will skip");
            } else if (p.exitValue() != 0 || !installed()) {
                List<String> output = Files.readAllLines(log);
                output.stream().limit(6).forEach(l -> System.out.println("  " + l));
                loud("npm ci --prefix src/test/browser failed (exit " + p.exitValue() + "; is a registry reachable? " + log + "):"
                        + " the browser and OpenAPI checks will skip");
            } else {
                System.out.println("Installed the Node packages of the browser checks.");
            }
        } catch (IOException e) {
            loud("npm ci --prefix src/test/browser could not run (" + e.getMessage() + "): the browser and OpenAPI checks will skip");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean installed() {
        return NEEDED.stream().allMatch(m -> Files.isDirectory(DIR.resolve("node_modules").resolve(m)));
    }

    static String onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }

    static void loud(String message) {
        System.out.println();
        System.out.println("*** " + message + " ***");
        System.out.println();
    }
}
