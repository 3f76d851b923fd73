package io.dealgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealgraph.devtools.synthetic.SyntheticNews;
import io.dealgraph.store.EmbeddedNeo4j;
import io.dealgraph.store.EmbeddedSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * {@code java -jar dealgraph.jar ingest} as a user runs it: a run killed without warning half-way, then started again
 * on the same documents and a few bad files, reports the bad files one by one and ends with exactly the graph of a
 * run that was not killed. (One scenario, because every run is a JVM start: tens of seconds on two cores.)
 */
class IngestCommandIT {

    static final Path JAR = Path.of("target", "dealgraph.jar");
    static final Pattern DONE = Pattern.compile("\\] +(\\d+)/(\\d+) documents");

    record Run(int exit, String out, String err) {
    }

    static ProcessBuilder ingest(Path dataDir, String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", JAR.toString(), "ingest"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("DEALGRAPH_DATA_DIR", dataDir.toString());
        pb.environment().put("DEALGRAPH_PAGE_CACHE", "32m");
        pb.environment().put("DEALGRAPH_INGEST_BATCH_SIZE", "4");
        return pb;
    }

    static Run run(ProcessBuilder pb) throws Exception {
        Path out = Files.createTempFile("ingest-out", ".txt");
        Path err = Files.createTempFile("ingest-err", ".txt");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void aMissingPathIsAClearErrorWithoutStartingAnything(@TempDir Path tmp) throws Exception {
        Run r = run(ingest(tmp.resolve("data"), tmp.resolve("nowhere").toString()));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("no such file or directory").doesNotContain("Exception");
        assertThat(tmp.resolve("data")).doesNotExist();
    }

    @Test
    void aKilledRunResumedEndsWithTheGraphOfAnUninterruptedOneAndBadFilesAreReportedWithoutATrace(@TempDir Path tmp) throws Exception {
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        // enough documents that the kill lands part-way with several batches before and after it; more only
        // lengthen the suite (each run is a JVM that starts Spring, Neo4j and the language models)
        List<String> articles = SyntheticNews.articles(32, 11);
        for (int i = 0; i < articles.size(); i++) {
            Files.writeString(docs.resolve(String.format("n%04d.txt", i)), articles.get(i));
        }
        Run whole = run(ingest(tmp.resolve("whole"), "--no-progress", docs.toString()));
        assertThat(whole.exit()).as(whole.err()).isZero();

        Process killed = ingest(tmp.resolve("resumed"), "--progress", docs.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int seen = 0;
        try (BufferedReader progress = new BufferedReader(new InputStreamReader(killed.getErrorStream(), StandardCharsets.UTF_8))) {
            StringBuilder token = new StringBuilder();
            int c;
            while ((c = progress.read()) >= 0) {
                token.append((char) c);
                Matcher m = DONE.matcher(token);
                if (c == '\r' && m.find()) {
                    seen = Integer.parseInt(m.group(1));
                    if (seen >= 12) {
                        killed.destroyForcibly(); // SIGKILL: no shutdown hook, no clean store shutdown
                        break;
                    }
                    token.setLength(0);
                }
            }
        }
        killed.waitFor(1, TimeUnit.MINUTES);
        assertThat(seen).as("the run was killed part-way").isBetween(12, articles.size() - 1);

        // the resumed run also meets files it must refuse, one by one, while the rest goes in; they leave nothing
        // in the graph, so it still ends equal to the uninterrupted run's
        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Files.write(bad.resolve("empty.txt"), new byte[0]);
        Files.write(bad.resolve("latin1.txt"), "Caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(bad.resolve("broken.json"), "{\"text\": ");
        Run resumed = run(ingest(tmp.resolve("resumed"), "--no-progress", docs.toString(), bad.toString()));
        assertThat(resumed.exit()).as(resumed.err()).isEqualTo(1);
        assertThat(resumed.out()).containsPattern("Ingested \\d+ documents \\((\\d+) already in the graph, 3 refused\\)")
                .contains("empty.txt: it is empty").contains("latin1.txt: it is not valid UTF-8").contains("broken.json: invalid JSON");
        assertThat(resumed.err()).doesNotContain("Exception");
        Matcher counts = Pattern.compile("Ingested (\\d+) documents \\((\\d+) already").matcher(resumed.out());
        assertThat(counts.find()).isTrue();
        assertThat(Integer.parseInt(counts.group(1)) + Integer.parseInt(counts.group(2))).as("every good document, once").isEqualTo(articles.size());
        assertThat(Integer.parseInt(counts.group(2))).as("the killed run's documents are not read again").isGreaterThanOrEqualTo(12);

        assertThat(shape(tmp.resolve("resumed"))).isEqualTo(shape(tmp.resolve("whole")));
    }

    // ingest beside a running server (straight to its REST API, no refused start-up on the way) is run by
    // deploy/ReadmeExamplesIT with the README's own commands, against the server it starts for all the examples

    /** Counts per label and type, and every document with its number of claims: equal graphs have equal shapes. */
    static Map<String, Object> shape(Path dataDir) {
        try (EmbeddedNeo4j db = EmbeddedNeo4j.start(new EmbeddedSettings(dataDir, "127.0.0.1", 0, "32m", null), "neo4j");
             Driver driver = GraphDatabase.driver(db.boltUri())) {
            return driver.executableQuery("""
                    CALL { MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label }
                    WITH collect(label + '=' + n) AS labels
                    CALL { MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type }
                    WITH labels, collect(type + '=' + n) AS types
                    CALL { MATCH (d:Document) RETURN d.name + ':' + count { (d)<-[:SOURCED_FROM]-() } AS doc ORDER BY doc }
                    WITH labels, types, collect(doc) AS documents
                    CALL { MATCH (d:Deal) RETURN d.id + ' ' + d.label AS deal ORDER BY deal }
                    RETURN labels, types, documents, collect(deal) AS deals""").execute().records().get(0).asMap();
        }
    }
}
