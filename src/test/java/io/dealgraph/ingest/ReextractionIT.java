package io.dealgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealgraph.extract.Extractor;
import io.dealgraph.extract.Extractors;
import io.dealgraph.extract.RuleBasedExtractor;
import io.dealgraph.store.StoreSettings;
import io.dealgraph.testing.EmbeddedStoreTest;
import io.dealgraph.testing.GraphFixtures;
import io.dealgraph.testing.KeysContract;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Re-extraction against the embedded database: a graph read by one extractor, re-extracted by another, is the graph
 * a fresh ingest by the other gives, node for node; what cannot be re-read is said before anything changes.
 */
@EmbeddedStoreTest
class ReextractionIT {

    @Autowired
    Driver driver;

    @Autowired
    IngestService ingest;

    @Autowired
    StoreSettings store;

    @Autowired
    IngestSettings settings;

    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void wipe() {
        GraphFixtures.wipe(driver);
    }

    /** Batches of two documents: the replay crosses batch boundaries, as it does on any real graph. */
    private IngestService with(Extractor extractor) {
        IngestSettings small = new IngestSettings(settings.maxDocumentSize(), 2, settings.workers(), null, settings.watchInterval(),
                settings.extractionBudget());
        return new IngestService(extractor, new GraphWriter(driver, store.database()), new Inputs(small), small);
    }

    /**
     * The seeds, or with -Ddealgraph.reextract.corpus=DIR any folder of articles (the real-article study corpus is
     * the check this was measured on; its texts are not in git).
     */
    private static List<IngestService.Input> corpus() throws Exception {
        String dir = System.getProperty("dealgraph.reextract.corpus");
        if (dir == null) {
            return GraphFixtures.seedDocuments();
        }
        return io.dealgraph.extract.DocumentReader.collect(List.of(java.nio.file.Path.of(dir))).stream()
                .map(f -> IngestService.Input.file(f, null)).toList();
    }

    @Test
    void aGraphReadByAnOlderExtractorEndsAsAFreshIngestByTheCurrentOne() throws Exception {
        List<IngestService.Input> documents = corpus();
        // the older extractor: the word rules alone (no named entities, no parser, no context rules)
        try (IngestService older = with(Extractors.withParts(EnumSet.noneOf(RuleBasedExtractor.Part.class)))) {
            older.ingestAll(documents, new IngestProgress());
        }
        List<String> before = canonical();
        long stored = driver.executableQuery("MATCH (d:Document) RETURN count(d) AS n").execute().records().get(0).get("n").asLong();

        IngestProgress progress = new IngestProgress();
        try (IngestService current = with(Extractors.ruleBased())) {
            current.reextractAll(progress);
        }
        assertThat(progress.snapshot().ingested()).isEqualTo(stored);
        assertThat(progress.snapshot().rejected()).isZero();
        List<String> reextracted = canonical();
        assertThat(reextracted).isNotEqualTo(before);
        KeysContract.check(driver);
        assertThat(driver.executableQuery("""
                MATCH (c:Claim) RETURN collect(DISTINCT c.extractor) AS extractors, count(c.extraction) AS run, count(c) AS all""")
                .execute().records().get(0).asMap())
                .containsEntry("extractors", List.of(Extractors.ruleBased().version().extractor()))
                .satisfies(m -> assertThat(m.get("run")).isEqualTo(m.get("all")));
        assertThat(driver.executableQuery("MATCH (m:__Reextraction) RETURN count(m) AS n").execute().records().get(0).get("n").asLong())
                .as("the run's mark is gone").isZero();

        GraphFixtures.wipe(driver);
        try (IngestService current = with(Extractors.ruleBased())) {
            current.ingestAll(documents, new IngestProgress());
        }
        List<String> fresh = canonical();
        System.out.printf("Re-extraction of %d documents: %d graph elements, %d of them as a fresh ingest has them%n",
                stored, reextracted.size(), reextracted.stream().filter(new java.util.HashSet<>(fresh)::contains).count());
        assertThat(reextracted).containsExactlyElementsOf(fresh);
    }

    @Test
    void documentsWithoutTheirTextAreNamedBeforeAnythingChanges() throws Exception {
        ingest.ingestAll(GraphFixtures.seedDocuments(), new IngestProgress());
        driver.executableQuery("MATCH (:Document {name: '001_4018978f2a946d3a.txt'})-[:HAS_TEXT]->(t) DETACH DELETE t").execute();
        List<String> before = canonical();
        assertThatThrownBy(() -> ingest.reextractAll(new IngestProgress()))
                .isInstanceOf(IngestService.ReextractionRefused.class).hasMessageContaining("1 document was ingested before");
        ResponseEntity<String> refused = http.postForEntity("/api/reextract", null, String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody()).contains("ingest the same files again");
        assertThat(canonical()).isEqualTo(before);

        // the same file again: recognised by its content, and its text is kept
        IngestProgress again = new IngestProgress();
        ingest.ingestAll(GraphFixtures.seedDocuments(), again);
        assertThat(again.snapshot().duplicates()).isEqualTo(5);
        ingest.checkReextraction();
    }

    @Test
    void ingestWaitsForARunInProgress() throws Exception {
        driver.executableQuery("CREATE (:__Reextraction {id: 'current', run: 'reextract-test'})").execute();
        IngestProgress progress = new IngestProgress();
        ingest.ingestAll(GraphFixtures.seedDocuments(), progress);
        assertThat(progress.snapshot().ingested()).isZero();
        assertThat(progress.snapshot().rejections()).hasSize(5)
                .allSatisfy(r -> assertThat(r.reason()).contains("re-extraction (reextract-test) is in progress"));
        ResponseEntity<String> busy = http.postForEntity("/api/documents?name=a.txt",
                new org.springframework.http.HttpEntity<>("Acme Robotics raised $20 million from Beta Ventures.",
                        textHeaders()), String.class);
        assertThat(busy.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(driver.executableQuery("MATCH (d:Document) RETURN count(d) AS n").execute().records().get(0).get("n").asLong()).isZero();
    }

    private static org.springframework.http.HttpHeaders textHeaders() {
        org.springframework.http.HttpHeaders h = new org.springframework.http.HttpHeaders();
        h.setContentType(org.springframework.http.MediaType.TEXT_PLAIN);
        return h;
    }

    private List<String> canonical() {
        return CanonicalGraph.of(driver, true);
    }
}
