package io.dealgraph.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealgraph.cli.Commands;
import io.dealgraph.devtools.synthetic.SyntheticGraph;
import io.dealgraph.testing.EmbeddedStoreTest;
import io.dealgraph.testing.GraphFixtures;
import io.dealgraph.testing.KeysContract;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The API on a generated graph with hubs, tranches and undisclosed figures: answers agree with the deals they are
 * made of, and every reported cycle really closes.
 */
@EmbeddedStoreTest
class SyntheticGraphQueryIT {

    static final SyntheticGraph.Spec SPEC = new SyntheticGraph.Spec(300, 4000, 7);

    @Autowired
    Driver driver;

    @Autowired
    TestRestTemplate http;

    SyntheticGraph.Counts counts;

    @BeforeEach
    void generate() {
        GraphFixtures.wipe(driver);
        SyntheticGraph graph = new SyntheticGraph(driver, "neo4j");
        assertThat(graph.isEmpty()).isTrue();
        counts = graph.generate(SPEC, rows -> { });
    }

    @Test
    void theGeneratorWritesWhatItSays() {
        JsonNode stats = ok("/api/stats");
        assertThat(stats.at("/labels/Company").asLong()).isEqualTo(SPEC.companies());
        assertThat(stats.at("/labels/Deal").asLong()).isEqualTo(SPEC.deals());
        assertThat(stats.at("/relationships/TRANCHE_OF").asLong()).isEqualTo(counts.tranches()).isPositive();
        assertThat(stats.at("/relationships/INVESTS_IN").asLong() + stats.at("/relationships/COMMITS_SPEND_TO").asLong())
                .isEqualTo(counts.pairs());
        assertThat(stats.at("/labels/SpendCommitment").asLong()).isPositive();
        assertThat(stats.at("/labels/Claim").asLong()).isEqualTo(counts.claims());
        // Every key is graph/Keys', as ingest's are, so ingest can add to a generated graph and the API page it.
        KeysContract.check(driver);
    }

    @Test
    void fundersTotalsAreTheSumOfTheirDeals() {
        // Company 1 is a hub investee: many funders, some deals without figures.
        JsonNode body = ok("/api/companies/{name}/funders?limit=500", SyntheticGraph.companyName(1));
        assertThat(body.get("funders").size()).isGreaterThan(5);
        for (JsonNode pair : body.get("funders")) {
            long sum = 0;
            long undisclosed = 0;
            for (JsonNode deal : pair.get("deals")) {
                if (deal.has("amountUsd")) {
                    sum += deal.get("amountUsd").asLong();
                } else {
                    undisclosed++;
                }
            }
            assertThat(pair.get("totalUsd").asLong()).as(pair.toString()).isEqualTo(sum);
            assertThat(pair.get("undisclosed").asLong()).isEqualTo(undisclosed);
            assertThat(pair.get("dealCount").asInt()).isEqualTo(pair.get("deals").size());
        }
        // Largest first.
        assertThat(QueryApiIT.longs(body.get("funders"), "/totalUsd")).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void everyCycleCloses() {
        JsonNode body = ok("/api/circular?limit=200");
        assertThat(body.get("cycles")).isNotEmpty();
        int lastLength = 0;
        for (JsonNode cycle : body.get("cycles")) {
            JsonNode legs = cycle.get("legs");
            assertThat(cycle.get("length").asInt()).isEqualTo(legs.size()).isGreaterThanOrEqualTo(lastLength);
            lastLength = legs.size();
            assertThat(legs.get(0).at("/from/id").asText()).isEqualTo(cycle.at("/investor/id").asText());
            for (int i = 1; i < legs.size(); i++) {
                assertThat(legs.get(i).at("/from/id").asText()).isEqualTo(legs.get(i - 1).at("/to/id").asText());
            }
            JsonNode back = legs.get(legs.size() - 1);
            assertThat(back.at("/from/id").asText()).isEqualTo(cycle.at("/investee/id").asText());
            String owner = driver.executableQuery("MATCH (o:Company)-[:OPERATES|MAKES]->(v {id: $via}) RETURN o.id AS id")
                    .withParameters(Map.of("via", cycle.at("/via/id").asText())).execute().records().get(0).get("id").asString();
            assertThat(owner).isEqualTo(cycle.at("/investor/id").asText());
        }
    }

    @Test
    void aHubTimelinePagesInDateOrder() {
        String hub = SyntheticGraph.companyName(0);
        JsonNode first = ok("/api/timeline?entity={e}&limit=100", hub);
        assertThat(first.at("/page/hasMore").asBoolean()).isTrue();
        JsonNode second = ok("/api/timeline?entity={e}&limit=100&offset=100", hub);
        String lastOfFirst = first.at("/deals/99/deal/date").asText();
        assertThat(second.at("/deals/0/deal/date").asText()).isGreaterThanOrEqualTo(lastOfFirst);
        assertThat(QueryApiIT.texts(first.get("deals"), "/deal/date")).isSorted();
    }

    @Test
    void runningTotalsFollowEachPairAcrossPagesAndDateWindows() {
        String hub = SyntheticGraph.companyName(0);
        // The whole timeline, page by page: each pair's running total is the sum of its dated top-level deals so far.
        Map<String, Long> cumulativeById = new HashMap<>();
        Map<String, Long> running = new HashMap<>();
        int tranches = 0;
        int offset = 0;
        JsonNode page;
        do {
            page = ok("/api/timeline?entity={e}&limit=150&offset={o}", hub, offset);
            for (JsonNode entry : page.get("deals")) {
                String pair = entry.at("/deal/type").asText() + "|" + entry.at("/from/id").asText() + "|"
                        + entry.at("/to/id").asText();
                long amount = entry.hasNonNull("trancheOf") ? 0 : entry.at("/deal/amountUsd").asLong(0);
                tranches += entry.hasNonNull("trancheOf") ? 1 : 0;
                long expected = running.merge(pair, amount, Long::sum);
                assertThat(entry.get("cumulativeUsd").asLong()).as(entry.toString()).isEqualTo(expected);
                cumulativeById.put(entry.at("/deal/id").asText(), expected);
            }
            for (JsonNode entry : page.get("undated")) {
                assertThat(entry.hasNonNull("cumulativeUsd")).as(entry.toString()).isFalse();
            }
            offset += 150;
        } while (page.at("/page/hasMore").asBoolean());
        assertThat(cumulativeById).hasSizeGreaterThan(300);
        assertThat(tranches).as("the hub's timeline has tranches, which add nothing to a running total").isPositive();
        // A date window shows the same totals: they cover the pair's whole history.
        JsonNode window = ok("/api/timeline?entity={e}&from=2023-01-01&to=2023-12-31&limit=500", hub);
        assertThat(window.get("deals")).isNotEmpty();
        for (JsonNode entry : window.get("deals")) {
            assertThat(entry.get("cumulativeUsd").asLong()).isEqualTo(cumulativeById.get(entry.at("/deal/id").asText()));
        }
    }

    @Test
    void aHubsInvesteesAndFundersPageLargestFirstThenById() {
        // Ids prefix one another (co-1, co-10) and totals tie (every pair with no figure has 0): the rank keys must
        // still give exactly this order.
        assertPagesInRankOrder("investments", 0, "MATCH (:Company {id: $id})-[r:INVESTS_IN]->(o)");
        assertPagesInRankOrder("funders", 1, "MATCH (:Company {id: $id})<-[r:INVESTS_IN]-(o)");
    }

    /** Every page of a company's funders or investments, put together, is its pairs by total descending, then by id. */
    private void assertPagesInRankOrder(String list, int n, String pattern) {
        String company = SyntheticGraph.companyName(n);
        List<Record> pairs = driver.executableQuery(pattern
                        + " RETURN o.id AS id, coalesce(r.totalUsd, 0) AS total ORDER BY total DESC, id")
                .withParameters(Map.of("id", SyntheticGraph.companyId(n))).execute().records();
        List<String> expected = pairs.stream().map(r -> r.get("id").asString()).toList();
        assertThat(expected).hasSizeGreaterThan(30);
        assertThat(pairs.stream().map(r -> r.get("total").asLong()).distinct().count()).as("ties").isLessThan(pairs.size());
        List<String> paged = new ArrayList<>();
        JsonNode page;
        do {
            page = ok("/api/companies/{c}/" + list + "?limit=7&offset={o}", company, paged.size());
            page.get(list).forEach(row -> paged.add(row.at("/counterparty/id").asText()));
        } while (page.at("/page/hasMore").asBoolean());
        assertThat(paged).as(list + " of " + company).containsExactlyElementsOf(expected);
    }

    @Test
    void theQueryBenchmarkMeasuresEveryEndpointWithoutErrors() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Commands.run(new String[] {"bench", "query", "--url", http.getRootUri(), "--requests", "10", "--warmup", "1"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(table + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(table).contains("300 companies").contains("warm-up: ");
        List<String> rows = table.lines().filter(l -> l.startsWith("GET ")).toList();
        assertThat(rows).hasSize(12).allSatisfy(row -> {
            String[] columns = row.trim().split("\\s+");
            // endpoint words..., requests, p50, p99, max, errors
            assertThat(columns[columns.length - 1]).as(row).isEqualTo("0");
            assertThat(Double.parseDouble(columns[columns.length - 4])).as(row).isPositive();
        });
    }

    /**
     * The answer to a GET, asked again once after a 503, as an HTTP client would: these tests check what the answers
     * say, and a query stopped at its time limit on a busy two-core CI machine says nothing about that (the speed of
     * these endpoints is the query benchmark's business, docs/benchmarks.md).
     */
    private JsonNode ok(String url, Object... vars) {
        ResponseEntity<JsonNode> r = http.getForEntity(url, JsonNode.class, vars);
        if (r.getStatusCode() == HttpStatus.SERVICE_UNAVAILABLE) {
            System.err.println("503 from " + url + ", asking once more: " + r.getBody());
            r = http.getForEntity(url, JsonNode.class, vars);
        }
        assertThat(r.getStatusCode()).as(url + " " + r.getBody()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }
}
