package io.dealgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealgraph.ingest.DealReconciler.ClaimFigures;
import io.dealgraph.ingest.DealReconciler.PairDeal;
import java.util.List;
import org.junit.jupiter.api.Test;

class DealReconcilerTest {

    final DealReconciler reconciler = new DealReconciler(i -> "new-" + i);

    static ClaimFigures usd(long amount, String qualifier, String date) {
        return new ClaimFigures(amount, "USD", amount, qualifier, date, "announced", null, null);
    }

    @Test
    void fiveOutletsReportingOneDealMakeOneDeal() {
        var out = reconciler.reconcile(List.of(), List.of(usd(4_000_000_000L, "exact", "2024-11-22"),
                usd(4_000_000_000L, "exact", "2024-11"), usd(4_000_000_000L, "exact", null),
                usd(4_000_000_000L, "exact", "2024-11-25"), usd(3_900_000_000L, "about", "2024-11-22")));
        assertThat(out.dealOfClaim()).containsOnly("new-0");
        assertThat(out.touched()).singleElement().satisfies(d -> {
            assertThat(d.date()).isEqualTo("2024-11-22");
            assertThat(d.amountUsd()).isEqualTo(4_000_000_000L);
            assertThat(d.label()).isEqualTo("$4B 2024-11-22");
        });
    }

    @Test
    void aConflictingCeilingJoinsTheDealAndTheConsensusFigureStays() {
        var existing = new PairDeal("five", null, List.of(usd(5_000_000_000L, "exact", null), usd(5_000_000_000L, "exact", null)));
        var out = reconciler.reconcile(List.of(existing), List.of(usd(25_000_000_000L, "up_to", null)));
        assertThat(out.dealOfClaim()).containsExactly("five");
        assertThat(out.touched().get(0).amountUsd()).isEqualTo(5_000_000_000L);
    }

    @Test
    void theSamePairMonthsApartIsAnotherDeal() {
        var existing = new PairDeal("sept", null, List.of(usd(1_250_000_000L, "exact", "2023-09")));
        var out = reconciler.reconcile(List.of(existing), List.of(usd(2_750_000_000L, "exact", "2024-03"),
                usd(4_000_000_000L, "exact", "2024-11-22")));
        assertThat(out.dealOfClaim()).containsExactly("new-0", "new-1");
    }

    @Test
    void differentFiguresOnTheSameDayAreDifferentDeals() {
        var out = reconciler.reconcile(List.of(), List.of(usd(100_000_000L, "exact", "2025-01-10"), usd(2_000_000_000L, "exact", "2025-01-10")));
        assertThat(out.dealOfClaim()).containsExactly("new-0", "new-1");
    }

    @Test
    void aTrancheHangsUnderTheDealItIsPartOf() {
        var parent = new PairDeal("upto4", null, List.of(usd(4_000_000_000L, "up_to", "2023-09")));
        var tranche = new ClaimFigures(2_750_000_000L, "USD", 2_750_000_000L, "exact", "2024-03", "completed", null, 4_000_000_000L);
        var out = reconciler.reconcile(List.of(parent), List.of(tranche, tranche));
        assertThat(out.dealOfClaim()).containsExactly("new-0", "new-0");
        assertThat(out.touched().get(0).parent()).isEqualTo("upto4");
    }

    @Test
    void aFigureLessMentionJoinsTheUndatedDealRatherThanADatedOne() {
        var dated = new PairDeal("dated", null, List.of(usd(2_000_000_000L, "exact", "2023-10")));
        var undated = new PairDeal("undated", null, List.of(new ClaimFigures(null, null, null, "unknown", null, "completed", null, null)));
        var out = reconciler.reconcile(List.of(dated, undated),
                List.of(new ClaimFigures(null, null, null, "unknown", null, "reported", null, null)));
        assertThat(out.dealOfClaim()).containsExactly("undated");
    }

    @Test
    void datesFitWhenOneContainsTheOtherOrTheyAreDaysApart() {
        assertThat(DealReconciler.datesFit("2024", "2024-11-22")).isTrue();
        assertThat(DealReconciler.datesFit("2024-11-28", "2024-12-03")).isTrue();
        assertThat(DealReconciler.datesFit("2024-11-01", "2024-12-03")).isFalse();
        assertThat(DealReconciler.datesFit("2023-09", "2024-03")).isFalse();
    }

    @Test
    void labelsReadLikeNews() {
        assertThat(DealReconciler.label(15_000_000L, "EUR", null, "exact", "2024-06")).isEqualTo("EUR 15M 2024-06");
        assertThat(DealReconciler.label(1_250_000_000L, "USD", 1_250_000_000L, "up_to", null)).isEqualTo("up to $1.25B");
        assertThat(DealReconciler.label(null, null, null, "unknown", null)).isEqualTo("undisclosed");
    }

    static ClaimFigures reported(long amount, String qualifier, String date, String published) {
        return new ClaimFigures(amount, "USD", amount, qualifier, date, "announced", null, null, published);
    }

    @Test
    void aDealsHistorySaysWhatWasKnownOnEachDayASourceChangedIt() {
        // first an outlet says "up to $4 billion" in September; a second repeats it; in March the deal is reported
        // closed at $4 billion, and two more sources agree
        var out = reconciler.reconcile(List.of(), List.of(
                reported(4_000_000_000L, "up_to", "2023-09", "2023-09-25"),
                reported(4_000_000_000L, "up_to", "2023-09-25", "2023-09-26"),
                reported(4_000_000_000L, "exact", "2023-09", "2024-03-27"),
                reported(4_000_000_000L, "exact", "2023-09", "2024-03-28"),
                reported(4_000_000_000L, "exact", "2023-09", "2024-03-28")));
        var history = out.history().get("new-0");
        assertThat(history).extracting(DealReconciler.Reading::since).containsExactly("2023-09-25", "2023-09-26", "2024-03-28");
        assertThat(history.get(0).summary().label()).isEqualTo("up to $4B 2023-09");
        assertThat(history.get(1).summary().label()).as("a more precise date").isEqualTo("up to $4B 2023-09-25");
        // on 2024-03-27 two sources say "up to", one "exact": the ceiling still has the votes, nothing changed
        assertThat(history.get(2).summary().qualifier()).isEqualTo("exact");
        assertThat(history.get(history.size() - 1).summary()).as("the last reading is the deal as it stands")
                .isEqualTo(out.touched().get(0));
    }

    @Test
    void theSummaryDoesNotDependOnTheOrderClaimsArriveIn() {
        var early = reported(4_000_000_000L, "exact", "2024-11", "2024-11-22");
        var late = reported(5_000_000_000L, "exact", "2024-11", "2024-12-01");
        // one source each: the earliest published wins the tie, whichever came into the graph first
        assertThat(DealReconciler.summarise("d", null, List.of(late, early)).amountUsd()).isEqualTo(4_000_000_000L);
        assertThat(DealReconciler.summarise("d", null, List.of(early, late)).amountUsd()).isEqualTo(4_000_000_000L);
    }
}
