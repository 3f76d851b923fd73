package io.dealgraph.extract;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SentencesTest {

    private static List<String> texts(String s) {
        List<Sentences.Sentence> out = Sentences.split(s);
        for (Sentences.Sentence x : out) {
            assertThat(s.substring(x.start(), x.end())).isEqualTo(x.text());
        }
        return out.stream().map(Sentences.Sentence::text).toList();
    }

    @Test
    void abbreviationsAndDecimalsDoNotEndSentences() {
        assertThat(texts("Acme Inc. raised $1.25B. The U.S. firm said so, e.g. in a filing. Then it left."))
                .containsExactly("Acme Inc. raised $1.25B.", "The U.S. firm said so, e.g. in a filing.", "Then it left.");
    }

    @Test
    void aCompanyAbbreviationBeforeAnAdverbAndItsCommaEndsASentence() {
        assertThat(texts("It raised money from supplier Denso Corp. Separately, Quill said it raised more."))
                .containsExactly("It raised money from supplier Denso Corp.", "Separately, Quill said it raised more.");
        assertThat(texts("Acme Corp. Holdings raised money.")).containsExactly("Acme Corp. Holdings raised money.");
    }

    @Test
    void headlinesBulletsAndRowsAreTheirOwnSentences() {
        assertThat(texts("Big Deal For Acme\n- first point\n- second point\nSeptember 2023 $1.25 billion Initial\nBody text here."))
                .containsExactly("Big Deal For Acme", "- first point", "- second point", "September 2023 $1.25 billion Initial", "Body text here.");
    }

    @Test
    void wrappedProseIsJoined() {
        assertThat(texts("Acme said on Monday that it had raised a large sum from several\ninvestors in Europe. Next one."))
                .containsExactly("Acme said on Monday that it had raised a large sum from several\ninvestors in Europe.", "Next one.");
    }

    @Test
    void initialsDoNotSplit() {
        assertThat(texts("T. Rowe Price led the round. It closed.")).containsExactly("T. Rowe Price led the round.", "It closed.");
    }

    @Test
    void aSentenceWithoutEndIsCutIntoBoundedPiecesAtSpaces() {
        String run = "the company said it would invest in new data centers and Acme raised $40 million ".repeat(2_500); // 200 KB
        List<Sentences.Sentence> pieces = Sentences.split(run);
        assertThat(pieces).hasSizeGreaterThan(run.length() / Sentences.MAX_CHARS);
        for (Sentences.Sentence p : pieces) {
            assertThat(p.text().length()).isLessThanOrEqualTo(Sentences.MAX_CHARS);
            assertThat(run.substring(p.start(), p.end())).isEqualTo(p.text());
            // cut between words, never inside one
            assertThat(p.start() == 0 || run.charAt(p.start() - 1) == ' ').isTrue();
            assertThat(p.end() == run.length() || run.charAt(p.end()) == ' ').isTrue();
        }
        assertThat(pieces.get(pieces.size() - 1).end()).isEqualTo(run.stripTrailing().length());
    }

    @Test
    void aRunWithoutSpacesIsCutAtTheLimit() {
        List<Sentences.Sentence> pieces = Sentences.split(",".repeat(3 * Sentences.MAX_CHARS + 7));
        assertThat(pieces).extracting(p -> p.text().length()).containsExactly(Sentences.MAX_CHARS, Sentences.MAX_CHARS, Sentences.MAX_CHARS, 7);
        assertThat(pieces).extracting(Sentences.Sentence::index).containsExactly(0, 1, 2, 3);
    }

    @Test
    void sentencesUpToTheLimitAreNotCut() {
        String sentence = ("Acme raised $40 million from Northstar Capital, Lux Capital and others " + "x".repeat(Sentences.MAX_CHARS))
                .substring(0, Sentences.MAX_CHARS - 1) + ".";
        assertThat(texts(sentence + " Next one.")).containsExactly(sentence, "Next one.");
    }
}
