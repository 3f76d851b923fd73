package io.dealgraph.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealgraph.ingest.IngestService;
import io.dealgraph.testing.EmbeddedStoreTest;
import io.dealgraph.testing.GraphFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** POST /api/cypher reads, and refuses anything that could change the graph, leaving it as it was. */
@EmbeddedStoreTest
class CypherConsoleIT {

    @Autowired
    Driver driver;

    @Autowired
    TestRestTemplate http;

    @Autowired
    QuerySettings settings;

    @Autowired
    IngestService ingest;

    @BeforeEach
    void seeds() {
        GraphFixtures.loadIngestedSeeds(ingest, driver);
    }

    @Test
    void runsAReadQueryWithParameters() {
        ResponseEntity<JsonNode> r = post("""
                MATCH (i:Company)-[r:INVESTS_IN]->(c:Company {name: $name})
                RETURN i.name AS investor, r.totalUsd AS usd, i AS node ORDER BY usd DESC""", Map.of("name", "Anthropic"));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = r.getBody();
        assertThat(QueryApiIT.texts(body.get("columns"), "")).containsExactly("investor", "usd", "node");
        // the rows the database gives the same query over the driver
        assertThat(QueryApiIT.texts(body.get("rows"), "/investor")).containsExactlyInAnyOrderElementsOf(driver.executableQuery("""
                MATCH (i:Company)-[r:INVESTS_IN]->(:Company {name: 'Anthropic'}) RETURN i.name AS investor ORDER BY r.totalUsd DESC""")
                .execute().records().stream().map(x -> x.get("investor").asString()).toList());
        // the gold timeline: Amazon, $13B
        assertThat(body.at("/rows/0/investor").asText()).isEqualTo("Amazon");
        assertThat(body.at("/rows/0/usd").asLong()).isEqualTo(13_000_000_000L);
        assertThat(body.at("/rows/0/node/labels/0").asText()).isEqualTo("Company");
        assertThat(body.at("/rows/0/node/properties/id").asText()).isEqualTo("amazon");
        assertThat(body.get("truncated").asBoolean()).isFalse();
        // Read-only procedures and schema commands are fine.
        assertThat(post("CALL db.labels() YIELD label RETURN label", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post("SHOW INDEXES YIELD name RETURN name", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void everyKindOfValueComesBackAsJsonNotAsText() {
        JsonNode row = post("""
                MATCH (c:Company {id: 'amazon'})
                RETURN [1, 2] AS numbers, ['a', ['b']] AS nested, {k: [true, null]} AS map, c.aliases AS aliases,
                       date('2024-03-27') AS day, datetime('2024-03-27T10:15:00Z') AS instant, duration('P1Y2M') AS span,
                       point({x: 1.5, y: 2.0}) AS flat, point({longitude: 13.4, latitude: 52.5}) AS place,
                       [(c)-[r:INVESTS_IN]->(x) | x.name][0..1] AS funded, 0.0 / 0.0 AS nan""", Map.of()).getBody().at("/rows/0");
        assertThat(row.get("numbers").isArray()).isTrue();
        assertThat(row.at("/numbers/1").asInt()).isEqualTo(2);
        assertThat(row.at("/nested/1/0").asText()).isEqualTo("b");
        assertThat(row.at("/map/k/0").asBoolean()).isTrue();
        assertThat(row.at("/map/k/1").isNull()).isTrue();
        assertThat(row.get("aliases").isArray()).as(row.get("aliases").toString()).isTrue();
        assertThat(row.get("day").asText()).isEqualTo("2024-03-27");
        assertThat(row.get("instant").asText()).isEqualTo("2024-03-27T10:15:00Z");
        assertThat(row.get("span").asText()).isEqualTo("P1Y2M");
        assertThat(row.at("/flat/x").asDouble()).isEqualTo(1.5);
        assertThat(row.at("/flat/srid").asInt()).isEqualTo(7203);
        assertThat(row.at("/place/srid").asInt()).isEqualTo(4326);
        assertThat(row.at("/place/y").asDouble()).isEqualTo(52.5);
        assertThat(row.get("funded").isArray()).isTrue();
        assertThat(row.get("nan").asText()).isEqualTo("NaN");
    }

    @Test
    void stopsAtTheRowLimitAndSaysSo() {
        JsonNode body = post("UNWIND range(1, $n) AS i RETURN i", Map.of("n", settings.cypherMaxRows() + 5)).getBody();
        assertThat(body.get("rows")).hasSize(settings.cypherMaxRows());
        assertThat(body.get("truncated").asBoolean()).isTrue();
    }

    @Test
    void writesAreRefusedAndTheGraphIsUnchanged() {
        Map<String, Object> before = counts();
        for (String write : List.of(
                "CREATE (:Company {id: 'evil', name: 'Evil'})",
                "MATCH (n:Company {id: 'amazon'}) SET n.name = 'Evil' RETURN n",
                "MATCH (n) DETACH DELETE n",
                "MERGE (c:Company {id: 'x'}) RETURN c",
                "MATCH (d:Deal) CALL (d) { SET d.amountUsd = 0 } IN TRANSACTIONS OF 1 ROW",
                "CALL db.createLabel('Evil')",
                "CREATE INDEX evil FOR (n:Company) ON (n.evil)",
                "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
                "CALL dbms.components() YIELD name RETURN name",
                "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
                "SHOW TRANSACTIONS YIELD transactionId CALL (transactionId) { TERMINATE TRANSACTIONS transactionId } RETURN 1")) {
            ResponseEntity<JsonNode> r = post(write, Map.of());
            assertThat(r.getStatusCode()).as(write).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(r.getHeaders().getContentType()).as(write).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(r.getBody().get("detail").asText()).as(write).isNotBlank();
        }
        assertThat(post("CREATE (:Company {id: 'evil'})", Map.of()).getBody().get("detail").asText()).contains("read-only");
        assertThat(counts()).isEqualTo(before);
        assertThat(driver.executableQuery("MATCH (n:Company {id: 'amazon'}) RETURN n.name AS name").execute()
                .records().get(0).get("name").asString()).isEqualTo("Amazon");
    }

    @Test
    void badQueriesAre400WithTheDatabasesMessage() {
        ResponseEntity<JsonNode> r = post("MATCH (n RETURN n", Map.of());
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody().get("detail").asText()).containsIgnoringCase("invalid input");
        assertThat(post(" ", Map.of()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post("RETURN $missing AS x", Map.of()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private Map<String, Object> counts() {
        return driver.executableQuery("""
                MATCH (n) WITH count(n) AS nodes
                RETURN nodes, COUNT { ()-[]->() } AS relationships, COUNT { (n:Company) WHERE n.name = 'Evil' } AS evil""")
                .execute().records().get(0).asMap();
    }

    private ResponseEntity<JsonNode> post(String query, Map<String, Object> parameters) {
        return http.postForEntity("/api/cypher", Map.of("query", query, "parameters", parameters), JsonNode.class);
    }
}
