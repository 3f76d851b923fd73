package io.dealgraph.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A document whose reading passes its deadline, or whose thread is interrupted, gives up with no facts. */
class DeadlineTest {

    private static final Document LONG = Document.of("run-on", "Acme raised $40 million from Northstar Capital and the company said "
            .repeat(3_000));

    @Test
    void aSpentBudgetStopsTheReading() {
        assertThatThrownBy(() -> Extractors.ruleBased().extract(LONG, Deadline.after(Duration.ofMillis(1))))
                .isInstanceOfSatisfying(ExtractionAbandoned.class, e -> {
                    assertThat(e.why()).isEqualTo(ExtractionAbandoned.Why.OVER_BUDGET);
                    assertThat(e.getMessage()).isEqualTo("reading it took longer than its time budget of 1 ms");
                });
        assertThatThrownBy(() -> Extractors.ruleBased().extract(LONG, Deadline.after(Duration.ZERO)))
                .isInstanceOf(ExtractionAbandoned.class);
    }

    @Test
    void anInterruptedThreadStopsTheReading() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Extractors.ruleBased().extract(LONG, Deadline.none()))
                    .isInstanceOfSatisfying(ExtractionAbandoned.class, e -> assertThat(e.why()).isEqualTo(ExtractionAbandoned.Why.INTERRUPTED));
        } finally {
            assertThat(Thread.interrupted()).isTrue(); // the flag is left for the caller, and cleared here
        }
    }

    @Test
    void withinItsBudgetADocumentReadsAsWithout() {
        Document d = Document.of("d", "Northstar Capital led a $40 million Series B round in Acme Robotics, the company said on Tuesday.");
        assertThat(Extractors.ruleBased().extract(d, Deadline.after(Duration.ofMinutes(5)))).isEqualTo(Extractors.ruleBased().extract(d));
    }

    @Test
    void aPlainExtractorIsCheckedBeforeAndAfter() {
        Extractor plain = doc -> java.util.List.of();
        assertThatThrownBy(() -> plain.extract(LONG, Deadline.after(Duration.ZERO))).isInstanceOf(ExtractionAbandoned.class);
        assertThat(plain.extract(LONG, Deadline.none())).isEmpty();
    }
}
