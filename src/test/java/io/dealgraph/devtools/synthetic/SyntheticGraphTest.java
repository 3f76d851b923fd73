package io.dealgraph.devtools.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticGraphTest {

    @Test
    void syntheticNamesAreUniqueAndStable() {
        // stable: the same name on every run and release, so benchmarks of one graph compare across versions
        assertThat(SyntheticGraph.companyName(42)).isEqualTo("Rixbit Networks 42");
        // unique: the API resolves companies by name
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            names.add(SyntheticGraph.companyName(i));
        }
        assertThat(names).hasSize(20_000);
    }
}
