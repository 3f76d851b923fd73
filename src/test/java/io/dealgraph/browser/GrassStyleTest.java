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

        assertThat(sheet.path("node.Reading").path("caption").asText()).isEqualTo("{since}");
        assertThat(sheet.path("node.Company").path("caption").asText()).isEqualTo("{name}");
        assertThat(sheet.path("node.Company").path("color").asText()).isEqualTo("#4C8EDA");
        assertThat(sheet.path("node.Cloud").path("caption").asText()).isEqualTo("{name}");
        assertThat(sheet.path("node.Cloud").path("color").asText()).isEqualTo("#F79767");
        assertThat(sheet.path("node.Document").path("caption").asText()).isEqualTo("{title}");
        assertThat(sheet.path("relationship.INVESTS_IN").path("caption").asText()).isEqualTo("<type>");
        sheet.properties().forEach(rule -> assertThat(rule.getKey()).matches("(node|relationship)(\\.\\w+)?"));
    }

    /**
     * Every label and relationship type the writers' Cypher creates (cypher/ingest, cypher/migrations) has a rule
     * with a colour and a caption, so nothing in the graph falls back to a colour Browser makes up.
     */
    @Test
    void everyLabelAndRelationshipTypeTheWritersCreateIsStyled() throws IOException {
        ObjectNode sheet = GrassStyle.parse(Files.readString(Path.of("cypher/dealgraph.grass"), StandardCharsets.UTF_8), mapper);
        java.util.Set<String> labels = new java.util.TreeSet<>();
        java.util.Set<String> types = new java.util.TreeSet<>();
        // In a pattern, (d:Deal), or set on a node, SET d:Investment:Round.
        java.util.regex.Pattern label = java.util.regex.Pattern.compile("(?:\\(|\\bSET\\s+|,\\s*)\\w*((?::\\w+)+)");
        java.util.regex.Pattern type = java.util.regex.Pattern.compile("\\[\\w*:([A-Z_]+)");
        for (String folder : new String[]{"cypher/ingest", "cypher/migrations"}) {
            try (var files = Files.list(Path.of(folder))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".cypher")).toList()) {
                    String cypher = Files.readString(file).replaceAll("(?m)//.*$", "");
                    var m = label.matcher(cypher);
                    while (m.find()) {
                        for (String l : m.group(1).substring(1).split(":")) {
                            if (!l.startsWith("__")) { // the migrations' own bookkeeping, not the model
                                labels.add(l);
                            }
                        }
                    }
                    var t = type.matcher(cypher);
                    while (t.find()) {
                        types.add(t.group(1));
                    }
                }
            }
        }
        assertThat(labels).contains("Company", "Deal", "Investment", "Round", "SpendCommitment", "Claim", "Document");
        assertThat(types).contains("INVESTS_IN", "COMMITS_SPEND_TO", "MADE", "SUPPORTS");
        for (String l : labels) {
            assertThat(sheet.path("node." + l).path("color").asText()).as("node." + l).isNotBlank();
            assertThat(sheet.path("node." + l).path("caption").asText()).as("node." + l).isNotBlank();
        }
        for (String t : types) {
            assertThat(sheet.path("relationship." + t).path("color").asText()).as("relationship." + t).isNotBlank();
            assertThat(sheet.path("relationship." + t).path("caption").asText()).as("relationship." + t).isNotBlank();
        }
    }
}
