package io.dealgraph.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The export's fixed queries, read from {@code cypher/export/} (the top-level folder, on the classpath). */
final class CypherFiles {

    private CypherFiles() {
    }

    /** The named files joined into one query, in order; each file takes over the variables the previous left. */
    static String join(String... names) {
        return Arrays.stream(names).map(CypherFiles::read).collect(Collectors.joining("\n"));
    }

    static String read(String name) {
        String resource = "/cypher/export/" + name + ".cypher";
        try (InputStream in = CypherFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
