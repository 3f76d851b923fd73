package io.dealgraph.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceTest {

    private static String trimmed(String s) {
        int[] span = Evidence.trim(s);
        return s.substring(span[0], span[1]);
    }

    @Test
    void bulletsBarsAndEmphasisAreCutFromTheQuote() {
        assertThat(trimmed("- **Acme raised $5 million from Beta.**")).isEqualTo("Acme raised $5 million from Beta.");
        assertThat(trimmed("| Acme | $5 million | Beta |")).isEqualTo("Acme | $5 million | Beta");
        assertThat(trimmed("Acme raised $5 million.")).isEqualTo("Acme raised $5 million.");
    }

    @Test
    void aQuoteOfDebrisOnlyStaysWhole() {
        assertThat(trimmed("***")).isEqualTo("***");
    }
}
