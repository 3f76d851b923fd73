package io.dealgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealgraph.extract.Document;
import io.dealgraph.testing.EmbeddedStoreTest;
import io.dealgraph.testing.GraphFixtures;
import io.dealgraph.testing.KeysContract;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * One company under the names its sources use: "Figure AI" in one article and "Figure" in the next are one node, so
 * a pair's total adds up the deals whichever name each source used, and either name (or a legal form added) finds it.
 */
@EmbeddedStoreTest
class CompanyNamesIT {

    @Autowired
    Driver driver;

    @Autowired
    IngestService ingest;

    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void wipe() {
        GraphFixtures.wipe(driver);
    }

    private void read(String name, String published, String text) throws Exception {
        ingest.ingest(new Document(name, null, null, LocalDate.parse(published), text));
    }

    @Test
    void twoFormsOfOneCompanysNameAreOneNodeAndOnePairWhateverTheirOrder() throws Exception {
        read("short.txt", "2024-03-05", "Microsoft backs Figure\n\nMicrosoft invested $95 million in Figure, the robot startup said.");
        read("long.txt", "2024-09-10", "Figure AI gets more\n\nMicrosoft invested another $50 million in Figure AI, the robot maker said on Tuesday.");
        read("inc.txt", "2024-11-01", "Nvidia backs Lumen Bio\n\nNvidia invested $5 million in Lumen Bio Inc., the drug discovery startup said.");

        List<Record> figure = driver.executableQuery("""
                MATCH (c:Company) WHERE c.name STARTS WITH 'Figure' RETURN c.id AS id, c.name AS name, c.aliases AS aliases""")
                .execute().records();
        assertThat(figure).hasSize(1);
        assertThat(figure.get(0).get("name").asString()).as("the fullest form names the node").isEqualTo("Figure AI");
        assertThat(figure.get(0).get("aliases").asList(v -> v.asString())).contains("Figure");
        KeysContract.check(driver);

        JsonNode funders = ok("/api/companies/{name}/funders", "Figure");
        assertThat(funders.get("funders")).hasSize(1);
        assertThat(funders.at("/funders/0/totalUsd").asLong()).isEqualTo(145_000_000L);
        assertThat(funders.at("/funders/0/dealCount").asInt()).isEqualTo(2);
        // a form no source used, with a legal form added, finds the same company
        assertThat(ok("/api/companies/{name}/funders", "Figure AI, Inc.").at("/funders/0/totalUsd").asLong()).isEqualTo(145_000_000L);
        assertThat(ok("/api/companies/{name}/funders", "Lumen Bio").at("/funders/0/counterparty/name").asText()).isEqualTo("Nvidia");

        // the same documents the other way round: the same node, named the same
        GraphFixtures.wipe(driver);
        read("inc.txt", "2024-11-01", "Nvidia backs Lumen Bio\n\nNvidia invested $5 million in Lumen Bio Inc., the drug discovery startup said.");
        read("long.txt", "2024-09-10", "Figure AI gets more\n\nMicrosoft invested another $50 million in Figure AI, the robot maker said on Tuesday.");
        read("short.txt", "2024-03-05", "Microsoft backs Figure\n\nMicrosoft invested $95 million in Figure, the robot startup said.");
        List<Record> again = driver.executableQuery("""
                MATCH (c:Company) WHERE c.name STARTS WITH 'Figure' RETURN c.id AS id, c.name AS name""").execute().records();
        assertThat(again).hasSize(1);
        assertThat(again.get(0).get("id").asString()).isEqualTo(figure.get(0).get("id").asString());
        assertThat(again.get(0).get("name").asString()).isEqualTo("Figure AI");
    }

    @Test
    void aCorporateVentureArmStaysAnInvestorOfItsOwn() throws Exception {
        read("arm.txt", "2024-05-02", "Lumen Bio raises $40 million\n\nLumen Bio raised $40 million in a Series A round led by "
                + "Intel Capital, with participation from Intel and Northstar.");
        List<String> names = driver.executableQuery("MATCH (c:Company) WHERE c.name STARTS WITH 'Intel' RETURN c.name AS name ORDER BY name")
                .execute().records().stream().map(r -> r.get("name").asString()).toList();
        assertThat(names).containsExactly("Intel", "Intel Capital");
    }

    private JsonNode ok(String path, Object... vars) {
        ResponseEntity<JsonNode> r = http.getForEntity(path, JsonNode.class, vars);
        assertThat(r.getStatusCode()).as(path + " " + r.getBody()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }
}
