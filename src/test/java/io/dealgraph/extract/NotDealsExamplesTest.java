package io.dealgraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example of extract/rules/not-deals.yaml through the whole extractor: what a rule takes back is gone, and the
 * deals its counter-examples hold are still read (same check as the frames' examples).
 */
class NotDealsExamplesTest {

    private static final NotDeals RULES = NotDeals.load();

    @TestFactory
    Stream<DynamicTest> everyExampleGivesItsFacts() {
        List<DynamicTest> tests = new ArrayList<>();
        for (NotDeals.Rule r : RULES.rules) {
            for (DealFrames.Example ex : r.examples()) {
                tests.add(DynamicTest.dynamicTest("not-deal " + r.name() + ": " + ex.text(), () -> DealFramesExamplesTest.check(ex)));
            }
        }
        return tests.stream();
    }

    @Test
    void everyRuleHasExamplesAndEveryKindOfNotDealIsThere() {
        for (NotDeals.Rule r : RULES.rules) {
            assertThat(r.examples()).as("examples of " + r.name()).isNotEmpty();
        }
        assertThat(RULES.rules).extracting(NotDeals.Rule::name)
                .contains("denied", "loan-or-subsidy", "news-outlet", "owner-of-the-investor", "investor-as-investee");
    }
}
