package io.dealgraph.schema;

import io.dealgraph.graph.CypherScript;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned schema migration. Most are a script, {@code V0001__Some_description.cypher}: statements separated by
 * a semicolon at the end of a line, {@code //} comment lines allowed. A Java-based one ({@link KeyBackfills}) has
 * statements too (its schema), and then a {@code backfill} that computes what Cypher should not spell out again (the
 * graph's keys, with graph/Keys).
 *
 * @param backfill run after the statements, or null
 */
record Migration(int version, String description, String checksum, List<String> statements, Backfill backfill) {

    /** The data part of a Java-based migration, in a session of its own (it commits batch by batch). */
    @FunctionalInterface
    interface Backfill {
        void run(org.neo4j.driver.Session session);
    }

    Migration {
        statements = List.copyOf(statements);
    }

    private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.cypher");

    static Migration parse(String fileName, String script) {
        Matcher name = NAME.matcher(fileName);
        if (!name.matches()) {
            throw new IllegalStateException("Migration file " + fileName + " is not named V<version>__<description>.cypher");
        }
        List<String> statements = CypherScript.parse(fileName, script).statements();
        return new Migration(Integer.parseInt(name.group(1)), name.group(2).replace('_', ' '),
                checksum(statements), statements, null);
    }

    /** Over the statements, not the raw text: editing a comment does not invalidate an applied migration. */
    static String checksum(List<String> statements) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String s : statements) {
                sha.update(s.replaceAll("\\s+", " ").getBytes(StandardCharsets.UTF_8));
                sha.update((byte) ';');
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
