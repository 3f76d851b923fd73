package io.dealgraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class CompanyNamesTest {

    @Test
    void theDataFilesExamplesJoinAndKeepApartAsTheySay() throws Exception {
        JsonNode examples;
        try (InputStream in = CompanyNames.class.getResourceAsStream(CompanyNames.RESOURCE)) {
            examples = new ObjectMapper(new YAMLFactory()).readTree(in).path("examples");
        }
        assertThat(examples.path("same").size()).isPositive();
        assertThat(examples.path("different").size()).isPositive();
        for (JsonNode pair : examples.path("same")) {
            assertThat(key(pair.get(0).asText())).as(pair.toString()).isEqualTo(key(pair.get(1).asText()));
        }
        for (JsonNode pair : examples.path("different")) {
            assertThat(key(pair.get(0).asText())).as(pair.toString()).isNotEqualTo(key(pair.get(1).asText()));
        }
    }

    @Test
    void theBaseKeepsTheWordsOfTheNameAndDropsOnlyTheEndings() {
        assertThat(CompanyNames.base("Figure AI")).isEqualTo("Figure");
        assertThat(CompanyNames.base("Samsung Electronics Co., Ltd.")).isEqualTo("Samsung Electronics");
        assertThat(CompanyNames.base("Foo, Inc.")).isEqualTo("Foo");
        assertThat(CompanyNames.base("The Carlyle Group")).isEqualTo("Carlyle");
        assertThat(CompanyNames.base("  Anthropic ")).isEqualTo("Anthropic");
    }

    @Test
    void aNameIsNeverCutToNothingNorToAnEndingAlone() {
        assertThat(CompanyNames.base("AI")).isEqualTo("AI");
        assertThat(CompanyNames.base("Group")).isEqualTo("Group");
        assertThat(CompanyNames.base("AI Group")).isEqualTo("AI Group");
        assertThat(CompanyNames.base("The Group")).isEqualTo("The Group");
        assertThat(CompanyNames.base("The AI Company")).isEqualTo("The AI Company");
    }

    private static String key(String name) {
        return Keys.entity(CompanyNames.base(name));
    }
}
