package io.dealgraph.devtools.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code bench startup}: how long the server takes from {@code java -jar} to a healthy {@code /actuator/health},
 * run after run on one data directory (the first run creates the store, the others open it, as a user's restarts
 * do), and the same with a class-data-sharing archive made from a training run ({@code --cds}). Prints each run
 * (wall time to healthy, the ready banner's figure, the server's CPU time by then) and the medians.
 *
 * <p>{@code --maven DIR} measures the README's first command instead, {@code ./mvnw spring-boot:run} in the project
 * DIR, as a user meets it: the first run records the class-data archive when none is there (and writes it while it
 * stops), the later ones map it. Wall time counts Maven's own start; the CPU figure is the server's alone.
 */
public final class StartupBench {

    static final Pattern API = Pattern.compile("REST API\\s+(http://\\S+)/api");
    static final Pattern READY = Pattern.compile("ready in (\\d+) ms");

    private StartupBench() {
    }

    /** {@code recorded}: the run wrote the class-data archive as it stopped (a recording run, not a restart to count). */
    record Run(long healthyMs, long readyMs, double cpuSeconds, boolean recorded) {
    }

    /**
     * @param runs    starts of {@code ./mvnw spring-boot:run} (the first creates the store)
     * @param project the project folder that holds {@code mvnw}
     */
    public static int runMaven(int runs, Path project, PrintStream out, PrintStream err) {
        Path mvnw = project.toAbsolutePath().resolve("mvnw");
        if (!Files.isRegularFile(mvnw)) {
            err.println("dealgraph bench startup: no Maven wrapper at " + mvnw + " (pass the project's folder: --maven DIR)");
            return 1;
        }
        return inWorkDirectory(err, work -> {
            boolean recorded = Files.isRegularFile(project.resolve("target").resolve("dealgraph-run.jsa"));
            out.printf(Locale.ROOT, "bench startup: ./mvnw spring-boot:run in %s, %d runs, %d cores, Java %s; class-data archive %s%n",
                    project.toAbsolutePath(), runs, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    recorded ? "already recorded" : "not there yet: the first run records it");
            List<String> command = List.of(mvnw.toString(), "spring-boot:run");
            Path archive = project.toAbsolutePath().resolve("target").resolve("dealgraph-run.jsa");
            report(out, "./mvnw spring-boot:run", measure(command, project.toAbsolutePath(), archive, work.resolve("data"), runs, out, err));
            return 0;
        });
    }

    /**
     * @param runs starts per configuration (the first creates the store)
     * @param jar  the packaged jar to start
     * @param cds  also measure the extracted jar with a class-data-sharing archive
     */
    public static int run(int runs, Path jar, boolean cds, PrintStream out, PrintStream err) {
        if (!Files.isRegularFile(jar)) {
            err.println("dealgraph bench startup: no jar at " + jar + " (build it: ./mvnw -DskipTests package, or pass --jar PATH)");
            return 1;
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        return inWorkDirectory(err, work -> {
            out.printf(Locale.ROOT, "bench startup: %s, %d runs, %d cores, Java %s%n", jar, runs,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            List<String> plain = List.of(java, "-jar", jar.toAbsolutePath().toString());
            report(out, "java -jar", measure(plain, work.resolve("data-plain"), runs, out, err));
            if (cds) {
                Path app = work.resolve("app");
                int extracted = new ProcessBuilder(java, "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract",
                        "--destination", app.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start().waitFor();
                if (extracted != 0) {
                    err.println("dealgraph bench startup: extracting the jar failed (exit " + extracted + ")");
                    return 1;
                }
                Path archive = app.resolve("dealgraph.jsa");
                String extractedJar = app.resolve("dealgraph.jar").toString();
                out.println("training run for the class-data-sharing archive ...");
                measure(List.of(java, "-XX:ArchiveClassesAtExit=" + archive, "-jar", extractedJar), work.resolve("data-train"), 1, out, err);
                if (!Files.isRegularFile(archive)) {
                    err.println("dealgraph bench startup: the training run wrote no archive at " + archive);
                    return 1;
                }
                report(out, "java -XX:SharedArchiveFile (extracted jar)",
                        measure(List.of(java, "-XX:SharedArchiveFile=" + archive, "-jar", extractedJar), work.resolve("data-cds"), runs, out, err));
            }
            return 0;
        });
    }

    /** What a bench does in its own temporary folder, deleted afterwards. */
    private interface InWork {
        int run(Path work) throws IOException, InterruptedException;
    }

    private static int inWorkDirectory(PrintStream err, InWork bench) {
        Path work = null;
        try {
            work = Files.createTempDirectory("dealgraph-startup-");
            return bench.run(work);
        } catch (IOException e) {
            err.println("dealgraph bench startup: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            delete(work);
        }
    }

    private static List<Run> measure(List<String> command, Path data, int runs, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        return measure(command, null, null, data, runs, out, err);
    }

    /**
     * {@code directory}: where to run the command (Maven's project), or null for here; {@code archive}: the class-data
     * archive the command keeps by itself, watched to tell a recording run from a restart that used it (or null).
     */
    private static List<Run> measure(List<String> command, Path directory, Path archive, Path data, int runs, PrintStream out,
            PrintStream err)
            throws IOException, InterruptedException {
        List<Run> results = new ArrayList<>();
        for (int r = 1; r <= runs; r++) {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            if (directory != null) {
                pb.directory(directory.toFile());
            }
            pb.environment().put("DEALGRAPH_DATA_DIR", data.toString());
            pb.environment().put("DEALGRAPH_HTTP_PORT", "0");
            pb.environment().put("DEALGRAPH_BOLT_PORT", "0");
            long archiveBefore = archive != null && Files.isRegularFile(archive) ? Files.getLastModifiedTime(archive).toMillis() : -1;
            long started = System.nanoTime();
            Process p = pb.start();
            AtomicReference<String> api = new AtomicReference<>();
            AtomicReference<String> ready = new AtomicReference<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        Matcher a = API.matcher(line);
                        if (a.find()) {
                            api.set(a.group(1));
                        }
                        Matcher m = READY.matcher(line);
                        if (m.find()) {
                            ready.set(m.group(1));
                        }
                    }
                } catch (IOException e) {
                    // the process ended
                }
            }, "startup-bench-output");
            reader.setDaemon(true);
            reader.start();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = started + TimeUnit.MINUTES.toNanos(5);
            Long healthy = null;
            while (healthy == null && System.nanoTime() < deadline && p.isAlive()) {
                if (api.get() != null) {
                    try {
                        HttpResponse<String> h = http.send(HttpRequest.newBuilder(URI.create(api.get() + "/actuator/health"))
                                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                        if (h.statusCode() == 200 && h.body().contains("\"UP\"")) {
                            healthy = System.nanoTime() - started;
                        }
                    } catch (IOException e) {
                        // not listening yet
                    }
                }
                if (healthy == null) {
                    Thread.sleep(50);
                }
            }
            // Under Maven the server is the JVM Maven forks: its CPU is the figure, and it is the one to stop.
            ProcessHandle server = p.descendants()
                    .filter(h -> h.info().command().map(c -> c.endsWith("java") || c.endsWith("java.exe")).orElse(false))
                    .findFirst().orElse(p.toHandle());
            double cpu = server.info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(Double.NaN);
            long stopping = System.nanoTime();
            server.destroy(); // SIGTERM, as Ctrl-C or docker stop would
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            long stopMs = (System.nanoTime() - stopping) / 1_000_000;
            if (healthy == null) {
                err.println("dealgraph bench startup: run " + r + " never became healthy (exit " + (p.isAlive() ? "?" : p.exitValue()) + ")");
                throw new IOException("the server did not start");
            }
            boolean recorded = archive != null && Files.isRegularFile(archive)
                    && Files.getLastModifiedTime(archive).toMillis() != archiveBefore;
            Run run = new Run(healthy / 1_000_000, ready.get() == null ? -1 : Long.parseLong(ready.get()), cpu, recorded);
            out.printf(Locale.ROOT, "  run %d%s: healthy after %,d ms (banner: ready in %,d ms), %.1f s CPU; stopped in %,d ms%s%n", r,
                    r == 1 ? " (new store)" : "", run.healthyMs(), run.readyMs(), run.cpuSeconds(), stopMs,
                    recorded ? " (wrote the class-data archive)" : "");
            results.add(run);
        }
        return results;
    }

    private static void report(PrintStream out, String what, List<Run> runs) {
        List<Run> restarts = runs.size() > 1 ? runs.subList(1, runs.size()) : runs;
        if (restarts.stream().anyMatch(r -> !r.recorded())) {
            restarts = restarts.stream().filter(r -> !r.recorded()).toList(); // a recording run is no restart a user waits for twice
        }
        out.printf(Locale.ROOT, "%s: median healthy after %,d ms over %d restart(s) on the same store; first start %,d ms%n", what,
                median(restarts.stream().map(Run::healthyMs).toList()), restarts.size(), runs.get(0).healthyMs());
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }
}
