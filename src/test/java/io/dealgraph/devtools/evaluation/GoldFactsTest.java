package io.dealgraph.devtools.evaluation;

import io.dealgraph.extract.Fact;
import io.dealgraph.extract.FactType;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gold files' facts as an extractor would give them ({@code evaluate --timeline --from-gold}): types filled in,
 * rounds kept, nothing from another document.
 */
class GoldFactsTest {

    @Test
    void aStudyArticlesRoundsKeepTheirIdsRolesAndSizes() throws Exception {
        Evaluation gold = Evaluation.load(Path.of("corpus", "study"));
        List<Fact> facts = gold.goldFacts("a04.md");
        assertThat(facts).isNotEmpty().allSatisfy(f -> assertThat(f.doc()).isEqualTo("a04.md"));
        Fact lead = facts.stream().filter(f -> f.from().equals("Andreessen Horowitz")).findFirst().orElseThrow();
        assertThat(lead.to()).isEqualTo("Mistral AI");
        assertThat(lead.fromType()).isEqualTo("Fund");
        assertThat(lead.round()).isNotNull();
        assertThat(lead.round().role()).isEqualTo("lead");
        assertThat(lead.round().amount()).isEqualTo(385_000_000L);
        assertThat(lead.round().currency()).isEqualTo("EUR");
        assertThat(facts.stream().filter(f -> f.from().equals("Eric Schmidt")).map(Fact::fromType)).containsOnly("Person");
        assertThat(gold.goldFacts("no-such-article.md")).isEmpty();
    }

    @Test
    void goldFilesWithoutTypesGetTheOnesTheFactTypeImplies() throws Exception {
        Evaluation gold = Evaluation.load(EvaluationTest.SEEDS);
        for (String doc : gold.docs()) {
            for (Fact f : gold.goldFacts(doc)) {
                assertThat(f.fromType()).as("%s %s", doc, f).isNotNull();
                assertThat(f.toType()).as("%s %s", doc, f).isNotNull();
                if (f.type() == FactType.USES_CHIP || f.type() == FactType.MAKES_CHIP) {
                    assertThat(f.toType()).isEqualTo("Chip");
                }
            }
        }
        assertThat(gold.docs()).isNotEmpty();
    }
}
