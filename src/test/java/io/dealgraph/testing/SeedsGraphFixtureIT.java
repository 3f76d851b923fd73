package io.dealgraph.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealgraph.ingest.IngestService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The seeds fixture ({@link GraphFixtures#loadIngestedSeeds}) hands every test the graph ingest wrote: a restored
 * copy holds the same nodes, relationships, labels, properties and property types as the snapshot taken right after
 * the real ingest, whatever the test before did to its copy, and obeys the keys contract.
 */
@EmbeddedStoreTest
class SeedsGraphFixtureIT {

    @Autowired
    IngestService ingest;

    @Autowired
    Driver driver;

    @Test
    void aRestoredCopyIsTheGraphIngestWroteWhateverTheLastTestDidToItsCopy() {
        GraphFixtures.loadIngestedSeeds(ingest, driver);
        long migrations = count("MATCH (m:__Migration) RETURN count(m) AS n");
        // a test's writes: a deal gone, a figure changed, a node and an edge added
        driver.executableQuery("""
                MATCH (d:Deal) WITH d LIMIT 1 DETACH DELETE d
                WITH 1 AS one MATCH (c:Company {id: 'amazon'}) SET c.name = 'Changed'
                CREATE (c)-[:INVESTS_IN {totalUsd: 1}]->(:Company {id: 'stray', name: 'Stray'})""").execute();

        GraphFixtures.loadIngestedSeeds(ingest, driver);

        GraphFixtures.Snapshot ingested = GraphFixtures.ingestedSeeds();
        List<String> expected = canonical(ingested.nodes().stream().map(n -> node(n.labels(), n.properties())).toList(),
                ingested.relationships().stream().map(r -> new int[] {r.from(), r.to()}).toList(),
                ingested.relationships().stream().map(r -> r.type() + " " + typed(r.properties())).toList());
        assertThat(readBack()).isEqualTo(expected);
        assertThat(count("MATCH (m:__Migration) RETURN count(m) AS n")).as("the migration records stay").isEqualTo(migrations);
        // what the comparison rests on: the copy has temporal and list properties, typed as ingest wrote them
        assertThat(driver.executableQuery("""
                MATCH (d:Document) RETURN collect(DISTINCT valueType(d.ingestedAt)) AS ingestedAt,
                       COLLECT { MATCH (c:Company {id: 'amazon'}) RETURN valueType(c.aliases) } AS aliases""")
                .execute().records().get(0).asMap())
                .containsEntry("ingestedAt", List.of("ZONED DATETIME NOT NULL"))
                .containsEntry("aliases", List.of("LIST<STRING NOT NULL> NOT NULL"));
        assertThat(expected).hasSizeGreaterThan(100);
    }

    @Test
    void theRestoredKeysAreTheOnesGraphKeysMakes() {
        GraphFixtures.loadIngestedSeeds(ingest, driver);
        GraphFixtures.loadIngestedSeeds(ingest, driver);
        assertThat(KeysContract.check(driver)).isGreaterThan(50);
    }

    @Test
    void everyDealHasPartiesAndEveryClaimASourceAndPairEdgesSumTheirTopLevelDeals() {
        GraphFixtures.loadIngestedSeeds(ingest, driver);
        Map<String, Object> counts = driver.executableQuery("""
                RETURN count { MATCH (d:Deal) } AS deals,
                       count { MATCH (d:Deal) WHERE NOT ()-[:MADE]->(d) OR NOT (d)-[:TO]->() } AS orphanDeals,
                       count { MATCH (d:Deal) WHERE NOT (d)<-[:SUPPORTS]-(:Claim) } AS unsupportedDeals,
                       count { MATCH (c:Claim) WHERE NOT (c)-[:SOURCED_FROM]->(:Document) } AS unsourcedClaims""")
                .execute().records().get(0).asMap();
        // the gold timeline has seven events and two tranches that are not optional
        assertThat((Long) counts.get("deals")).isGreaterThanOrEqualTo(9);
        assertThat(counts).containsEntry("orphanDeals", 0L).containsEntry("unsupportedDeals", 0L).containsEntry("unsourcedClaims", 0L);

        // every pair edge's figures are its top-level deals' (tranches are part of their deal's figure)
        List<Record> edges = driver.executableQuery("""
                MATCH (f)-[e:INVESTS_IN|COMMITS_SPEND_TO]->(t)
                WITH f, e, t, [(f)-[:MADE]->(d:Deal)-[:TO]->(t) WHERE d.type = type(e) AND NOT (d)-[:TRANCHE_OF]->() | d] AS deals
                RETURN f.id + ' -> ' + t.id AS pair, e.totalUsd AS total, e.deals AS count, e.undisclosed AS undisclosed,
                       reduce(s = 0, d IN deals | s + coalesce(d.amountUsd, 0)) AS sum, size(deals) AS n,
                       size([d IN deals WHERE d.amountUsd IS NULL]) AS none""").execute().records();
        assertThat(edges).isNotEmpty().allSatisfy(e -> {
            assertThat(e.get("total").asLong(0)).as(e.get("pair").asString()).isEqualTo(e.get("sum").asLong());
            assertThat(e.get("count").asLong()).as(e.get("pair").asString()).isEqualTo(e.get("n").asLong());
            assertThat(e.get("undisclosed").asLong()).as(e.get("pair").asString()).isEqualTo(e.get("none").asLong());
        });
        // the gold timeline: Amazon has put $13B into Anthropic over three deals, from September 2023
        Record amazon = driver.executableQuery("""
                MATCH (:Company {id: 'amazon'})-[r:INVESTS_IN]->(:Company {id: 'anthropic'})
                RETURN r.totalUsd AS total, r.deals AS deals, r.firstDate AS first""").execute().records().get(0);
        assertThat(amazon.get("total").asLong()).isEqualTo(13_000_000_000L);
        assertThat(amazon.get("deals").asInt()).isEqualTo(3);
        assertThat(amazon.get("first").asString()).isEqualTo("2023-09");
    }

    /** The database's graph in the canonical form below, read with queries of this test's own. */
    private List<String> readBack() {
        List<String> nodes = new ArrayList<>();
        Map<String, Integer> position = new HashMap<>();
        for (Record r : driver.executableQuery("""
                MATCH (n) WHERE NOT n:__Migration AND NOT n:__MigrationLock
                RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props""").execute().records()) {
            position.put(r.get("id").asString(), nodes.size());
            nodes.add(node(r.get("labels").asList(Value::asString), r.get("props").asMap()));
        }
        List<int[]> ends = new ArrayList<>();
        List<String> rels = new ArrayList<>();
        for (Record r : driver.executableQuery("""
                MATCH (a)-[r]->(b) WHERE NOT a:__Migration AND NOT b:__Migration
                RETURN elementId(a) AS a, elementId(b) AS b, type(r) AS type, properties(r) AS props""").execute().records()) {
            ends.add(new int[] {position.get(r.get("a").asString()), position.get(r.get("b").asString())});
            rels.add(r.get("type").asString() + " " + typed(r.get("props").asMap()));
        }
        return canonical(nodes, ends, rels);
    }

    /**
     * A graph as sorted lines, independent of element ids and order: one per node (labels, properties with their Java
     * types), one per relationship (its type and typed properties between its two ends' node lines).
     */
    private static List<String> canonical(List<String> nodes, List<int[]> ends, List<String> rels) {
        List<String> lines = new ArrayList<>(nodes.stream().map(n -> "node " + n).toList());
        for (int i = 0; i < rels.size(); i++) {
            lines.add("rel " + nodes.get(ends.get(i)[0]) + " -" + rels.get(i) + "-> " + nodes.get(ends.get(i)[1]));
        }
        lines.sort(null);
        return lines;
    }

    private static String node(List<String> labels, Map<String, Object> properties) {
        return labels.stream().sorted().toList() + " " + typed(properties);
    }

    /** Properties with their Java types; long texts (the articles, their sentences) by length and hash, not quoted. */
    private static String typed(Map<String, Object> properties) {
        Map<String, String> typed = new TreeMap<>();
        properties.forEach((k, v) -> typed.put(k, v == null ? "null" : v.getClass().getSimpleName() + ":"
                + (v instanceof String t && t.length() > 64 ? t.length() + "#" + Integer.toHexString(t.hashCode()) : v)
                + (v instanceof List<?> l ? l.stream().map(x -> x.getClass().getSimpleName()).distinct().toList() : "")));
        return typed.toString();
    }

    private long count(String cypher) {
        return driver.executableQuery(cypher).execute().records().get(0).get("n").asLong();
    }
}
