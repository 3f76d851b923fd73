package io.dealgraph.devtools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryBenchTest {

    @Test
    void percentilesPickTheRankNotAnAverage() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = (i + 1) * 1_000_000L;
        }
        assertThat(QueryBench.pct(sorted, 0.50)).isEqualTo(50.0);
        assertThat(QueryBench.pct(sorted, 0.99)).isEqualTo(99.0);
    }
}
