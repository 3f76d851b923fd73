package io.dealgraph;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the class-data-sharing archive that {@code ./mvnw spring-boot:run} uses in step with the class path.
 *
 * <p>The build (see the {@code cds-} profiles in {@code pom.xml}) starts the server either recording an archive
 * ({@code -XX:ArchiveClassesAtExit}, when there is none) or mapping it ({@code -XX:SharedArchiveFile}). The JVM
 * quietly ignores an archive made for other jars (the classes were rebuilt, a dependency changed) and would go on
 * ignoring it; so the class path it was recorded with is written beside it, and a start that finds the class path
 * changed deletes the archive: the next run records a fresh one. It acts only on the archive the build names
 * ({@code -Ddealgraph.cds.archive}); a hand-made archive for {@code java -jar} is left alone.
 */
@Component
class ClassDataArchive {

    private static final Logger log = LoggerFactory.getLogger(ClassDataArchive.class);
    private static final String RECORD = "-XX:ArchiveClassesAtExit=";
    private static final String USE = "-XX:SharedArchiveFile=";

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        managedArchive().ifPresent(archive -> keepInStep(archive, ManagementFactory.getRuntimeMXBean().getInputArguments(),
                System.getProperty("java.class.path", "")));
    }

    /** The recording run writes the archive while it exits: say so, or the pause before the prompt looks like a hang. */
    @EventListener(ContextClosedEvent.class)
    void closing() {
        managedArchive()
                .filter(archive -> option(ManagementFactory.getRuntimeMXBean().getInputArguments(), RECORD).filter(archive::equals).isPresent())
                .ifPresent(archive -> log.info("Writing the class-data archive {} (once; the next starts use it) ...", archive));
    }

    private static Optional<Path> managedArchive() {
        String managed = System.getProperty("dealgraph.cds.archive");
        return managed == null || managed.isBlank() ? Optional.empty() : Optional.of(Path.of(managed).toAbsolutePath());
    }

    /** What {@link #ready()} does, with the JVM's arguments and class path passed in (for tests). */
    static void keepInStep(Path archive, List<String> jvmArguments, String classPathProperty) {
        Path recordedWith = archive.resolveSibling(archive.getFileName() + ".classpath");
        String classPath = fingerprint(classPathProperty);
        try {
            if (option(jvmArguments, RECORD).filter(archive::equals).isPresent()) {
                Files.writeString(recordedWith, classPath, StandardCharsets.UTF_8);
                log.info("Recording the classes this server loads: the JVM writes them to {} when it stops (a few "
                        + "seconds), and the next starts map them and take about half as long.", archive);
            } else if (option(jvmArguments, USE).filter(archive::equals).isPresent()) {
                String recorded = Files.isRegularFile(recordedWith) ? Files.readString(recordedWith, StandardCharsets.UTF_8) : "";
                if (!recorded.equals(classPath)) {
                    Files.deleteIfExists(archive);
                    Files.deleteIfExists(recordedWith);
                    log.info("The class-data archive {} was made for other classes or dependencies and went unused; "
                            + "it is deleted, and the next start records a new one.", archive);
                }
            }
        } catch (IOException e) {
            log.warn("Could not keep the class-data archive {} in step ({}); starts stay correct, only slower. "
                    + "Delete it by hand if this repeats.", archive, e.getMessage());
        }
    }

    private static Optional<Path> option(List<String> jvmArguments, String prefix) {
        return jvmArguments.stream()
                .filter(a -> a.startsWith(prefix))
                .map(a -> Path.of(a.substring(prefix.length())).toAbsolutePath())
                .findFirst();
    }

    /**
     * The class path as the JVM checks it against an archive: every entry, and for files their size and modification
     * time (a rebuilt jar differs in one of them).
     */
    static String fingerprint(String classPath) {
        StringBuilder out = new StringBuilder();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            File file = new File(entry);
            out.append(entry);
            if (file.isFile()) {
                out.append('\t').append(file.length()).append('\t').append(file.lastModified());
            }
            out.append('\n');
        }
        return out.toString();
    }
}
