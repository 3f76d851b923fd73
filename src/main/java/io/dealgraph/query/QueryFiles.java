package io.dealgraph.query;

import io.dealgraph.graph.CypherScript;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Cypher of the query API: one file per query under {@code cypher/queries/}, on the classpath as packaged
 * from the repository's top-level {@code cypher/} folder. The API sends a file's text as it is, comments included,
 * so what an analyst pastes into Neo4j Browser is exactly what the API runs.
 */
public final class QueryFiles {

    /** Every query the API runs. A test executes each with the example parameters its header documents. */
    public static final List<String> NAMES = List.of("resolve", "entities", "funders", "investments", "commitments",
            "timeline", "deal", "circular", "paths", "stats");

    /** {@code // :param name => expression}: Browser's parameter command, commented so the file stays valid Cypher. */
    private static final Pattern PARAM = Pattern.compile("(?m)^//\\s*:param\\s+(\\w+)\\s*=>\\s*(.+?)\\s*$");

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private QueryFiles() {
    }

    public static String text(String name) {
        return CACHE.computeIfAbsent(name, QueryFiles::load);
    }

    /** The documented example parameters of a file: name to the Cypher expression Browser would evaluate. */
    public static Map<String, String> exampleParameters(String name) {
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(text(name));
        while (m.find()) {
            params.put(m.group(1), m.group(2));
        }
        return params;
    }

    private static String load(String name) {
        return CypherScript.text("queries/" + name + ".cypher");
    }
}
