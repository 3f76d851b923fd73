package io.dealgraph.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How much of a document the statistical models read: all of a news article, a bounded share of anything larger. */
class ModelShareTest {

    private static final DealFrames FRAMES = DealFrames.load();

    private static Analysis candidates(String text) {
        Analysis a = new Analysis(Document.of("t", text), Deadline.none());
        a.sentences = Sentences.split(text);
        List<String> lowered = new ArrayList<>();
        List<List<Money.Amount>> money = new ArrayList<>();
        for (Sentences.Sentence s : a.sentences) {
            String l = RuleBasedExtractor.lower(s.text());
            lowered.add(l);
            money.add(Money.find(s.text(), l));
        }
        a.lowered = lowered;
        a.money = money;
        new LanguageStages.Candidates(FRAMES.cueWords(), FRAMES.vocabularies.getOrDefault("parse-cues", Set.of())).annotate(a);
        return a;
    }

    private static int modelChars(Analysis a) {
        int chars = 0;
        for (int i = 0; i < a.size(); i++) {
            if (a.candidate[i]) {
                chars += a.sentences.get(i).text().length();
            }
        }
        return chars;
    }

    @Test
    void anArticleIsReadWholeByTheModels() {
        Analysis a = candidates("Acme Robotics raised $40 million led by Northstar Capital.\n".repeat(100));
        assertThat(a.size()).isEqualTo(100);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.candidate[i]).isTrue();
            assertThat(a.parse[i]).isTrue();
        }
    }

    @Test
    void shortRowsReachTheShareInSentencesFirst() {
        Analysis a = candidates("| Acme | $4 million |\n".repeat(5_000));
        int candidates = 0;
        int parsed = 0;
        for (int i = 0; i < a.size(); i++) {
            candidates += a.candidate[i] ? 1 : 0;
            parsed += a.parse[i] ? 1 : 0;
        }
        assertThat(candidates).isEqualTo(LanguageStages.MAX_MODEL_SENTENCES);
        assertThat(parsed).isEqualTo(LanguageStages.MAX_MODEL_SENTENCES / 2);
        assertThat(a.parse[0]).isTrue();
    }

    @Test
    void aHugeTableOfDealsGoesToTheModelsOnlyUpToTheirShare() {
        String row = "| Acme Labs | Northstar Capital, Lux Capital and Founders Fund | $40 million | Series A | 2024-03-01 | San Francisco |\n";
        Analysis a = candidates(row.repeat(20_000)); // 1.2 MB, every row a candidate
        assertThat(modelChars(a)).isLessThanOrEqualTo(LanguageStages.MAX_MODEL_CHARS)
                .isGreaterThan(LanguageStages.MAX_MODEL_CHARS - row.length());
        // the first rows are read, in document order; no row after the share is parsed
        assertThat(a.candidate[0]).isTrue();
        assertThat(a.candidate[a.size() - 1]).isFalse();
        assertThat(a.parse[a.size() - 1]).isFalse();
    }
}
