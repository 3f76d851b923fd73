package io.dealgraph.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GrassStyleTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void captionsKeepTheirBracesAndLoseTheirQuotes() {
        ObjectNode sheet = GrassStyle.parse("""
                node.Company { color: #4C8EDA; caption: '{name}'; }
                node.Cloud { caption: "{name}"; color: #F79767 }
                relationship { caption: '<type>'; }
                """, mapper);

        assertThat(sheet.toString()).isEqualTo("""
                {"node.Company":{"color":"#4C8EDA","caption":"{name}"},\
                "node.Cloud":{"caption":"{name}","color":"#F79767"},\
                "relationship":{"caption":"<type>"}}""");
    }

    @Test
    void quotedSemicolonsAndBracesAreText_commentsAreSkipped() {
        ObjectNode sheet = GrassStyle.parse("""
                /* a {comment} with 'quotes */
                node.Deal { caption: '{label}; {date}'; /* inline */ diameter: 45px; }
                """, mapper);

        assertThat(sheet.toString()).isEqualTo("""
                {"node.Deal":{"caption":"{label}; {date}","diameter":"45px"}}""");
    }

    @Test
    void dealgraphsStyleSheetReadsWhole() throws IOException {
        ObjectNode sheet = GrassStyle.parse(Files.readString(Path.of("cypher/dealgraph.grass"), StandardCharsets.UTF_8), mapper);

        assertThat(sheet.size()).isEqualTo(13);
        assertThat(sheet.path("node.Reading").path("caption").asText()).isEqualTo("{since}");
        assertThat(sheet.path("node.Company").path("caption").asText()).isEqualTo("{name}");
        assertThat(sheet.path("node.Company").path("color").asText()).isEqualTo("#4C8EDA");
        assertThat(sheet.path("node.Cloud").path("caption").asText()).isEqualTo("{name}");
        assertThat(sheet.path("node.Cloud").path("color").asText()).isEqualTo("#F79767");
        assertThat(sheet.path("node.Document").path("caption").asText()).isEqualTo("{title}");
        assertThat(sheet.path("relationship.INVESTS_IN").path("caption").asText()).isEqualTo("<type>");
        sheet.properties().forEach(rule -> assertThat(rule.getKey()).matches("(node|relationship)(\\.\\w+)?"));
    }
}
