package io.dealgraph.extract;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** When the named-entity model may be left out of a sentence: only when it could add nothing the rules lack. */
class RecogniseSkipTest {

    private final Lexicon lexicon = Lexicon.load();
    private final LanguageStages.Recognise recognise = new LanguageStages.Recognise(lexicon.stopwords(), lexicon.places(), lexicon.headlineVerbs(),
            lexicon.descriptorNouns());

    private boolean needsModel(String sentence, String... covered) {
        List<Mentions.Mention> mentions = new ArrayList<>();
        for (String name : covered) {
            int at = sentence.indexOf(name);
            mentions.add(new Mentions.Mention(at, at + name.length(), name, "Company", Mentions.Source.KNOWN, true, false));
        }
        return recognise.needsModel(LanguageStages.Tokenize.tokens(sentence), mentions);
    }

    @Test
    void aSentenceWhoseNamesTheRulesAllFoundIsLeftOut() {
        assertThat(needsModel("The company said Amazon would invest $4 billion in Anthropic.", "Amazon", "Anthropic")).isFalse();
        assertThat(needsModel("It raised $40 million from Northstar Ventures.", "Northstar Ventures")).isFalse();
    }

    @Test
    void aCapitalisedWordNoRuleCoversSendsTheSentenceToTheModel() {
        assertThat(needsModel("Amazon would invest $4 billion in Anthropic and Quillbyte.", "Amazon", "Anthropic")).isTrue();
        // only a function word opening the sentence is passed over, never a name there
        assertThat(needsModel("Quillbyte raised $40 million from Northstar Ventures.", "Northstar Ventures")).isTrue();
        assertThat(needsModel("US DOE takes a 5% stake in Lithium Americas.", "Lithium Americas")).isTrue();
    }

    @Test
    void aMentionNamedLikeAPlaceAsksTheModelWhetherItIsOne() {
        assertThat(needsModel("Investors in London put $40 million into it.", "London")).isTrue();
    }
}
