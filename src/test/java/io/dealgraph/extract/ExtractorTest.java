package io.dealgraph.extract;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Relations, coreference and resolution through the public face, one phrasing at a time. */
class ExtractorTest {

    private static final LocalDate PUB = LocalDate.of(2025, 3, 12);

    private static List<Fact> facts(String text) {
        return Extractors.ruleBased().extract(new Document("t", null, null, PUB, text));
    }

    private static List<String> deals(String text) {
        return facts(text).stream().filter(f -> f.type() == FactType.INVESTS_IN || f.type() == FactType.COMMITS_SPEND_TO)
                .map(f -> f.type() + " " + f.from() + " -> " + f.to() + " " + f.amountUsd() + (f.cumulative() ? " total" : ""))
                .toList();
    }

    @Test
    void activeAndPassiveInvestments() {
        assertThat(deals("Amazon invested $4 billion in Anthropic.")).containsExactly("INVESTS_IN Amazon -> Anthropic 4000000000");
        assertThat(deals("Anthropic takes $5B from Amazon.")).containsExactly("INVESTS_IN Amazon -> Anthropic 5000000000");
        assertThat(deals("Microsoft's $10 billion investment in OpenAI was large.")).containsExactly("INVESTS_IN Microsoft -> OpenAI 10000000000");
        assertThat(deals("Amazon put $50 billion into OpenAI.")).containsExactly("INVESTS_IN Amazon -> OpenAI 50000000000");
        assertThat(deals("Nvidia-backed Veridian AI hired staff.")).containsExactly("INVESTS_IN Nvidia -> Veridian AI null");
    }

    @Test
    void fundingRoundsNeverGiveTheRoundToOneInvestor() {
        assertThat(deals("Zentrix Labs raised $42 million in a round led by Index Ventures, with participation from Northzone and Accel."))
                .containsExactlyInAnyOrder("INVESTS_IN Index Ventures -> Zentrix Labs null", "INVESTS_IN Northzone -> Zentrix Labs null",
                        "INVESTS_IN Accel -> Zentrix Labs null");
    }

    @Test
    void spendCommitments() {
        assertThat(deals("Anthropic pledged to spend $100 billion on AWS over 10 years."))
                .containsExactly("COMMITS_SPEND_TO Anthropic -> Amazon Web Services 100000000000");
        assertThat(deals("OpenAI signed a $11.9 billion compute contract with CoreWeave."))
                .containsExactly("COMMITS_SPEND_TO OpenAI -> CoreWeave 11900000000");
        Fact f = facts("Anthropic pledged to spend $100 billion on AWS over 10 years.").stream()
                .filter(x -> x.type() == FactType.COMMITS_SPEND_TO).findFirst().orElseThrow();
        assertThat(f.years()).isEqualTo(10);
    }

    @Test
    void runningTotalsAreCumulative() {
        assertThat(deals("Amazon invested another $4 billion in Anthropic, bringing its total to $8 billion."))
                .containsExactly("INVESTS_IN Amazon -> Anthropic 4000000000", "INVESTS_IN Amazon -> Anthropic 8000000000 total");
    }

    @Test
    void moneyThatIsNotAnInvestment() {
        assertThat(deals("Anthropic is valued at $60 billion. Amazon's revenue rose to $600 billion.")).isEmpty();
        assertThat(deals("Microsoft agreed to acquire Nuance for $19.7 billion.")).isEmpty();
    }

    @Test
    void coreferenceToThePreviousSubject() {
        assertThat(deals("Amazon announced a new partnership. The company put $2 billion into Anthropic."))
                .containsExactly("INVESTS_IN Amazon -> Anthropic 2000000000");
        assertThat(deals("Google backs many labs. The search giant invested $1 billion in Anthropic."))
                .contains("INVESTS_IN Google -> Anthropic 1000000000");
    }

    @Test
    void chipsAndClouds() {
        List<String> f = facts("Anthropic trains its models on AWS Trainium chips.").stream()
                .map(x -> x.type() + " " + x.from() + " -> " + x.to()).toList();
        assertThat(f).contains("USES_CHIP Anthropic -> Trainium", "MAKES_CHIP Amazon -> Trainium", "OPERATES Amazon -> Amazon Web Services");
    }

    @Test
    void evidenceOffsetsPointIntoTheText() {
        String text = "Headline here\nAmazon invested $4 billion in Anthropic on Monday.\n";
        for (Fact f : facts(text)) {
            assertThat(text.substring(f.start(), f.end())).isEqualTo(f.evidence());
            assertThat(f.date()).isEqualTo("2025-03-10");
        }
    }

    @Test
    void mergeKeepsOneCopy() {
        Extractor both = Extractors.merge(List.of(Extractors.ruleBased(), Extractors.ruleBased()));
        Document d = new Document("t", null, null, PUB, "Amazon invested $4 billion in Anthropic.");
        assertThat(both.extract(d)).hasSameSizeAs(Extractors.ruleBased().extract(d));
    }
}
