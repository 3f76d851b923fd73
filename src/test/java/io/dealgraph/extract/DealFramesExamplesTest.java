package io.dealgraph.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example sentence in extract/rules/frames.yaml, run through the whole extractor: the deals (investments and
 * spend commitments) read from the example (after its context sentence, if any) are exactly the listed ones, with the
 * listed figure, round size, role and series. A rule and its examples change together; a phrasing that breaks shows here by name.
 */
class DealFramesExamplesTest {

    private static final DealFrames FRAMES = DealFrames.load();
    private static final LocalDate PUBLISHED = LocalDate.of(2025, 6, 18);

    @TestFactory
    Stream<DynamicTest> everyExampleGivesItsFacts() {
        List<DynamicTest> tests = new ArrayList<>();
        for (DealFrames.Frame f : FRAMES.frames) {
            for (DealFrames.Example ex : f.examples()) {
                tests.add(DynamicTest.dynamicTest("frame " + f.name() + ": " + ex.text(), () -> check(ex)));
            }
        }
        for (DealFrames.ListRule l : FRAMES.lists) {
            for (DealFrames.Example ex : l.examples()) {
                tests.add(DynamicTest.dynamicTest("list " + l.name() + ": " + ex.text(), () -> check(ex)));
            }
        }
        return tests.stream();
    }

    @Test
    void everyFrameAndListHasAnExample() {
        FRAMES.frames.forEach(f -> assertThat(f.examples()).as("examples of frame " + f.name()).isNotEmpty());
        FRAMES.lists.forEach(l -> assertThat(l.examples()).as("examples of list " + l.name()).isNotEmpty());
    }

    static void check(DealFrames.Example ex) {
        String context = ex.context() == null ? "" : ex.context() + "\n";
        Document doc = new Document("example", null, null, PUBLISHED, context + ex.text());
        int from = context.length();
        TreeSet<String> got = new TreeSet<>();
        Map<String, Fact> byPair = new HashMap<>();
        for (Fact fact : Extractors.ruleBased().extract(doc)) {
            if ((fact.type() == FactType.INVESTS_IN || fact.type() == FactType.COMMITS_SPEND_TO) && fact.start() >= from) {
                String pair = fact.type() + " " + fact.from() + " -> " + fact.to();
                got.add(pair);
                byPair.merge(pair, fact, (a, b) -> a.amount() != null ? a : b);
            }
        }
        TreeSet<String> expected = new TreeSet<>();
        for (String line : ex.facts()) {
            String[] parts = line.split("\\s*\\|\\s*");
            expected.add(parts[0].trim());
        }
        assertThat(got).as("deals read from: " + ex.text()).isEqualTo(expected);
        for (String line : ex.facts()) {
            String[] parts = line.split("\\s*\\|\\s*");
            Fact fact = byPair.get(parts[0].trim());
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].split("=", 2);
                String actual = switch (kv[0].trim()) {
                    case "amount" -> String.valueOf(fact.amountUsd() != null ? fact.amountUsd() : fact.amount());
                    case "round" -> fact.round() == null ? "null"
                            : String.valueOf(fact.round().usd() != null ? fact.round().usd() : fact.round().amount());
                    case "role" -> fact.round() == null ? "null" : fact.round().role();
                    case "series" -> fact.round() == null ? "null" : fact.round().series();
                    default -> throw new IllegalArgumentException("unknown attribute in example: " + parts[i]);
                };
                assertThat(actual).as(kv[0] + " of " + parts[0] + " in: " + ex.text()).isEqualTo(kv[1].trim());
            }
        }
    }
}
