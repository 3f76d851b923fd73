package io.dealgraph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealgraph.schema.SchemaMigrations;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.ClientException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.neo4j.Neo4jConnectionDetails;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What the running product must do whatever Neo4j it stands on: the schema migrated and recorded, keys enforced,
 * names searchable, health and Browser wiring pointing at the database the application really uses.
 */
abstract class StoreContract {

    @Autowired
    Driver driver;

    @Autowired
    StoreSettings store;

    @Autowired
    Neo4jConnectionDetails connection;

    @Autowired
    TestRestTemplate http;

    List<Record> cypher(String query, Map<String, Object> params) {
        try (var session = driver.session(org.neo4j.driver.SessionConfig.forDatabase(store.database()))) {
            return session.run(query, params).list();
        }
    }

    @Test
    void schemaMigrationsAreAppliedAndRecordedInTheGraph() {
        List<Integer> versions = cypher("MATCH (m:__Migration) RETURN m.version AS v ORDER BY v", Map.of())
                .stream().map(r -> r.get("v").asInt()).toList();
        assertThat(versions).containsExactlyElementsOf(io.dealgraph.schema.SchemaMigrations.shippedVersions());
        List<String> constraints = cypher("SHOW CONSTRAINTS YIELD name RETURN name", Map.of())
                .stream().map(r -> r.get("name").asString()).toList();
        assertThat(constraints).contains("company_id", "cloud_id", "chip_id", "deal_id", "document_id", "claim_id");
        List<String> indexes = cypher("SHOW INDEXES YIELD name, type RETURN name + ':' + type AS i", Map.of())
                .stream().map(r -> r.get("i").asString()).toList();
        assertThat(indexes).contains("entity_names:FULLTEXT", "entity_keys:FULLTEXT", "deal_pair:RANGE", "deal_date:RANGE",
                        "deal_timeline_from:RANGE", "deal_timeline_to:RANGE", "invests_in_rank_from:RANGE", "invests_in_rank_to:RANGE",
                        "invests_in_pair:RANGE")
                .doesNotContain("company_keys:RANGE");
    }

    @Test
    void migratingAgainChangesNothing() {
        assertThat(new SchemaMigrations(driver, store.database()).migrate()).isEmpty();
        assertThat(cypher("MATCH (m:__Migration) RETURN count(m) AS n", Map.of()).get(0).get("n").asInt())
                .isEqualTo(io.dealgraph.schema.SchemaMigrations.shippedVersions().size());
        assertThat(cypher("MATCH (l:__MigrationLock) RETURN count(l) AS n", Map.of()).get(0).get("n").asInt()).isZero();
    }

    @Test
    void anEditedAppliedMigrationStopsTheMigration() {
        String original = cypher("MATCH (m:__Migration {version: 1}) RETURN m.checksum AS c", Map.of()).get(0).get("c").asString();
        cypher("MATCH (m:__Migration {version: 1}) SET m.checksum = 'edited'", Map.of());
        try {
            assertThatThrownBy(() -> new SchemaMigrations(driver, store.database()).migrate())
                    .hasMessageContaining("V1").hasMessageContaining("must not be edited");
        } finally {
            cypher("MATCH (m:__Migration {version: 1}) SET m.checksum = $c", Map.of("c", original));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Company", "Cloud", "Chip", "Deal", "Document", "Claim"})
    void keysAreUnique(String label) {
        String create = "CREATE (:" + label + " {id: 'contract-duplicate'})";
        try {
            cypher(create, Map.of());
            assertThatThrownBy(() -> cypher(create, Map.of()))
                    .isInstanceOf(ClientException.class)
                    .hasMessageContaining("already exists");
        } finally {
            cypher("MATCH (n {id: 'contract-duplicate'}) DELETE n", Map.of());
        }
    }

    @Test
    void entitiesAreFoundByNameOrAliasThroughTheFullTextIndex() {
        cypher("""
                CREATE (:Cloud {id: 'contract-aws', name: 'Amazon Web Services Contract', aliases: ['AWS', 'Amazon Web Services']}),
                       (:Company {id: 'contract-anthropic', name: 'Anthropic Contract', aliases: []})""", Map.of());
        try {
            // Index population is asynchronous.
            cypher("CALL db.awaitIndexes(60)", Map.of());
            List<String> byAlias = cypher("""
                    CALL db.index.fulltext.queryNodes('entity_names', 'aws') YIELD node
                    WHERE node.id STARTS WITH 'contract-' RETURN node.id AS id""", Map.of())
                    .stream().map(r -> r.get("id").asString()).toList();
            assertThat(byAlias).containsExactly("contract-aws");
            List<String> byPrefix = cypher("""
                    CALL db.index.fulltext.queryNodes('entity_names', 'anthr*') YIELD node
                    WHERE node.id STARTS WITH 'contract-' RETURN node.id AS id""", Map.of())
                    .stream().map(r -> r.get("id").asString()).toList();
            assertThat(byPrefix).containsExactly("contract-anthropic");
        } finally {
            cypher("MATCH (n) WHERE n.id STARTS WITH 'contract-' DELETE n", Map.of());
        }
    }

    @Test
    void aWholeKeyIsOneTermOfTheKeyIndexNotItsWords() {
        cypher("""
                CREATE (:Company {id: 'contract-ai-labs', name: 'Contract AI Labs', keys: ['contract ai labs', 'cal']}),
                       (:Company {id: 'contract-labs', name: 'Contract Labs', keys: ['contract labs']})""", Map.of());
        try {
            cypher("CALL db.awaitIndexes(60)", Map.of());
            String find = """
                    CALL db.index.fulltext.queryNodes('entity_keys', $phrase) YIELD node
                    RETURN node.id AS id ORDER BY id""";
            assertThat(cypher(find, Map.of("phrase", "\"contract ai labs\"")).stream().map(r -> r.get("id").asString()))
                    .containsExactly("contract-ai-labs");
            assertThat(cypher(find, Map.of("phrase", "\"cal\"")).stream().map(r -> r.get("id").asString()))
                    .containsExactly("contract-ai-labs");
            // a word, or a part of a key, is not a key
            assertThat(cypher(find, Map.of("phrase", "\"labs\""))).isEmpty();
            assertThat(cypher(find, Map.of("phrase", "\"contract labs\"")).stream().map(r -> r.get("id").asString()))
                    .containsExactly("contract-labs");
        } finally {
            cypher("MATCH (n) WHERE n.id STARTS WITH 'contract-' DELETE n", Map.of());
        }
    }

    @Test
    void healthIncludesNeo4j() {
        ResponseEntity<JsonNode> health = http.getForEntity("/actuator/health", JsonNode.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody().path("status").asText()).isEqualTo("UP");
        assertThat(health.getBody().path("components").path("neo4j").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void browserDiscoveryAdvertisesTheBoltUriTheApplicationUses() {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        ResponseEntity<JsonNode> discovery = http.exchange("/", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
        assertThat(discovery.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = discovery.getBody();
        String advertised = body.has("bolt_direct") ? body.get("bolt_direct").asText() : body.get("bolt_routing").asText();
        assertThat(advertised).isEqualTo(connection.getUri().toString());
    }

    @Test
    void browserIsServedWithTelemetryOffAndTheDealgraphStyle() throws Exception {
        HttpResponse<Void> redirect = java.net.http.HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(http.getRootUri() + "/browser")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/browser/?preselectAuthMethod=NO_AUTH"));

        ResponseEntity<String> index = http.getForEntity("/browser/", String.class);
        assertThat(index.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(index.getBody())
                .contains("s.allowUserStats=false")
                .contains("\"node.Company\":{")
                .contains("<title>Neo4j Browser</title>");
        assertThat(index.getHeaders().getFirst("Content-Security-Policy")).contains("connect-src 'self' ws: wss:");
        assertThat(http.getForEntity("/browser/manifest.json", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
