package io.dealgraph.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealgraph.extract.Document;
import io.dealgraph.graph.Keys;
import io.dealgraph.graph.Label;
import io.dealgraph.graph.RelType;
import io.dealgraph.ingest.IngestProgress;
import io.dealgraph.ingest.IngestService;
import io.dealgraph.testing.EmbeddedStoreTest;
import io.dealgraph.testing.GraphFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The query API over HTTP on the graph ingest made of the seed articles (testing/GraphFixtures): what the gold
 * timeline says a reader finds there, and for each filter, order and selection the answer a plain Cypher query of the
 * test's own gives on the same graph. Deal ids are opaque: deals are looked up by their parties, figure and date.
 */
@EmbeddedStoreTest
class QueryApiIT {

    @Autowired
    Driver driver;

    @Autowired
    TestRestTemplate http;

    @Autowired
    GraphReader reader;

    @Autowired
    IngestService ingest;

    @org.springframework.beans.factory.annotation.Value("${dealgraph.query.in-process}")
    boolean inProcess;

    @BeforeEach
    void seeds() {
        GraphFixtures.loadIngestedSeeds(ingest, driver);
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
        assertThat(texts(body.get("funders"), "/counterparty/name")).containsExactlyElementsOf(fundersByTotal("anthropic"));
        // the gold timeline: $4B (2023-09, in two tranches), $4B (2024-11-22) and $5B, $13B in all
        JsonNode amazon = find(body.get("funders"), f -> f.at("/counterparty/name").asText().equals("Amazon"));
        assertThat(amazon.get("totalUsd").asLong()).isEqualTo(13_000_000_000L);
        assertThat(amazon.get("dealCount").asInt()).isEqualTo(3);
        assertThat(amazon.get("firstDate").asText()).isEqualTo("2023-09");
        assertThat(longs(amazon.get("deals"), "/amountUsd")).containsExactly(4_000_000_000L, 4_000_000_000L, 5_000_000_000L);
        assertThat(texts(amazon.get("deals"), "/date").subList(0, 2)).containsExactly("2023-09", "2024-11-22");
        // the $5B: no article it comes from is dated; ingest may date it from a link (2026-04-20) or leave it undated, last
        assertThat(amazon.at("/deals/2/date").asText("2026")).startsWith("2026");
        JsonNode first = amazon.at("/deals/0");
        assertThat(first.get("id").asText()).isEqualTo(GraphFixtures.dealId(driver, "amazon", "anthropic", 4_000_000_000L, "2023-09"));
        assertThat(texts(first.get("tranches"), "/date")).containsExactly("2023-09", "2024-03");
        assertThat(longs(first.get("tranches"), "/amountUsd")).containsExactly(1_250_000_000L, 2_750_000_000L);
        assertThat(body.at("/page/hasMore").asBoolean()).isFalse();
    }

    @Test
    void fundersGoByTotalWithUndisclosedAndUndatedDealsApart() {
        // Two more funders, from a note with no date: one with a figure, one without.
        ingestNote("Menlo Ventures has invested $750 million in Anthropic. Google has also invested in Anthropic.");
        JsonNode funders = ok("/api/companies/Anthropic/funders").get("funders");
        assertThat(texts(funders, "/counterparty/name")).containsExactlyElementsOf(fundersByTotal("anthropic"))
                .containsSubsequence("Amazon", "Menlo Ventures", "Google");
        JsonNode google = find(funders, f -> f.at("/counterparty/name").asText().equals("Google"));
        assertThat(google.get("undisclosed").asInt()).isEqualTo(1);
        assertThat(google.get("totalUsd").asLong()).isZero();
        assertThat(google.at("/deals/0/date").isMissingNode()).isTrue();
        assertThat(find(funders, f -> f.at("/counterparty/name").asText().equals("Menlo Ventures")).get("totalUsd").asLong())
                .isEqualTo(750_000_000L);

        // In the timeline, undated deals are listed apart, with no running total.
        JsonNode timeline = ok("/api/timeline?entity=Anthropic");
        List<Entry> expected = timeline("anthropic", null);
        assertThat(texts(timeline.get("undated"), "/deal/id"))
                .containsExactlyInAnyOrderElementsOf(expected.stream().filter(e -> e.date == null).map(e -> e.id).toList())
                .contains(GraphFixtures.dealId(driver, "menlo-ventures", "anthropic", 750_000_000L, null));
        timeline.get("undated").forEach(e -> assertThat(e.get("cumulativeUsd").isNull()).as(e.toString()).isTrue());
        assertThat(texts(timeline.get("deals"), "/deal/id"))
                .containsExactlyElementsOf(expected.stream().filter(e -> e.date != null).map(e -> e.id).toList());
    }

    @Test
    void namesResolveThroughCaseAndAliases() {
        assertThat(ok("/api/companies/ANTHROPIC/funders").at("/company/id").asText()).isEqualTo("anthropic");
        assertThat(ok("/api/companies/{name}/investments", "  Amazon.COM ").at("/company/id").asText()).isEqualTo("amazon");
        List<String> customers = column("""
                MATCH (c:Company)-[:COMMITS_SPEND_TO]->(:Cloud {id: 'amazon-web-services'}) RETURN c.name AS v ORDER BY v""");
        // the gold timeline: Anthropic and OpenAI both commit spend to AWS
        assertThat(customers).contains("Anthropic", "OpenAI");
        List<String> ids = new ArrayList<>();
        for (String name : List.of("AWS", "aws", "Amazon Web Services", "amazon   web services")) {
            JsonNode body = ok("/api/companies/{name}/commitments", name);
            ids.add(body.at("/entity/id").asText());
            assertThat(texts(body.get("received"), "/customer/name")).as(name).containsExactlyInAnyOrderElementsOf(customers);
        }
        assertThat(ids).containsOnly("amazon-web-services");
    }

    @Test
    void investmentsAndCommitmentsOfAmazon() {
        JsonNode investments = ok("/api/companies/amazon/investments");
        // largest total first: $50B in OpenAI, $13B in Anthropic (the gold timeline)
        assertThat(texts(investments.get("investments"), "/counterparty/name")).containsExactlyElementsOf(column("""
                MATCH (:Company {id: 'amazon'})-[r:INVESTS_IN]->(c) RETURN c.name AS v ORDER BY coalesce(r.totalUsd, 0) DESC, c.id"""))
                .containsSubsequence("OpenAI", "Anthropic");
        JsonNode commitments = ok("/api/companies/Amazon/commitments");
        assertThat(commitments.get("committed")).isEmpty();
        // Amazon receives through the cloud it operates: Anthropic's and OpenAI's commitments to AWS, $100B or more each.
        assertThat(texts(commitments.get("received"), "/provider/name")).containsOnly("Amazon Web Services");
        assertThat(texts(commitments.get("received"), "/customer/name")).contains("Anthropic", "OpenAI");
        commitments.get("received").forEach(c -> assertThat(c.get("totalUsd").asLong()).as(c.toString()).isGreaterThanOrEqualTo(100_000_000_000L));
        // undisclosed counts the pair's deals without a figure: Anthropic's AWS commitment of November 2024 has none
        JsonNode anthropic = find(commitments.get("received"), c -> c.at("/customer/name").asText().equals("Anthropic"));
        assertThat(anthropic.get("undisclosed").asLong()).isEqualTo(count("""
                MATCH (:Company {id: 'anthropic'})-[:MADE]->(d:SpendCommitment)-[:TO]->(:Cloud {id: 'amazon-web-services'})
                WHERE d.amountUsd IS NULL RETURN count(d) AS n""")).isPositive();
        JsonNode openai = ok("/api/companies/OpenAI/commitments");
        assertThat(texts(openai.get("committed"), "/provider/name")).containsExactlyInAnyOrderElementsOf(column("""
                MATCH (:Company {id: 'openai'})-[:COMMITS_SPEND_TO]->(p) RETURN p.name AS v""")).contains("Amazon Web Services");
    }

    @Test
    void aNameWithASlashOrABackslashTravelsInThePath() {
        driver.executableQuery("UNWIND $companies AS c CREATE (:Company {id: c[0], name: c[1], keys: [c[2]]})")
                .withParameters(Map.of("companies", List.of(List.of("ac-dc-capital", "AC/DC Capital", Keys.entity("AC/DC Capital")),
                        List.of("back-slash-labs", "Back\\Slash Labs", Keys.entity("Back\\Slash Labs"))))).execute();
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
    void timelineHasRunningTotalsPerPairSourcesAndTranchesThatDoNotAdd() {
        JsonNode deals = ok("/api/timeline?entity=Anthropic&counterparty=AMAZON").get("deals");
        List<Entry> expected = timeline("anthropic", "amazon");
        assertThat(texts(deals, "/deal/id")).containsExactlyElementsOf(expected.stream().filter(e -> e.date != null).map(e -> e.id).toList());
        assertThat(longs(deals, "/cumulativeUsd")).containsExactlyElementsOf(
                expected.stream().filter(e -> e.date != null).map(e -> e.cumulative).toList());
        // the gold timeline: after the 2024-11-22 deal Amazon had put in $8B, and $13B after the third
        String november = GraphFixtures.dealId(driver, "amazon", "anthropic", 4_000_000_000L, "2024-11");
        JsonNode novemberEntry = find(deals, d -> d.at("/deal/id").asText().equals(november));
        assertThat(novemberEntry.get("cumulativeUsd").asLong()).isEqualTo(8_000_000_000L);
        assertThat(deals.get(deals.size() - 1).get("cumulativeUsd").asLong()).isEqualTo(13_000_000_000L);
        // the two tranches of September 2023 hang under their deal and do not add to the running total
        String september = GraphFixtures.dealId(driver, "amazon", "anthropic", 4_000_000_000L, "2023-09");
        JsonNode septemberEntry = find(deals, d -> d.at("/deal/id").asText().equals(september));
        assertThat(septemberEntry.get("tranches")).hasSize(2);
        assertThat(deals).filteredOn(d -> d.get("trancheOf").asText("").equals(september)).hasSize(2)
                .allSatisfy(t -> assertThat(t.get("cumulativeUsd").asLong()).isIn(0L, 4_000_000_000L));
        // sources: the November deal was read in the one dated article, 2024-11-22
        String dated = column("MATCH (d:Document) WHERE d.published = '2024-11-22' RETURN d.id AS v").get(0);
        assertThat(novemberEntry.get("sources")).isNotEmpty().allSatisfy(src -> {
            assertThat(src.get("document").asText()).isEqualTo(dated);
            assertThat(src.get("published").asText()).isEqualTo("2024-11-22");
        });
        assertThat(texts(novemberEntry.get("sources"), "/evidence")).anyMatch(e -> e.contains("$4 billion"));
        // the $5B is reported by three or more of the articles: one source per claim
        String fiveBillion = GraphFixtures.dealId(driver, "amazon", "anthropic", 5_000_000_000L, null);
        JsonNode five = find(deals, d -> d.at("/deal/id").asText().equals(fiveBillion));
        assertThat(five.get("sources")).hasSize((int) count("MATCH (:Deal {id: $id})<-[:SUPPORTS]-(c:Claim) RETURN count(c) AS n", fiveBillion));
        assertThat(texts(five.get("sources"), "/document").stream().distinct().count()).isGreaterThanOrEqualTo(3);

        JsonNode all = ok("/api/timeline?entity=anthropic");
        List<Entry> everything = timeline("anthropic", null);
        assertThat(texts(all.get("deals"), "/deal/id")).containsExactlyElementsOf(
                everything.stream().filter(e -> e.date != null).map(e -> e.id).toList());
        assertThat(longs(all.get("deals"), "/cumulativeUsd")).containsExactlyElementsOf(
                everything.stream().filter(e -> e.date != null).map(e -> e.cumulative).toList());
        assertThat(texts(all.get("deals"), "/deal/date")).isSorted();
        // Anthropic's commitments to AWS are in its timeline too (the gold timeline has two)
        assertThat(texts(all.get("deals"), "/to/name")).contains("Amazon Web Services");

        JsonNode window = ok("/api/timeline?entity=Anthropic&from=2024-01-01&to=2024-12-31&type=INVESTS_IN");
        List<Entry> in2024 = everything.stream().filter(e -> e.type.equals("INVESTS_IN") && e.overlaps("2024-01-01", "2024-12-31")).toList();
        assertThat(texts(window.get("deals"), "/deal/id")).containsExactlyElementsOf(in2024.stream().map(e -> e.id).toList())
                .contains(november, GraphFixtures.dealId(driver, "amazon", "anthropic", 2_750_000_000L, "2024-03"));
        // running totals cover the pair's whole history, whatever the window
        assertThat(longs(window.get("deals"), "/cumulativeUsd")).containsExactlyElementsOf(in2024.stream().map(e -> e.cumulative).toList());
    }

    @Test
    void aDealWithAllItsClaims() {
        String id = GraphFixtures.dealId(driver, "amazon", "anthropic", 5_000_000_000L, null);
        JsonNode deal = ok("/api/deals/{id}", id);
        assertThat(deal.at("/from/name").asText()).isEqualTo("Amazon");
        assertThat(deal.at("/to/name").asText()).isEqualTo("Anthropic");
        assertThat(texts(deal.get("claims"), "/id")).containsExactlyInAnyOrderElementsOf(
                column("MATCH (c:Claim)-[:SUPPORTS]->(:Deal {id: $id}) RETURN c.id AS v", id));
        // Conflicting reports side by side: one article says up to $25 billion (the gold's alternative figure).
        assertThat(longs(deal.get("claims"), "/amountUsd")).contains(25_000_000_000L, 5_000_000_000L);
        assertThat(texts(deal.get("claims"), "/document/name")).contains("002_f9fa12afbb7fe71a.txt");
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
        assertThat(longs(aaa.get("legs"), "/totalUsd")).containsExactly(13_000_000_000L, count("""
                MATCH (:Company {id: 'anthropic'})-[r:COMMITS_SPEND_TO]->(:Cloud {id: 'amazon-web-services'}) RETURN r.totalUsd AS n"""));
        assertThat(aaa.get("circularUsd").asLong()).isEqualTo(13_000_000_000L);
        // Every two-leg cycle there is, and no other: money invested that comes back as spend on the investor's
        // cloud or its own books, or as use of a chip it makes (Amazon -> Anthropic -> Trainium, Amazon -> OpenAI -> AWS).
        List<String> expected = column("""
                MATCH (o:Company)-[:INVESTS_IN]->(x:Company)-[:COMMITS_SPEND_TO|USES]->(via)<-[:OPERATES|MAKES]-(o)
                RETURN o.name + ' -> ' + x.name + ' via ' + via.name AS v
                UNION
                MATCH (o:Company)-[:INVESTS_IN]->(x:Company)-[:COMMITS_SPEND_TO]->(o)
                RETURN o.name + ' -> ' + x.name + ' via ' + o.name AS v""");
        assertThat(expected).contains("Amazon -> Anthropic via Trainium", "Amazon -> OpenAI via Amazon Web Services");
        List<String> found = new ArrayList<>();
        ok("/api/circular?maxLength=2").get("cycles").forEach(c -> found.add(c.at("/investor/name").asText() + " -> "
                + c.at("/investee/name").asText() + " via " + c.at("/via/name").asText(c.at("/investor/name").asText())));
        assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void circularFindsLongerCyclesOnlyUpToMaxLength() {
        // Amazon -> Brambleton Capital -> Anthropic -> AWS: three money legs, with the pair keys ingest gives pair edges
        driver.executableQuery("""
                MATCH (a:Company {id: 'amazon'}), (t:Company {id: 'anthropic'})
                CREATE (a)-[:INVESTS_IN {totalUsd: 1000000, deals: 1, undisclosed: 0, pair: $in}]->
                       (b:Company {id: 'brambleton-capital', name: 'Brambleton Capital', keys: [$key]})
                       -[:INVESTS_IN {totalUsd: 750000000, deals: 1, undisclosed: 0, pair: $out}]->(t)""")
                .withParameters(Map.of("key", Keys.entity("Brambleton Capital"),
                        "in", Keys.pair(RelType.INVESTS_IN, "amazon", Label.Company, "brambleton-capital"),
                        "out", Keys.pair(RelType.INVESTS_IN, "brambleton-capital", Label.Company, "anthropic"))).execute();
        JsonNode three = ok("/api/circular?maxLength=3").get("cycles");
        JsonNode longer = find(three, c -> c.get("length").asInt() == 3 && c.at("/via/name").asText().equals("Amazon Web Services"));
        assertThat(texts(longer.get("legs"), "/from/name")).containsExactly("Amazon", "Brambleton Capital", "Anthropic");
        assertThat(longer.get("circularUsd").asLong()).isEqualTo(1_000_000L); // the smallest leg
        assertThat(ok("/api/circular?maxLength=2").get("cycles")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.get("length").asInt()).isEqualTo(2));
    }

    @Test
    void pathsConnectMicrosoftToAws() {
        // The shortest chains of direct edges, either direction, found here by trying every chain up to three long.
        List<String> shortest = column("""
                MATCH p = (:Company {id: 'microsoft'})-[:INVESTS_IN|COMMITS_SPEND_TO|OPERATES|MAKES|USES*1..3]-(:Cloud {id: 'amazon-web-services'})
                WITH p ORDER BY length(p)
                WITH collect(p) AS paths
                UNWIND [q IN paths WHERE length(q) = length(paths[0])] AS p
                RETURN DISTINCT reduce(s = '', n IN nodes(p) | s + '/' + n.name) AS v""");
        // the gold timeline: Microsoft invests in OpenAI, which commits spend to AWS
        assertThat(shortest).contains("/Microsoft/OpenAI/Amazon Web Services");
        JsonNode body = ok("/api/paths?from=Microsoft&to=aws&maxHops=3");
        List<String> found = new ArrayList<>();
        body.get("paths").forEach(p -> found.add(texts(p.get("nodes"), "/name").stream().reduce("", (a, b) -> a + "/" + b)));
        assertThat(found).containsExactlyInAnyOrderElementsOf(shortest);
        JsonNode path = find(body.get("paths"), p -> texts(p.get("nodes"), "/name").equals(List.of("Microsoft", "OpenAI", "Amazon Web Services")));
        assertThat(path.get("hops").asInt()).isEqualTo(2);
        assertThat(texts(path.get("edges"), "/type")).containsExactly("INVESTS_IN", "COMMITS_SPEND_TO");
        assertThat(ok("/api/paths?from=Microsoft&to=aws&maxHops=1").get("paths")).isEmpty();
    }

    @Test
    void statsCountTheGraph() {
        JsonNode stats = ok("/api/stats");
        assertThat(stats.at("/labels/Company").asLong()).isEqualTo(count("MATCH (n:Company) RETURN count(n) AS n"));
        assertThat(stats.at("/labels/Deal").asLong()).isEqualTo(count("MATCH (n:Deal) RETURN count(n) AS n"));
        assertThat(stats.at("/labels/Claim").asLong()).isEqualTo(count("MATCH (n:Claim) RETURN count(n) AS n"));
        // the gold timeline's two tranches; the five articles
        assertThat(stats.at("/relationships/TRANCHE_OF").asLong()).isEqualTo(2);
        assertThat(stats.get("documents").asLong()).isEqualTo(5);
        // the same instant; Cypher's toString drops a fraction's trailing zeros ("16.82Z") where Java keeps them ("16.820Z")
        assertThat(java.time.Instant.parse(stats.get("lastIngest").asText()))
                .isEqualTo(java.time.Instant.parse(column("MATCH (d:Document) RETURN toString(max(d.ingestedAt)) AS v").get(0)));
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

    /** Anthropic's (or any company's) investors by total, largest first, ties by id: the order funders promises. */
    private List<String> fundersByTotal(String company) {
        return column("""
                MATCH (i)-[r:INVESTS_IN]->(:Company {id: $id}) RETURN i.name AS v ORDER BY coalesce(r.totalUsd, 0) DESC, i.id""", company);
    }

    /** One deal of an entity's timeline as computed here from the graph. */
    record Entry(String id, String type, String date, Long cumulative) {
        /** Inside [from, to] by the date's own precision: 2024-03 is inside 2024-01-01 .. 2024-12-31. */
        boolean overlaps(String from, String to) {
            return date != null && date.compareTo(from.substring(0, Math.min(from.length(), date.length()))) >= 0
                    && date.compareTo(to.substring(0, Math.min(to.length(), date.length()))) <= 0;
        }
    }

    /**
     * An entity's deals (with one counterparty, or all) in the timeline's documented order, date then id, undated
     * ones apart; each dated one with the running total of its pair after it: the pair's dated deals up to it that are
     * not tranches.
     */
    private List<Entry> timeline(String entity, String counterparty) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("e", entity);
        params.put("c", counterparty);
        List<Record> rows = driver.executableQuery("""
                MATCH (f)-[:MADE]->(d:Deal)-[:TO]->(t)
                WHERE $e IN [f.id, t.id] AND ($c IS NULL OR $c IN [f.id, t.id])
                RETURN d.id AS id, d.type AS type, d.date AS date, d.amountUsd AS usd, f.id + ' ' + d.type + ' ' + t.id AS pair,
                       EXISTS { (d)-[:TRANCHE_OF]->(:Deal) } AS tranche
                ORDER BY d.date, d.id""").withParameters(params).execute().records();
        Map<String, Long> totals = new java.util.HashMap<>();
        List<Entry> out = new ArrayList<>();
        for (Record r : rows) {
            String date = r.get("date").asString(null);
            Long cumulative = null;
            if (date != null) {
                long add = r.get("tranche").asBoolean() || r.get("usd").isNull() ? 0 : r.get("usd").asLong();
                cumulative = totals.merge(r.get("pair").asString(), add, Long::sum);
            }
            out.add(new Entry(r.get("id").asString(), r.get("type").asString(), date, cumulative));
        }
        return out;
    }

    private void ingestNote(String text) {
        IngestProgress progress = new IngestProgress();
        ingest.ingestAll(List.of(IngestService.Input.documents("note", List.of(Document.of("note", text)))), progress);
        assertThat(progress.snapshot().ingested()).as(progress.snapshot().toString()).isEqualTo(1);
    }

    private List<String> column(String cypher, Object... id) {
        return driver.executableQuery(cypher).withParameters(id.length == 0 ? Map.of() : Map.of("id", id[0])).execute()
                .records().stream().map(r -> r.get("v").asString()).toList();
    }

    private long count(String cypher, Object... id) {
        return driver.executableQuery(cypher).withParameters(id.length == 0 ? Map.of() : Map.of("id", id[0])).execute()
                .records().get(0).get("n").asLong();
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
