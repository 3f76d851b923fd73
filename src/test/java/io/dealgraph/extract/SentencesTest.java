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
}
