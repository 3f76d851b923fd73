package io.dealgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealgraph.extract.Document;
import io.dealgraph.extract.Extractor;
import io.dealgraph.extract.Extractors;
import io.dealgraph.extract.Fact;
import io.dealgraph.store.StoreSettings;
import io.dealgraph.testing.EmbeddedStoreTest;
import io.dealgraph.testing.GraphFixtures;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a document may cost, on the real embedded database: one the graph already holds is not read again, one whose
 * reading exceeds the extraction budget is refused with the reason and leaves the graph as it was.
 */
@EmbeddedStoreTest
class ExtractionBudgetIT {

    static final String ARTICLE = DocumentApiIT.ARTICLE;

    /** 200 KB of prose with no full stop and no line break: one "sentence" of the whole size. */
    static final String RUN_ON = "Acme Robotics raised $40 million from Northstar Capital and the company said it would invest more "
            .repeat(2_100);

    @Autowired
    Driver driver;

    @Autowired
    StoreSettings store;

    @Autowired
    IngestSettings settings;

    @BeforeEach
    void wipe() {
        GraphFixtures.wipe(driver);
    }

    /** The rule-based extractor, counting the documents it is asked to read. */
    static final class Counting implements Extractor {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public List<Fact> extract(Document doc) {
            calls.incrementAndGet();
            return Extractors.ruleBased().extract(doc);
        }
    }

    private IngestService service(Extractor extractor, Duration budget) {
        IngestSettings s = new IngestSettings(settings.maxDocumentSize(), 2, settings.workers(), null, settings.watchInterval(), budget);
        return new IngestService(extractor, new GraphWriter(driver, store.database()), new Inputs(s), s);
    }

    @Test
    void aDocumentTheGraphHoldsIsAnsweredDuplicateWithoutBeingReadAgain() throws Exception {
        Counting extractor = new Counting();
        try (IngestService ingest = service(extractor, Duration.ofMinutes(1))) {
            IngestService.DocumentOutcome first = ingest.ingest(Document.of("orbitale.txt", ARTICLE));
            assertThat(first.status()).isEqualTo("ingested");
            assertThat(extractor.calls).hasValue(1);

            IngestService.DocumentOutcome again = ingest.ingest(Document.of("copy.txt", ARTICLE));
            assertThat(again.status()).isEqualTo("duplicate");
            assertThat(again.existingId()).isEqualTo(first.documentId());
            assertThat(again.facts()).isEmpty();
            assertThat(extractor.calls).hasValue(1);

            // a run: the known document and a copy of a new one within the batch are not read; the new one is, once
            IngestProgress progress = new IngestProgress();
            ingest.ingestAll(List.of(IngestService.Input.documents("run", List.of(Document.of("again.txt", ARTICLE),
                    Document.of("new.txt", ARTICLE + "\nMore."), Document.of("new-copy.txt", ARTICLE + "\nMore.")))), progress);
            assertThat(extractor.calls).hasValue(2);
            assertThat(progress.snapshot().ingested()).isEqualTo(1);
            assertThat(progress.snapshot().duplicates()).isEqualTo(2);
        }
        assertThat(count("Document")).isEqualTo(2);
    }

    @Test
    void aDocumentOverTheBudgetIsRefusedWithTheReasonAndNothingIsWritten() {
        try (IngestService ingest = service(Extractors.ruleBased(), Duration.ofMillis(1))) {
            assertThatThrownBy(() -> ingest.ingest(Document.of("run-on.txt", RUN_ON)))
                    .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                        assertThat(e.kind()).isEqualTo(RejectedInputException.Kind.TOO_COSTLY);
                        assertThat(e.getMessage()).isEqualTo("reading it took longer than its time budget of 1 ms (DEALGRAPH_EXTRACTION_BUDGET)");
                    });
        }
        assertThat(count("Document")).isZero();
        assertThat(count("Claim")).isZero();
        assertThat(count("Company")).isZero();
    }

    @Test
    void aRunRefusesTheDocumentOverTheBudgetAndWritesTheOthers() {
        // the budget is per document: this extractor reads the long one with its deadline already past, as a budget
        // too small for it but not for the article would
        Extractor slowOnLongText = new Extractor() {
            @Override
            public List<Fact> extract(Document doc) {
                return Extractors.ruleBased().extract(doc);
            }

            @Override
            public List<Fact> extract(Document doc, io.dealgraph.extract.Deadline deadline) {
                return Extractors.ruleBased().extract(doc, doc.text().length() > 100_000
                        ? io.dealgraph.extract.Deadline.after(Duration.ZERO) : deadline);
            }
        };
        IngestProgress progress = new IngestProgress();
        try (IngestService ingest = service(slowOnLongText, Duration.ofMinutes(1))) {
            ingest.ingestAll(List.of(IngestService.Input.documents("run", List.of(Document.of("run-on.txt", RUN_ON),
                    Document.of("orbitale.txt", ARTICLE)))), progress);
        }
        IngestProgress.Snapshot s = progress.snapshot();
        assertThat(s.ingested()).isEqualTo(1);
        assertThat(s.rejected()).isEqualTo(1);
        assertThat(s.rejections().get(0).name()).isEqualTo("run-on.txt");
        assertThat(s.rejections().get(0).reason()).contains("time budget").contains("DEALGRAPH_EXTRACTION_BUDGET");
        assertThat(count("Document")).isEqualTo(1);
    }

    @Test
    void reExtractionKeepsTheEarlierReadingOfADocumentNowOverTheBudget() throws Exception {
        try (IngestService ingest = service(Extractors.ruleBased(), Duration.ofMinutes(1))) {
            ingest.ingest(Document.of("orbitale.txt", ARTICLE));
        }
        long claims = count("Claim");
        assertThat(claims).isPositive();
        IngestProgress progress = new IngestProgress();
        try (IngestService strict = service(Extractors.ruleBased(), Duration.ZERO)) {
            strict.reextractAll(progress);
        }
        assertThat(progress.snapshot().rejections()).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("time budget").contains("earlier reading is kept"));
        assertThat(count("Claim")).isEqualTo(claims);
        // and a run within the budget ends as before
        try (IngestService ingest = service(Extractors.ruleBased(), Duration.ofMinutes(1))) {
            IngestProgress again = new IngestProgress();
            ingest.reextractAll(again);
            assertThat(again.snapshot().rejected()).isZero();
            assertThat(again.snapshot().ingested()).isEqualTo(1);
        }
        assertThat(count("Claim")).isEqualTo(claims);
    }

    long count(String label) {
        return driver.executableQuery("MATCH (n:" + label + ") RETURN count(n) AS n").execute().records().get(0).get("n").asLong();
    }
}
