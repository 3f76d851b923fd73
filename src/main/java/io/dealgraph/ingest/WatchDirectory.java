package io.dealgraph.ingest;

import io.dealgraph.extract.DocumentReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * {@code dealgraph.ingest.watch-dir}: imports the directory once the server is up, then looks again every
 * {@code watch-interval} for files that are new or changed since. Polling rather than a file-system watch service,
 * because it also works on network and container mounts; ingest is idempotent, so a file seen twice costs a lookup.
 */
final class WatchDirectory implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WatchDirectory.class);

    private final Path dir;
    private final IngestSettings settings;
    private final IngestJobs jobs;
    private final Map<Path, String> seen = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ingest-watch");
        t.setDaemon(true);
        return t;
    });

    WatchDirectory(IngestSettings settings, IngestJobs jobs) {
        this.dir = settings.watchDir();
        this.settings = settings;
        this.jobs = jobs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!Files.isDirectory(dir)) {
            log.warn("The watch directory {} does not exist or is not a directory; nothing will be imported from it.", dir);
            return;
        }
        log.info("Importing {} and watching it every {} s", dir, settings.watchInterval().toSeconds());
        timer.scheduleWithFixedDelay(this::scan, 0, Math.max(1, settings.watchInterval().toMillis()), TimeUnit.MILLISECONDS);
    }

    /** Submits the files that are new or changed since the last scan as one job. */
    void scan() {
        try {
            List<IngestService.Input> inputs = new ArrayList<>();
            for (Path f : DocumentReader.collect(List.of(dir))) {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                String stamp = a.size() + "@" + a.lastModifiedTime().toMillis();
                if (!stamp.equals(seen.put(f, stamp))) {
                    inputs.add(IngestService.Input.file(f, null));
                }
            }
            if (!inputs.isEmpty()) {
                jobs.submit("watch " + dir + " (" + inputs.size() + " files)", inputs);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Scanning {} failed: {}", dir, e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
