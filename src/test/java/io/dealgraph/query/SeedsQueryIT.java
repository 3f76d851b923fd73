package io.dealgraph.query;

import static io.dealgraph.query.QueryApiIT.find;
import static io.dealgraph.query.QueryApiIT.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealgraph.ingest.IngestService;
import io.dealgraph.testing.EmbeddedStoreTest;
import io.dealgraph.testing.GraphFixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The seed articles through the real ingest pipeline (once per test run: testing/GraphFixtures), then questioned through the API. */
@EmbeddedStoreTest
class SeedsQueryIT {

    @Autowired
    IngestService ingest;

    @Autowired
    Driver driver;

    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void ingestSeeds() {
        GraphFixtures.loadIngestedSeeds(ingest, driver);
    }

    /**
     * The timeline a careful reader draws from the five articles (../shared/corpus/seeds-timeline.json), scored as
     * score_timeline.py scores it on the graph's own JSON export: every event, every tranche under its deal, every
     * pair's total; the question line, the running total and a month and a day of one event make no deals of their own.
     */
    @Test
    void theGraphDrawsTheGoldTimeline(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        ResponseEntity<String> export = http.getForEntity("/api/export?format=json&provenance=false", String.class);
        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        java.nio.file.Path graph = dir.resolve("graph.json");
        java.nio.file.Files.writeString(graph, export.getBody());
        io.dealgraph.devtools.evaluation.TimelineScore.Result r = io.dealgraph.devtools.evaluation.TimelineScore.score(graph,
                GraphFixtures.SEEDS.resolveSibling("seeds-timeline.json"), GraphFixtures.SEEDS);
        assertThat(r.misses()).isEmpty();
        assertThat(r.extras()).isEmpty();
        assertThat(r.tp()).isEqualTo(7);
        assertThat(r.tranchesHit()).isEqualTo(r.tranches()).isEqualTo(2);
        assertThat(r.totals()).hasSize(4).allMatch(io.dealgraph.devtools.evaluation.TimelineScore.PairTotal::ok);
    }

    @Test
    void amazonHasPutThirteenBillionIntoAnthropicOverThreeDeals() {
        JsonNode amazon = find(ok("/api/companies/anthropic/funders").get("funders"),
                f -> f.at("/counterparty/name").asText().equals("Amazon"));
        assertThat(amazon.get("totalUsd").asLong()).isEqualTo(13_000_000_000L);
        assertThat(amazon.get("deals")).hasSize(3);
    }

    @Test
    void amazonFundsAnthropicIn2023_09_2024_03_2024_11And2026() {
        JsonNode body = ok("/api/companies/anthropic/funders");
        JsonNode amazon = find(body.get("funders"), f -> f.at("/counterparty/name").asText().equals("Amazon"));
        List<String> dates = new ArrayList<>();
        for (JsonNode deal : amazon.get("deals")) {
            dates.add(deal.path("date").asText("undated"));
            deal.path("tranches").forEach(t -> dates.add(t.path("date").asText("undated")));
        }
        assertThat(dates).anyMatch(d -> d.startsWith("2023-09")).anyMatch(d -> d.startsWith("2024-03"))
                .anyMatch(d -> d.startsWith("2024-11"));
        // The 2026 $5B: ingest may not date it (its articles carry no publication date); then it is listed last,
        // undated, never given a guessed date.
        assertThat(amazon.get("deals")).anySatisfy(d -> {
            assertThat(d.get("amountUsd").asLong()).isEqualTo(5_000_000_000L);
            assertThat(d.path("date").asText("2026")).startsWith("2026");
        });
        List<Boolean> dated = new ArrayList<>();
        amazon.get("deals").forEach(d -> dated.add(d.has("date")));
        assertThat(dated.subList(dated.indexOf(false) < 0 ? dated.size() : dated.indexOf(false), dated.size())).doesNotContain(true);
        List<String> topLevel = texts(amazon.get("deals"), "/date");
        assertThat(topLevel.stream().filter(d -> !d.isEmpty()).toList()).isSorted();
        assertThat(amazon.get("totalUsd").asLong()).isPositive();
    }

    @Test
    void theAmazonAnthropicAwsCycleIsFoundWithBothLegs() {
        JsonNode cycles = ok("/api/circular").get("cycles");
        JsonNode cycle = find(cycles, c -> c.at("/investor/name").asText().equals("Amazon")
                && c.at("/investee/name").asText().equals("Anthropic") && c.at("/via/name").asText().equals("Amazon Web Services"));
        assertThat(cycle.get("length").asInt()).isEqualTo(2);
        assertThat(texts(cycle.get("legs"), "/type")).containsExactly("INVESTS_IN", "COMMITS_SPEND_TO");
        assertThat(cycle.at("/legs/0/totalUsd").asLong()).isGreaterThanOrEqualTo(8_000_000_000L);
        assertThat(cycle.at("/legs/1/totalUsd").asLong()).isGreaterThanOrEqualTo(100_000_000_000L);
    }

    @Test
    void awsByAnyOfItsNamesIsOneEntityWithAnthropicsCommitment() {
        List<String> ids = new ArrayList<>();
        for (String name : List.of("AWS", "aws", "Amazon Web Services")) {
            JsonNode body = ok("/api/companies/{name}/commitments", name);
            ids.add(body.at("/entity/id").asText());
            assertThat(texts(body.get("received"), "/customer/name")).as(name).contains("Anthropic");
        }
        assertThat(ids).containsOnly("amazon-web-services");
        JsonNode timeline = ok("/api/timeline?entity=Anthropic&counterparty=Amazon&type=INVESTS_IN");
        assertThat(timeline.get("deals")).isNotEmpty().allSatisfy(d -> assertThat(d.get("sources")).isNotEmpty());
    }

    /**
     * Two time axes on the seeds. Only one of them carries a publication date (004, 2024-11-22: Amazon's up-to-$4B
     * of September 2023 in two tranches, and the further $4B of November 2024); the other four count from the day
     * they were ingested.
     */
    @Test
    void asOfADayTheGraphSaysWhatTheSourcesHadPublishedByThen() {
        assertThat(ok("/api/companies/anthropic/funders?asOf=2024-06-01").get("funders")).as("nothing published yet").isEmpty();

        JsonNode then = ok("/api/companies/anthropic/funders?asOf=2024-12-01");
        assertThat(then.get("asOf").asText()).isEqualTo("2024-12-01");
        JsonNode amazon = find(then.get("funders"), f -> f.at("/counterparty/name").asText().equals("Amazon"));
        assertThat(amazon.get("totalUsd").asLong()).isEqualTo(8_000_000_000L);
        assertThat(amazon.get("deals")).hasSize(2);
        assertThat(texts(amazon.get("deals"), "/date")).containsExactly("2023-09", "2024-11-22");
        assertThat(amazon.at("/deals/0/tranches")).hasSize(2);

        JsonNode timeline = ok("/api/timeline?entity=Anthropic&counterparty=Amazon&type=INVESTS_IN&asOf=2024-12-01");
        List<JsonNode> entries = new ArrayList<>();
        timeline.get("deals").forEach(entries::add);
        timeline.get("undated").forEach(entries::add);
        assertThat(entries).isNotEmpty().allSatisfy(e -> assertThat(e.get("sources")).isNotEmpty()
                .allSatisfy(src -> assertThat(src.get("published").asText()).isLessThanOrEqualTo("2024-12-01")));
        assertThat(entries.get(entries.size() - 1).get("cumulativeUsd").asLong()).isEqualTo(8_000_000_000L);

        // the 2026 deal did not exist then; today it does, with what each day's sources said of it
        JsonNode today = find(ok("/api/companies/anthropic/funders").get("funders"), f -> f.at("/counterparty/name").asText().equals("Amazon"));
        String fiveBillion = find(today.get("deals"), d -> d.path("amountUsd").asLong() == 5_000_000_000L).get("id").asText();
        ResponseEntity<JsonNode> notYet = http.getForEntity("/api/deals/{id}?asOf=2024-12-01", JsonNode.class, fiveBillion);
        assertThat(notYet.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(notYet.getBody().get("title").asText()).isEqualTo("Not reported yet");
        JsonNode september = ok("/api/deals/{id}", amazon.at("/deals/0/id").asText());
        assertThat(september.get("firstReported").asText()).isEqualTo("2024-11-22");
        assertThat(september.get("readings")).isNotEmpty();
        assertThat(september.at("/readings/0/since").asText()).isEqualTo("2024-11-22");
        JsonNode septemberThen = ok("/api/deals/{id}?asOf=2024-12-01", amazon.at("/deals/0/id").asText());
        assertThat(septemberThen.at("/deal/label").asText()).isEqualTo(september.at("/readings/0/label").asText());
        assertThat(septemberThen.get("claims")).allSatisfy(c -> assertThat(c.get("published").asText()).isEqualTo("2024-11-22"));

        ResponseEntity<JsonNode> bad = http.getForEntity("/api/timeline?entity=Anthropic&asOf=2024-13-01", JsonNode.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("detail").asText()).contains("asOf");
    }

    @Test
    void anExportAsOfADayHoldsWhatWasKnownThen() {
        JsonNode graph = ok("/api/export?format=json&asOf=2024-12-01");
        List<JsonNode> nodes = new ArrayList<>();
        graph.at("/elements/nodes").forEach(n -> nodes.add(n.get("data")));
        assertThat(nodes).filteredOn(n -> n.get("labels").toString().contains("Document")).hasSize(1)
                .allSatisfy(d -> assertThat(d.at("/properties/published").asText()).isEqualTo("2024-11-22"));
        assertThat(nodes).filteredOn(n -> n.get("labels").toString().contains("Deal")).isNotEmpty()
                .allSatisfy(d -> assertThat(d.at("/properties/firstReported").asText()).isLessThanOrEqualTo("2024-12-01"));
        JsonNode pair = find(graph.at("/elements/edges"), e -> e.at("/data/type").asText().equals("INVESTS_IN")
                && e.at("/data/source").asText().equals("Company:amazon") && e.at("/data/target").asText().equals("Company:anthropic"));
        assertThat(pair.at("/data/properties/totalUsd").asLong()).isEqualTo(8_000_000_000L);
        assertThat(pair.at("/data/properties/deals").asInt()).isEqualTo(2);
    }

    private JsonNode ok(String url, Object... vars) {
        ResponseEntity<JsonNode> r = http.getForEntity(url, JsonNode.class, vars);
        assertThat(r.getStatusCode()).as(url + " " + r.getBody()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }
}
