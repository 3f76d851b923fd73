package io.dealgraph.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The README is the contract with a new user; these are the parts of it that can silently go stale. */
class DocumentationTest {

    static String read(String path) throws IOException {
        return Files.readString(Path.of(path));
    }

    @Test
    void everyEnvironmentVariableTheApplicationReadsIsInTheConfigurationTable() throws IOException {
        String readme = read("README.md");
        Set<String> variables = ComposeFileTest.placeholders(read("src/main/resources/application.yml"));
        assertThat(variables).isNotEmpty().allSatisfy(v -> assertThat(readme).as(v).contains("| `" + v + "` |"));
    }

    @Test
    void theTwoCommandsAreTheOnesCiRuns() throws IOException {
        String readme = read("README.md");
        assertThat(readme).contains("./mvnw spring-boot:run").contains("./mvnw verify");
        assertThat(read(".ci/run")).containsPattern("(?m)^\\./mvnw .*verify$");
        assertThat(Files.isExecutable(Path.of("mvnw"))).isTrue();
    }

    @Test
    void everyMigrationAndTheStyleTheReadmeNamesExist() {
        assertThat(Path.of("cypher/migrations/V0001__Unique_keys.cypher")).exists();
        assertThat(Path.of("cypher/dealgraph.grass")).exists();
    }
}
