package io.dealgraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The direction of dependencies between the packages of src/main/java, read from the sources: the product's feature
 * packages use neither the command line nor the development tooling, and the tooling does not use the command line
 * (cli dispatches to both). A reference counts whether it is an import or a name written out in full in the code.
 */
class PackageDependenciesTest {

    static final Path MAIN = Path.of("src", "main", "java", "io", "dealgraph");
    static final List<String> FEATURES = List.of("extract", "ingest", "graph", "query", "export", "store", "schema", "web", "browser");

    /** Which packages each package may not name. */
    static final Map<String, List<String>> FORBIDDEN = Map.of(
            "feature", List.of("io.dealgraph.devtools", "io.dealgraph.cli"),
            "devtools", List.of("io.dealgraph.cli"));

    @Test
    void featurePackagesUseNeitherTheCommandLineNorTheDevTools() {
        assertThat(Files.isDirectory(MAIN.resolve("devtools"))).as("run from the project directory").isTrue();
        List<String> violations = new ArrayList<>();
        for (String feature : FEATURES) {
            assertThat(MAIN.resolve(feature)).as("a feature package the rule names").isDirectory();
            violations.addAll(scan(MAIN.resolve(feature), FORBIDDEN.get("feature")));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void devToolsDoNotUseTheCommandLine() {
        assertThat(scan(MAIN.resolve("devtools"), FORBIDDEN.get("devtools"))).isEmpty();
    }

    /** The scan itself finds what it is meant to find, so that an empty result above means something. */
    @Test
    void theScanFindsImportsAndNamesWrittenInFull() {
        List<String> forbidden = List.of("io.dealgraph.cli");
        assertThat(references("import io.dealgraph.cli.Commands;\nclass A {}", forbidden)).containsExactly("io.dealgraph.cli.Commands");
        assertThat(references("class A { int x = io.dealgraph.cli.Commands.run(null, null, null); }", forbidden))
                .containsExactly("io.dealgraph.cli.Commands");
        assertThat(references("/** unlike {@link io.dealgraph.cli.Commands} */\n// io.dealgraph.cli too\nclass A {}", forbidden))
                .as("comments are not dependencies").isEmpty();
        assertThat(references("import io.dealgraph.client.Http;", forbidden)).as("a longer package name").isEmpty();
        assertThat(references("import io.dealgraph.cli.*;", forbidden)).containsExactly("io.dealgraph.cli.*");
    }

    static List<String> scan(Path dir, List<String> forbidden) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                references(Files.readString(file), forbidden).forEach(r -> found.add(MAIN.relativize(file) + " uses " + r));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    /** Every name under a forbidden package that the code (comments aside) mentions. */
    static List<String> references(String source, List<String> forbidden) {
        String code = COMMENTS.matcher(source).replaceAll(" ");
        List<String> found = new ArrayList<>();
        for (String p : forbidden) {
            // the package, its sub-packages (lower case), then a class (upper case) or a wildcard import
            Matcher m = Pattern.compile("\\b" + Pattern.quote(p) + "(\\.[a-z_]\\w*)*\\.([A-Z]\\w*|\\*)").matcher(code);
            while (m.find()) {
                found.add(m.group());
            }
        }
        return found;
    }
}
