package io.dealgraph.export;

import io.dealgraph.graph.CypherScript;
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
        return CypherScript.text("export/" + name + ".cypher");
    }
}
