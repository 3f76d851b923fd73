package io.dealgraph.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The query API over HTTP on the seeds-shaped fixture: real answers, real errors. */
@EmbeddedStoreTest
class QueryApiIT {

    @Autowired
    Driver driver;

    @Autowired
    TestRestTemplate http;

    @Autowired
    GraphReader reader;

    @org.springframework.beans.factory.annotation.Value("${dealgraph.query.in-process}")
    boolean inProcess;

    @BeforeEach
    void seeds() {
        GraphFixtures.loadSeedsGraph(driver);
    }

    @Test
    void theQueriesTakeThePathTheSettingSays() {
        // In-process on the embedded default; over Bolt in QueryApiOverBoltIT. Every other test here runs on both.
        assertThat(reader.runsInProcess()).isEqualTo(inProcess);
    }

    @Test
    void amazonIsAmongAnthropicsFundersWithItsDealsInDateOrderAndTranchesNested() {
        JsonNode body = ok("/api/companies/Anthropic/funders");
        assertThat(body.at("/company/id").asText()).isEqualTo("anthropic");
        assertThat(texts(body.get("funders"), "/counterparty/name")).containsExactly("Amazon", "Menlo Ventures", "Google");
        JsonNode amazon = body.at("/funders/0");
        assertThat(amazon.get("totalUsd").asLong()).isEqualTo(13_000_000_000L);
        assertThat(amazon.get("dealCount").asInt()).isEqualTo(3);
        assertThat(amazon.get("firstDate").asText()).isEqualTo("2023-09");
        assertThat(amazon.get("lastDate").asText()).isEqualTo("2026-04-20");
        assertThat(texts(amazon.get("deals"), "/date")).containsExactly("2023-09", "2024-11-22", "2026-04-20");
        JsonNode first = amazon.at("/deals/0");
        assertThat(first.get("qualifier").asText()).isEqualTo("up_to");
        assertThat(texts(first.get("tranches"), "/date")).containsExactly("2023-09", "2024-03");
        assertThat(first.at("/tranches/1/amountUsd").asLong()).isEqualTo(2_750_000_000L);
        // Google's deal has no figure and no date: counted apart, and last.
        JsonNode google = body.at("/funders/2");
        assertThat(google.get("undisclosed").asInt()).isEqualTo(1);
        assertThat(google.at("/deals/0/date").isMissingNode()).isTrue();
        assertThat(body.at("/page/hasMore").asBoolean()).isFalse();
    }

    @Test
    void namesResolveThroughCaseAndAliases() {
        assertThat(ok("/api/companies/ANTHROPIC/funders").at("/company/id").asText()).isEqualTo("anthropic");
        assertThat(ok("/api/companies/{name}/investments", "  Amazon.COM ").at("/company/id").asText()).isEqualTo("amazon");
        List<String> ids = new ArrayList<>();
        for (String name : List.of("AWS", "aws", "Amazon Web Services", "amazon   web services")) {
            JsonNode body = ok("/api/companies/{name}/commitments", name);
            ids.add(body.at("/entity/id").asText());
            assertThat(texts(body.get("received"), "/customer/name")).as(name).containsExactly("Anthropic", "OpenAI");
        }
        assertThat(ids).containsOnly("amazon-web-services");
    }

    @Test
    void investmentsAndCommitmentsOfAmazon() {
        JsonNode investments = ok("/api/companies/amazon/investments");
        assertThat(texts(investments.get("investments"), "/counterparty/name")).containsExactly("OpenAI", "Anthropic");
        JsonNode commitments = ok("/api/companies/Amazon/commitments");
        assertThat(commitments.get("committed")).isEmpty();
        // Amazon receives through the cloud it operates.
        assertThat(texts(commitments.get("received"), "/provider/name")).containsOnly("Amazon Web Services");
        assertThat(commitments.at("/received/0/totalUsd").asLong()).isEqualTo(100_000_000_000L);
        JsonNode openai = ok("/api/companies/OpenAI/commitments");
        assertThat(texts(openai.get("committed"), "/provider/name")).containsExactly("Microsoft Azure", "Amazon Web Services");
    }

    @Test
    void aNameWithASlashOrABackslashTravelsInThePath() {
        driver.executableQuery("UNWIND $companies AS c CREATE (:Company {id: c[0], name: c[1], keys: [c[2]]})")
                .withParameters(java.util.Map.of("companies", List.of(List.of("ac-dc-capital", "AC/DC Capital", "ac/dc capital"),
                        List.of("back-slash-labs", "Back\\Slash Labs", "back\\slash labs")))).execute();
        for (String[] c : new String[][] {{"AC%2FDC%20Capital", "AC/DC Capital"}, {"back%5Cslash%20labs", "Back\\Slash Labs"}}) {
            ResponseEntity<JsonNode> r = http.getForEntity(java.net.URI.create(http.getRootUri() + "/api/companies/" + c[0] + "/funders"),
                    JsonNode.class);
            assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.OK);
            assertThat(r.getBody().at("/company/name").asText()).isEqualTo(c[1]);
        }
        // Unknown, it is the usual problem JSON, not the web server's own page.
        ResponseEntity<String> unknown = http.getForEntity(java.net.URI.create(http.getRootUri() + "/api/companies/no%2Fsuch%5Cthing/funders"),
                String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(unknown.getBody()).contains("no/such\\\\thing");
    }

    @Test
    void anUnknownCompanyIs404WithCloseMatches() {
        ResponseEntity<JsonNode> r = http.getForEntity("/api/companies/Anthropik/funders", JsonNode.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(r.getBody().get("status").asInt()).isEqualTo(404);
        assertThat(texts(r.getBody().get("suggestions"), "")).contains("Anthropic");
        assertThat(r.getBody().get("detail").asText()).contains("Anthropik").contains("Anthropic");
        // A cloud is not a company.
        assertThat(http.getForEntity("/api/companies/AWS/funders", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void searchFindsByPrefixTypoAndAliasAndTakesLuceneSyntaxLiterally() {
        assertThat(ok("/api/entities?q=anthr").at("/entities/0/name").asText()).isEqualTo("Anthropic");
        assertThat(ok("/api/entities?q=anthropik").at("/entities/0/name").asText()).isEqualTo("Anthropic");
        JsonNode aws = ok("/api/entities?q=aws").at("/entities/0");
        assertThat(aws.get("name").asText()).isEqualTo("Amazon Web Services");
        assertThat(aws.get("type").asText()).isEqualTo("Cloud");
        assertThat(texts(aws.get("owners"), "")).containsExactly("Amazon");
        assertThat(ok("/api/entities?q={q}", "a+b(\"c~ OR *:*").get("entities")).isEmpty();
        JsonNode page = ok("/api/entities?q=a&limit=1");
        assertThat(page.get("entities")).hasSize(1);
        assertThat(page.at("/page/hasMore").asBoolean()).isTrue();
    }

    @Test
    void timelineHasRunningTotalsPerPairSourcesAndUndatedApart() {
        JsonNode body = ok("/api/timeline?entity=Anthropic&counterparty=AMAZON");
        JsonNode deals = body.get("deals");
        assertThat(texts(deals, "/deal/id")).containsExactly("deal-aa-2023-09", "deal-aa-2023-09-t1", "deal-aa-2024-03",
                "deal-aa-2024-11", "deal-aa-2026");
        // Tranches are part of their deal's figure: they do not add to the running total.
        assertThat(longs(deals, "/cumulativeUsd")).containsExactly(4_000_000_000L, 4_000_000_000L, 4_000_000_000L,
                8_000_000_000L, 13_000_000_000L);
        assertThat(deals.at("/0/tranches").size()).isEqualTo(2);
        assertThat(deals.at("/2/trancheOf").asText()).isEqualTo("deal-aa-2023-09");
        JsonNode source = deals.at("/3/sources/0");
        assertThat(source.get("url").asText()).isEqualTo("https://example.com/tech/amazon-4b-anthropic");
        assertThat(source.get("evidence").asText()).contains("additional $4 billion");
        assertThat(deals.at("/4/sources")).hasSize(3);

        JsonNode all = ok("/api/timeline?entity=anthropic");
        assertThat(texts(all.get("undated"), "/deal/id")).containsExactly("deal-google-anthropic");
        assertThat(all.at("/undated/0/cumulativeUsd").isNull()).isTrue();
        assertThat(texts(all.get("deals"), "/deal/date")).isSorted();
        assertThat(texts(all.get("deals"), "/deal/id")).contains("deal-menlo-anthropic", "deal-anthropic-aws");

        JsonNode window = ok("/api/timeline?entity=Anthropic&from=2024-01-01&to=2024-12-31&type=INVESTS_IN");
        assertThat(texts(window.get("deals"), "/deal/id")).containsExactly("deal-aa-2024-03", "deal-aa-2024-11");
        assertThat(longs(window.get("deals"), "/cumulativeUsd")).containsExactly(4_000_000_000L, 8_000_000_000L);
    }

    @Test
    void aDealWithAllItsClaims() {
        JsonNode deal = ok("/api/deals/deal-aa-2026");
        assertThat(deal.at("/from/name").asText()).isEqualTo("Amazon");
        assertThat(deal.at("/to/name").asText()).isEqualTo("Anthropic");
        assertThat(texts(deal.get("claims"), "/id")).containsExactlyInAnyOrder("c1", "c2", "c3");
        // Conflicting reports side by side: one source said up to $25B.
        assertThat(longs(deal.get("claims"), "/amountUsd")).contains(25_000_000_000L, 5_000_000_000L);
        assertThat(texts(deal.get("claims"), "/document/title")).contains("Amazon locks in its AI supply chain");
        assertThat(http.getForEntity("/api/deals/nope", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void circularFindsAmazonAnthropicAwsWithBothLegs() {
        JsonNode cycles = ok("/api/circular").get("cycles");
        JsonNode aaa = find(cycles, c -> c.at("/investor/name").asText().equals("Amazon")
                && c.at("/investee/name").asText().equals("Anthropic") && c.at("/via/name").asText().equals("Amazon Web Services"));
        assertThat(aaa.get("length").asInt()).isEqualTo(2);
        assertThat(aaa.get("closing").asText()).isEqualTo("OPERATES");
        assertThat(texts(aaa.get("legs"), "/type")).containsExactly("INVESTS_IN", "COMMITS_SPEND_TO");
        assertThat(longs(aaa.get("legs"), "/totalUsd")).containsExactly(13_000_000_000L, 100_000_000_000L);
        assertThat(aaa.get("circularUsd").asLong()).isEqualTo(13_000_000_000L);
        // Also through chips Amazon makes, and Amazon -> OpenAI -> AWS.
        find(cycles, c -> c.at("/investee/name").asText().equals("Anthropic") && c.at("/via/name").asText().equals("Trainium"));
        find(cycles, c -> c.at("/investee/name").asText().equals("OpenAI") && c.at("/via/name").asText().equals("Amazon Web Services"));
        // Microsoft funds OpenAI, which commits to Azure: Microsoft's cloud.
        find(cycles, c -> c.at("/investor/name").asText().equals("Microsoft") && c.at("/via/name").asText().equals("Microsoft Azure"));
    }

    @Test
    void circularFindsLongerCyclesOnlyUpToMaxLength() {
        // Amazon -> Menlo Ventures -> Anthropic -> AWS: three money legs. The edge has the pair key ingest gives every
        // pair edge, by which the query finds it.
        driver.executableQuery("""
                MATCH (a:Company {id: 'amazon'}), (m:Company {id: 'menlo-ventures'})
                MERGE (a)-[r:INVESTS_IN]->(m)
                SET r.totalUsd = 1000000, r.deals = 1, r.undisclosed = 0, r.pair = 'INVESTS_IN|amazon|Company|menlo-ventures'""").execute();
        JsonNode three = ok("/api/circular?maxLength=3").get("cycles");
        JsonNode longer = find(three, c -> c.get("length").asInt() == 3);
        assertThat(texts(longer.get("legs"), "/from/name")).containsExactly("Amazon", "Menlo Ventures", "Anthropic");
        assertThat(longer.get("circularUsd").asLong()).isEqualTo(1_000_000L); // the smallest leg
        assertThat(ok("/api/circular?maxLength=2").get("cycles")).allSatisfy(c -> assertThat(c.get("length").asInt()).isEqualTo(2));
    }

    @Test
    void pathsConnectMicrosoftToAws() {
        JsonNode body = ok("/api/paths?from=Microsoft&to=aws&maxHops=3");
        JsonNode path = body.at("/paths/0");
        assertThat(path.get("hops").asInt()).isEqualTo(2);
        assertThat(texts(path.get("nodes"), "/name")).containsExactly("Microsoft", "OpenAI", "Amazon Web Services");
        assertThat(texts(path.get("edges"), "/type")).containsExactly("INVESTS_IN", "COMMITS_SPEND_TO");
        assertThat(ok("/api/paths?from=Microsoft&to=aws&maxHops=1").get("paths")).isEmpty();
    }

    @Test
    void statsCountTheGraph() {
        JsonNode stats = ok("/api/stats");
        assertThat(stats.at("/labels/Company").asLong()).isEqualTo(7);
        assertThat(stats.at("/labels/Deal").asLong()).isEqualTo(12);
        assertThat(stats.at("/relationships/TRANCHE_OF").asLong()).isEqualTo(2);
        assertThat(stats.get("documents").asLong()).isEqualTo(4);
        assertThat(stats.get("lastIngest").asText()).startsWith("2026-11-23T10:00");
    }

    @Test
    void badParametersAre400ProblemJson() {
        for (String url : List.of("/api/timeline?entity=Anthropic&from=2024-13-01", "/api/timeline?entity=Anthropic&to=yesterday",
                "/api/timeline?entity=Anthropic&from=2025-01-01&to=2024-01-01", "/api/timeline?entity=Anthropic&type=LOANS",
                "/api/timeline", "/api/paths?from=Amazon&to=OpenAI&maxHops=0", "/api/paths?from=Amazon&to=OpenAI&maxHops=9",
                "/api/paths?from=Amazon&to=OpenAI&maxHops=two", "/api/circular?maxLength=7", "/api/circular?maxLength=1",
                "/api/companies/Anthropic/funders?limit=0", "/api/companies/Anthropic/funders?offset=-1",
                "/api/entities?q=")) {
            ResponseEntity<JsonNode> r = http.getForEntity(url, JsonNode.class);
            assertThat(r.getStatusCode()).as(url).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(r.getHeaders().getContentType()).as(url).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(r.getBody().get("status").asInt()).as(url).isEqualTo(400);
            assertThat(r.getBody().toString()).as(url).doesNotContain("at io.dealgraph", "Exception");
        }
    }

    private JsonNode ok(String url, Object... vars) {
        ResponseEntity<JsonNode> r = http.getForEntity(url, JsonNode.class, vars);
        assertThat(r.getStatusCode()).as(url + " " + r.getBody()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    static List<String> texts(JsonNode array, String pointer) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.at(pointer).asText()));
        return out;
    }

    static List<Long> longs(JsonNode array, String pointer) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.at(pointer).asLong()));
        return out;
    }

    static JsonNode find(JsonNode array, java.util.function.Predicate<JsonNode> test) {
        for (JsonNode n : array) {
            if (test.test(n)) {
                return n;
            }
        }
        throw new AssertionError("nothing matches in " + array);
    }
}
