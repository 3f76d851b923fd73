package io.dealgraph.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GrassStyleTest {

    @Test
    void readsSelectorsAndPropertiesAndUnquotesCaptions() {
        ObjectNode sheet = GrassStyle.parse("""
                /* comment */
                node { diameter: 50px; }
                node.Company {
                  color: #4C8EDA;
                  caption: '{name}';
                }""", new ObjectMapper());
        assertThat(sheet.path("node").path("diameter").asText()).isEqualTo("50px");
        assertThat(sheet.path("node.Company").path("color").asText()).isEqualTo("#4C8EDA");
        assertThat(sheet.path("node.Company").path("caption").asText()).isEqualTo("{name}");
    }

    @Test
    void theShippedStyleColorsAndCaptionsEveryLabelOfTheModel() throws Exception {
        ObjectNode sheet = GrassStyle.parse(Files.readString(Path.of("cypher/dealgraph.grass")), new ObjectMapper());
        for (String label : new String[] {"Company", "Cloud", "Chip", "Deal", "Document"}) {
            assertThat(sheet.path("node." + label).path("color").asText()).as(label).startsWith("#");
            assertThat(sheet.path("node." + label).path("caption").asText()).as(label).startsWith("{");
        }
        assertThat(sheet.path("node.Company").path("caption").asText()).isEqualTo("{name}");
    }
}
