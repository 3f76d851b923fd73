package io.dealgraph.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealgraph.ingest.IngestService;
import io.dealgraph.testing.EmbeddedStoreTest;
import io.dealgraph.testing.GraphFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every file in cypher/queries/ runs as an analyst would run it in Neo4j Browser: the documented {@code :param}
 * lines evaluated as Browser evaluates them (as Cypher expressions), then the file's whole text, unchanged.
 */
@EmbeddedStoreTest
class QueryFilesIT {

    @Autowired
    Driver driver;

    @Autowired
    IngestService ingest;

    @Autowired
    QueryPlanWarmUp planAhead;

    @BeforeEach
    void seeds() {
        GraphFixtures.loadIngestedSeeds(ingest, driver);
    }

    @Test
    void theApiKnowsEveryFileInTheFolderAndNoOther() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("cypher/queries"))) {
            Set<String> names = new TreeSet<>(files.map(p -> p.getFileName().toString().replace(".cypher", "")).toList());
            assertThat(names).containsExactlyInAnyOrderElementsOf(QueryFiles.NAMES);
        }
    }

    @Test
    void theServerPlansEveryFileAheadWithItsExampleParameters() {
        // What the server does in the background on start: a file whose examples fail to plan would be left to its
        // first request, and the log would only say how many planned.
        assertThat(planAhead.planAll()).isEqualTo(QueryFiles.NAMES.size());
    }

    @Test
    void everyParameterAFileUsesIsDocumentedWithAnExample() {
        Pattern used = Pattern.compile("\\$(\\w+)");
        for (String name : QueryFiles.NAMES) {
            String body = QueryFiles.text(name).lines().filter(l -> !l.strip().startsWith("//")).reduce("", (a, b) -> a + b + "\n");
            Matcher m = used.matcher(body);
            Set<String> parameters = new TreeSet<>();
            while (m.find()) {
                parameters.add(m.group(1));
            }
            assertThat(QueryFiles.exampleParameters(name).keySet()).as(name).containsExactlyInAnyOrderElementsOf(parameters);
        }
    }

    @Test
    void everyFileRunsWithItsDocumentedExampleAndFindsSomething() {
        for (String name : QueryFiles.NAMES) {
            List<Record> rows = driver.executableQuery(QueryFiles.text(name)).withParameters(examples(name)).execute().records();
            assertThat(rows).as(name + " with " + QueryFiles.exampleParameters(name)).isNotEmpty();
        }
    }

    @Test
    void theExamplesGiveTheAnswersTheSeedsHold() {
        Record aws = run("resolve").get(0);
        assertThat(aws.get("id").asString()).isEqualTo("amazon-web-services");
        assertThat(aws.get("owners").asList()).containsExactly("Amazon");

        assertThat(run("entities").get(0).get("name").asString()).isEqualTo("Anthropic");

        List<String> funders = run("funders").stream().map(r -> r.get("name").asString()).toList();
        assertThat(funders).containsExactlyElementsOf(driver.executableQuery("""
                MATCH (i)-[r:INVESTS_IN]->(:Company {id: 'anthropic'}) RETURN i.name AS name ORDER BY coalesce(r.totalUsd, 0) DESC, i.id""")
                .execute().records().stream().map(r -> r.get("name").asString()).toList()).contains("Amazon");

        // the example is Amazon's largest deal in Anthropic, the $5B four of the articles report
        Record deal = run("deal").get(0);
        assertThat(deal.get("deal").get("amountUsd").asLong()).isEqualTo(5_000_000_000L);
        assertThat(deal.get("claims").size()).isGreaterThanOrEqualTo(3).isEqualTo(driver.executableQuery(
                "MATCH (c:Claim)-[:SUPPORTS]->(:Deal {id: $id}) RETURN count(c) AS n")
                .withParameters(Map.of("id", deal.get("deal").get("id").asString())).execute().records().get(0).get("n").asInt());

        List<Record> cycles = run("circular");
        assertThat(cycles).anySatisfy(r -> {
            assertThat(r.get("investor").get("name").asString()).isEqualTo("Amazon");
            assertThat(r.get("investee").get("name").asString()).isEqualTo("Anthropic");
            assertThat(r.get("via").get("name").asString()).isEqualTo("Amazon Web Services");
        });
    }

    private List<Record> run(String name) {
        return driver.executableQuery(QueryFiles.text(name)).withParameters(examples(name)).execute().records();
    }

    /** What Browser does with {@code :param x => expr}: evaluates the expression on the server. */
    private Map<String, Object> examples(String name) {
        Map<String, Object> params = new HashMap<>();
        QueryFiles.exampleParameters(name).forEach((k, expr) -> params.put(k,
                driver.executableQuery("RETURN " + expr + " AS v").execute().records().get(0).get("v").asObject()));
        return params;
    }
}
