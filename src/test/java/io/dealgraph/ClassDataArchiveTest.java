package io.dealgraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {

    @TempDir
    Path dir;

    @Test
    void aRecordingRunRemembersTheClassPathAndAMatchingRunKeepsTheArchive() throws IOException {
        Path jar = jar("app.jar", "v1");
        String classPath = jar + File.pathSeparator + dir.resolve("classes");
        Path archive = dir.resolve("app.jsa");

        ClassDataArchive.keepInStep(archive, List.of("-Xmx1g", "-XX:ArchiveClassesAtExit=" + archive), classPath);
        Files.writeString(archive, "archive the JVM wrote at exit");
        ClassDataArchive.keepInStep(archive, List.of("-XX:SharedArchiveFile=" + archive), classPath);

        assertThat(archive).exists();
        assertThat(dir.resolve("app.jsa.classpath")).content().contains(jar.toString());
    }

    @Test
    void aRebuiltJarMakesTheNextStartDeleteTheArchiveItCannotUse() throws IOException {
        Path jar = jar("app.jar", "v1");
        Path archive = dir.resolve("app.jsa");
        ClassDataArchive.keepInStep(archive, List.of("-XX:ArchiveClassesAtExit=" + archive), jar.toString());
        Files.writeString(archive, "archive");

        Files.writeString(jar, "v2, rebuilt with a new class");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));
        ClassDataArchive.keepInStep(archive, List.of("-XX:SharedArchiveFile=" + archive), jar.toString());

        assertThat(archive).doesNotExist();
        assertThat(dir.resolve("app.jsa.classpath")).doesNotExist();
    }

    @Test
    void anArchiveTheBuildDidNotNameIsLeftAlone() throws IOException {
        Path jar = jar("app.jar", "v1");
        Path archive = dir.resolve("app.jsa");
        Path handMade = dir.resolve("by-hand.jsa");
        Files.writeString(handMade, "someone's own archive for java -jar");

        ClassDataArchive.keepInStep(archive, List.of("-XX:SharedArchiveFile=" + handMade), jar.toString());

        assertThat(handMade).exists();
    }

    private Path jar(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
