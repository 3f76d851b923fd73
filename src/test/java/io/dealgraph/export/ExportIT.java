package io.dealgraph.export;

import static io.dealgraph.export.ExportTesting.around;
import static io.dealgraph.export.ExportTesting.canonical;
import static io.dealgraph.export.ExportTesting.captions;
import static io.dealgraph.export.ExportTesting.export;
import static io.dealgraph.export.ExportTesting.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealgraph.DealgraphApplication;
import io.dealgraph.schema.AppliedSchema;
import io.dealgraph.schema.SchemaMigrations;
import io.dealgraph.store.EmbeddedNeo4j;
import io.dealgraph.store.EmbeddedSettings;
import io.dealgraph.ingest.IngestService;
import io.dealgraph.testing.EmbeddedStoreTest;
import io.dealgraph.testing.GraphFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;

/**
 * Selections on the graph ingest made of the seed articles (testing/GraphFixtures), each checked against the gold
 * timeline's facts and against the same selection made by a plain Cypher query of the test's own; json, cypher and
 * csv read back into a second, empty database.
 */
@EmbeddedStoreTest
class ExportIT {

    @TempDir
    static Path secondHome;

    static ExportTesting.SecondDatabase second;

    @Autowired
    Driver driver;

    @Autowired
    Exporter exporter;

    @Autowired
    IngestService ingest;

    @BeforeAll
    static void startSecond() {
        second = new ExportTesting.SecondDatabase(secondHome);
    }

    @AfterAll
    static void stopSecond() {
        second.close();
    }

    @BeforeEach
    void seeds() {
        GraphFixtures.loadIngestedSeeds(ingest, driver);
        second.wipe();
    }

    @Test
    void twoHopsAroundAnthropicAreItsInvestorsCloudsChipsAndTheirNeighboursWithDealsAndSources() {
        JsonNode doc = json(exporter, around("Anthropic", 2));
        Map<String, Object> expected = aroundAnthropic();

        assertThat(captions(doc, "Company")).containsExactlyElementsOf(strings(expected, "Company"))
                // the gold timeline: Amazon funds Anthropic and OpenAI; Microsoft funds only OpenAI, three hops away
                .contains("Amazon", "Anthropic", "OpenAI").doesNotContain("Microsoft");
        assertThat(captions(doc, "Cloud")).containsExactlyElementsOf(strings(expected, "Cloud")).contains("Amazon Web Services");
        assertThat(captions(doc, "Chip")).containsExactlyElementsOf(strings(expected, "Chip")).contains("Trainium", "Inferentia");
        assertThat(ids(doc, "Deal")).containsExactlyInAnyOrderElementsOf(strings(expected, "Deal"))
                .contains(GraphFixtures.dealId(driver, "amazon", "anthropic", 4_000_000_000L, "2023-09"),
                        GraphFixtures.dealId(driver, "amazon", "anthropic", 1_250_000_000L, "2023-09"),
                        GraphFixtures.dealId(driver, "amazon", "anthropic", 2_750_000_000L, "2024-03"),
                        GraphFixtures.dealId(driver, "amazon", "anthropic", 4_000_000_000L, "2024-11"),
                        GraphFixtures.dealId(driver, "amazon", "anthropic", 5_000_000_000L, null),
                        GraphFixtures.dealId(driver, "amazon", "openai", 50_000_000_000L, null),
                        GraphFixtures.dealId(driver, "openai", "amazon-web-services", 100_000_000_000L, null))
                .doesNotContainAnyElementsOf(column("MATCH (:Company {id: 'microsoft'})-[:MADE]->(d:Deal) RETURN d.id AS v"));
        assertThat(ids(doc, "Claim")).containsExactlyInAnyOrderElementsOf(strings(expected, "Claim"))
                // Amazon's running total in Anthropic, a claim on the pair and not a deal
                .containsAll(column("""
                        MATCH (:Company {id: 'amazon'})<-[:SUBJECT]-(c:Claim {cumulative: true})-[:OBJECT]->(:Company {id: 'anthropic'})
                        RETURN c.id AS v""")).isNotEmpty();
        // every one of the five articles is a source of something around Anthropic
        assertThat(ids(doc, "Document")).containsExactlyInAnyOrderElementsOf(strings(expected, "Document")).hasSize(5);
        assertThat(doc.path("counts").path("nodes").asInt()).isEqualTo(doc.path("elements").path("nodes").size())
                .isEqualTo(((Number) expected.get("nodes")).intValue());

        JsonNode amazonToAnthropic = edge(doc, "Company:amazon", "INVESTS_IN", "Company:anthropic");
        assertThat(amazonToAnthropic.path("properties").path("totalUsd").asLong()).isEqualTo(13_000_000_000L);
        String september = GraphFixtures.dealId(driver, "amazon", "anthropic", 4_000_000_000L, "2023-09");
        edge(doc, "Deal:" + GraphFixtures.dealId(driver, "amazon", "anthropic", 1_250_000_000L, "2023-09"), "TRANCHE_OF", "Deal:" + september);
        edge(doc, "Deal:" + GraphFixtures.dealId(driver, "amazon", "anthropic", 2_750_000_000L, "2024-03"), "TRANCHE_OF", "Deal:" + september);
        // Provenance: the November 2024 deal's claims name the one dated article, with the sentence they were read in.
        String november = GraphFixtures.dealId(driver, "amazon", "anthropic", 4_000_000_000L, "2024-11");
        String dated = column("MATCH (d:Document {published: '2024-11-22'}) RETURN d.id AS v").get(0);
        List<String> claims = column("MATCH (c:Claim)-[:SUPPORTS]->(:Deal {id: $id}) RETURN c.id AS v", november);
        assertThat(claims).isNotEmpty().allSatisfy(c -> {
            edge(doc, "Claim:" + c, "SUPPORTS", "Deal:" + november);
            edge(doc, "Claim:" + c, "SOURCED_FROM", "Document:" + dated);
        });
        assertThat(claims).anySatisfy(c -> assertThat(node(doc, "Claim:" + c).path("properties").path("evidence").asText()).contains("$4 billion"));
        assertThat(node(doc, "Document:" + dated).path("properties").path("name").asText()).isEqualTo("004_286039b3d84bfdbc.txt");
    }

    /**
     * What around("Anthropic", 2) should hold, by this test's own query: the entities two direct edges away or less,
     * the deals between two of them, the claims behind those deals and the claims naming two of them, the documents
     * those claims cite; captions and ids per label, and the number of nodes.
     */
    private Map<String, Object> aroundAnthropic() {
        return driver.executableQuery("""
                MATCH (:Company {id: 'anthropic'})-[:INVESTS_IN|COMMITS_SPEND_TO|OPERATES|MAKES|USES*0..2]-(e)
                WITH collect(DISTINCT e) AS ents
                WITH ents, [(a)-[:MADE]->(d:Deal)-[:TO]->(b) WHERE a IN ents AND b IN ents | d] AS deals
                WITH ents, deals,
                     [(c:Claim)-[:SUPPORTS]->(d:Deal) WHERE d IN deals | c]
                     + [(a)<-[:SUBJECT]-(c:Claim)-[:OBJECT]->(b) WHERE a IN ents AND b IN ents AND NOT (c)-[:SUPPORTS]->(:Deal) | c] AS claims
                WITH ents, deals, claims, [(c:Claim)-[:SOURCED_FROM]->(doc:Document) WHERE c IN claims | doc] AS docs
                RETURN [e IN ents WHERE e:Company | e.name] AS Company, [e IN ents WHERE e:Cloud | e.name] AS Cloud,
                       [e IN ents WHERE e:Chip | e.name] AS Chip, [d IN deals | d.id] AS Deal, [c IN claims | c.id] AS Claim,
                       [d IN docs | d.id] AS Document""").execute().records().stream().map(r -> {
                    Map<String, Object> m = new HashMap<>();
                    long nodes = 0;
                    for (String k : r.keys()) {
                        List<String> values = r.get(k).asList(v -> v.asString()).stream().distinct().sorted().toList();
                        m.put(k, values);
                        nodes += values.size();
                    }
                    m.put("nodes", nodes);
                    return m;
                }).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> m, String key) {
        return (List<String>) m.get(key);
    }

    private List<String> column(String cypher) {
        return column(cypher, Map.of());
    }

    private List<String> column(String cypher, String id) {
        return column(cypher, Map.of("id", id));
    }

    /** Column v of a query's rows. */
    private List<String> column(String cypher, Map<String, Object> parameters) {
        return driver.executableQuery(cypher).withParameters(parameters).execute()
                .records().stream().map(r -> r.get("v").asString()).toList();
    }

    @Test
    void jsonHoldsExactlyTheGraphBetweenTheExportedNodes() {
        JsonNode doc = json(exporter, around("Anthropic", 2));
        List<String> keys = new ArrayList<>();
        doc.path("elements").path("nodes").forEach(n -> keys.add(n.path("data").path("id").asText()));
        // The database's own view of the same nodes: labels and properties, and every relationship among them.
        List<Map<String, Object>> dbNodes = driver.executableQuery("""
                MATCH (n) WHERE n.id IS NOT NULL
                WITH n, [l IN ['Company','Cloud','Chip','Deal','Claim','Document'] WHERE l IN labels(n)][0] + ':' + n.id AS key
                WHERE key IN $keys
                RETURN key, labels(n) AS labels, properties(n) AS props""").withParameters(Map.of("keys", keys))
                .execute().records().stream().map(r -> r.asMap()).toList();
        assertThat(dbNodes).hasSize(keys.size());
        for (Map<String, Object> n : dbNodes) {
            JsonNode exported = node(doc, (String) n.get("key"));
            assertThat(ExportTesting.JSON.convertValue(exported.path("labels"), List.class))
                    .containsExactlyInAnyOrderElementsOf((List<?>) n.get("labels"));
            assertThat(exported.path("properties").toString()).as((String) n.get("key"))
                    .isEqualTo(ExportTesting.JSON.valueToTree(jsonable((Map<?, ?>) n.get("props"))).toString());
        }
        long induced = driver.executableQuery("""
                MATCH (a)-[r]->(b) WHERE a.id IS NOT NULL AND b.id IS NOT NULL
                WITH r, [l IN ['Company','Cloud','Chip','Deal','Claim','Document'] WHERE l IN labels(a)][0] + ':' + a.id AS ak,
                        [l IN ['Company','Cloud','Chip','Deal','Claim','Document'] WHERE l IN labels(b)][0] + ':' + b.id AS bk
                WHERE ak IN $keys AND bk IN $keys RETURN count(r) AS n""").withParameters(Map.of("keys", keys))
                .execute().records().get(0).get("n").asLong();
        assertThat(doc.path("elements").path("edges").size()).isEqualTo(induced);
    }

    @Test
    void theCypherScriptRecreatesTheSubgraphInAnEmptyDatabase() {
        String script = new String(export(exporter, around("Anthropic", 2), ExportFormat.CYPHER), StandardCharsets.UTF_8);
        // Parameter-free: outside string literals there is no $name.
        assertThat(script.replaceAll("'(?:\\\\.|[^'\\\\])*'", "''")).doesNotContain("$");
        try (Session s = second.driver.session()) {
            script.lines().filter(l -> !l.isBlank() && !l.startsWith("//")).forEach(l -> s.run(l).consume());
        }
        JsonNode original = json(exporter, around("Anthropic", 2));
        JsonNode recreated = json(second.exporter(), around("Anthropic", 2));
        assertThat(canonical(recreated)).isEqualTo(canonical(original));
        assertThat(second.driver.executableQuery("MATCH (n) RETURN count(n) AS n").execute().records().get(0).get("n").asInt())
                .isEqualTo(original.path("elements").path("nodes").size()).isGreaterThan(50);
        // Run twice, it adds nothing: nodes and relationships are MERGEd.
        try (Session s = second.driver.session()) {
            script.lines().filter(l -> !l.isBlank() && !l.startsWith("//")).forEach(l -> s.run(l).consume());
        }
        assertThat(canonical(json(second.exporter(), around("Anthropic", 2)))).isEqualTo(canonical(original));
    }

    @Test
    void csvFilesLoadBackIntoAnEmptyDatabaseWithTheirTypes(@TempDir Path dir) throws IOException {
        exporter.writeCsvDirectory(exporter.open(around("Anthropic", 2), ExportFormat.CSV), dir);
        String nodesCsv = Files.readString(dir.resolve("nodes.csv"));
        String relsCsv = Files.readString(dir.resolve("relationships.csv"));
        assertThat(nodesCsv.lines().findFirst().orElseThrow()).startsWith(":ID,:LABEL,")
                .contains("aliases:string[]").contains("amountUsd:long").contains("cumulative:boolean").contains("ingestedAt:datetime");
        assertThat(relsCsv.lines().findFirst().orElseThrow()).startsWith(":START_ID,:END_ID,:TYPE,").contains("totalUsd:long");

        // Loaded as neo4j-admin would: labels from :LABEL, typed properties, relationships by :START_ID/:END_ID.
        try (Session s = second.driver.session()) {
            for (Map<String, Object> row : CsvFiles.typed(nodesCsv)) {
                Map<String, Object> props = new HashMap<>(row);
                String key = (String) props.remove(":ID");
                String labels = (String) props.remove(":LABEL");
                props.put("_k", key);
                StringBuilder set = new StringBuilder();
                for (String l : labels.split(";")) {
                    set.append(":`").append(l.replace("`", "``")).append('`');
                }
                s.run("CREATE (n" + set + ") SET n = $props", Map.of("props", props)).consume();
            }
            for (Map<String, Object> row : CsvFiles.typed(relsCsv)) {
                Map<String, Object> props = new HashMap<>(row);
                String from = (String) props.remove(":START_ID");
                String to = (String) props.remove(":END_ID");
                String type = (String) props.remove(":TYPE");
                s.run("MATCH (a {_k: $from}), (b {_k: $to}) CREATE (a)-[r:`" + type.replace("`", "``") + "`]->(b) SET r = $props",
                        Map.of("from", from, "to", to, "props", props)).consume();
            }
            s.run("MATCH (n) REMOVE n._k").consume();
        }
        assertThat(canonical(json(second.exporter(), around("Anthropic", 2))))
                .isEqualTo(canonical(json(exporter, around("Anthropic", 2))));
    }

    /**
     * The csv files through Neo4j's own import tool, {@code neo4j-admin database import full}, run from the Neo4j
     * jars this project bundles in a JVM of its own: typed columns and lists come back as they were. The tool drops
     * an empty value of any type, empty arrays included, so an empty list comes back absent; the README gives the
     * statement that restores them ({@code aliases} is the only list the model stores empty), and with it the
     * imported graph is the exported one. Then dealgraph starts on the imported store as a user's would: the graph
     * carries no migration history, so every schema migration runs over it, and the deals must come through with
     * their ids and their claims.
     */
    @Test
    void csvFilesGoThroughNeo4jAdminImportTheReadmeRestoresEmptyListsAndDealgraphStartsOnTheResult(@TempDir Path dir)
            throws Exception {
        Selection everything = new Selection(null, 2, null, null, null, null, null, null, true);
        exporter.writeCsvDirectory(exporter.open(everything, ExportFormat.CSV), dir.resolve("csv"));
        Path home = Files.createDirectories(dir.resolve("imported"));
        Files.createDirectories(home.resolve("conf"));
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder importTool = new ProcessBuilder(javaCommand, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "org.neo4j.cli.AdminTool", "database", "import", "full", "neo4j", "--max-off-heap-memory=64m",
                "--report-file=" + dir.resolve("import.report"),
                "--nodes=" + dir.resolve("csv/nodes.csv"), "--relationships=" + dir.resolve("csv/relationships.csv"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("import.log").toFile());
        importTool.environment().put("NEO4J_HOME", home.toString());
        Process p = importTool.start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("the import tool finished").isTrue();
        String log = Files.readString(dir.resolve("import.log"));
        assertThat(p.exitValue()).as(log).isZero();
        assertThat(log).contains("IMPORT DONE");

        // Opened as it was imported: the schema migrations would rewrite data, and the comparison is of the data alone.
        try (EmbeddedNeo4j db = EmbeddedNeo4j.start(new EmbeddedSettings(home, "127.0.0.1", 0, "32m", ""), "neo4j");
             Driver imported = GraphDatabase.driver(db.boltUri(), AuthTokens.none())) {
            Map<String, Object> aliases = new TreeMap<>();
            imported.executableQuery("MATCH (n:Company|Cloud|Chip) RETURN n.id AS id, n.aliases AS aliases").execute()
                    .records().forEach(r -> aliases.put(r.get("id").asString(), r.get("aliases").isNull() ? "absent" : r.get("aliases").asList()));
            // lists come back as they were, and the empty ones (Anthropic has no alias) not at all
            Map<String, Object> exported = new TreeMap<>();
            driver.executableQuery("MATCH (n:Company|Cloud|Chip) RETURN n.id AS id, n.aliases AS aliases").execute().records()
                    .forEach(r -> exported.put(r.get("id").asString(), r.get("aliases").asList().isEmpty() ? "absent" : r.get("aliases").asList()));
            assertThat(aliases).isEqualTo(exported).containsEntry("anthropic", "absent");
            assertThat(aliases.get("amazon-web-services")).asList().contains("AWS");

            try (Session s = imported.session()) {
                s.run(readmeStatement("n.aliases = []")).consume();
            }
            Exporter fromImported = new Exporter(imported, "neo4j", new ExportSettings(0, 0));
            assertThat(canonical(json(fromImported, everything))).isEqualTo(canonical(json(exporter, everything)));
        }

        Map<String, List<String>> exportedDeals = dealsAndTheirClaims(driver);
        assertThat(exportedDeals).isNotEmpty();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DealgraphApplication.class).run(
                "--server.port=0", "--dealgraph.embedded.bolt-port=0", "--dealgraph.embedded.page-cache=32m",
                "--dealgraph.embedded.data-dir=" + home)) {
            assertThat(app.getBean(AppliedSchema.class).appliedNow()).as("every migration ran over the imported graph")
                    .containsExactlyElementsOf(SchemaMigrations.shippedVersions());
            assertThat(dealsAndTheirClaims(app.getBean(Driver.class))).isEqualTo(exportedDeals);
        }
        try (ConfigurableApplicationContext again = new SpringApplicationBuilder(DealgraphApplication.class).run(
                "--server.port=0", "--dealgraph.embedded.bolt-port=0", "--dealgraph.embedded.page-cache=32m",
                "--dealgraph.embedded.data-dir=" + home)) {
            assertThat(again.getBean(AppliedSchema.class).appliedNow()).as("a restart has nothing to apply").isEmpty();
            assertThat(dealsAndTheirClaims(again.getBean(Driver.class))).isEqualTo(exportedDeals);
        }
    }

    /** Each deal's and round's id, with the ids of the claims that support it. */
    static Map<String, List<String>> dealsAndTheirClaims(Driver driver) {
        Map<String, List<String>> deals = new TreeMap<>();
        driver.executableQuery("""
                MATCH (d:Deal)
                RETURN d.id AS id, COLLECT { MATCH (c:Claim)-[:SUPPORTS]->(d) RETURN c.id ORDER BY c.id } AS claims""")
                .execute().records().forEach(r -> deals.put(r.get("id").asString(), r.get("claims").asList(v -> v.asString())));
        return deals;
    }

    /** The README's Cypher line that contains {@code marker}, so the statement a user copies is the one tested. */
    static String readmeStatement(String marker) throws IOException {
        return Files.readAllLines(Path.of("README.md")).stream().filter(l -> l.contains(marker)).map(l -> l.strip())
                .filter(l -> l.startsWith("MATCH")).findFirst().orElseThrow(() -> new AssertionError("README has no statement with " + marker));
    }

    @Test
    void namesResolveByAliasInAnyCaseAndUnknownNamesAreNotFound() {
        List<String> neighbours = column("""
                MATCH (:Cloud {id: 'amazon-web-services'})-[:INVESTS_IN|COMMITS_SPEND_TO|OPERATES|MAKES|USES]-(c:Company)
                RETURN DISTINCT c.name AS v ORDER BY v""");
        // the gold timeline: Amazon operates AWS, Anthropic and OpenAI commit spend to it
        assertThat(neighbours).contains("Amazon", "Anthropic", "OpenAI");
        assertThat(captions(json(exporter, around("aws", 1)), "Company")).containsExactlyElementsOf(neighbours);
        assertThat(captions(json(exporter, around("  AMAZON   web services ", 1)), "Company")).containsExactlyElementsOf(neighbours);
        assertThatThrownBy(() -> exporter.open(around("Nobody Inc", 2), ExportFormat.JSON))
                .isInstanceOfSatisfying(ExportException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(e.getMessage()).contains("'Nobody Inc'");
                });
    }

    @Test
    void windowsTypesAndPathsNarrowTheSelection() {
        JsonNode in2024 = json(exporter, new Selection("Anthropic", 2, null, "2024", "2024", null, null, null, true));
        List<String> deals2024 = column("""
                MATCH (:Company {id: 'anthropic'})-[:INVESTS_IN|COMMITS_SPEND_TO|OPERATES|MAKES|USES*0..2]-(e)
                WITH collect(DISTINCT e) AS ents
                MATCH (a)-[:MADE]->(d:Deal)-[:TO]->(b) WHERE a IN ents AND b IN ents AND d.date STARTS WITH '2024'
                RETURN d.id AS v""");
        // the gold timeline: the second tranche (March 2024) and the $4B of November 2024
        assertThat(ids(in2024, "Deal")).containsExactlyInAnyOrderElementsOf(deals2024)
                .contains(GraphFixtures.dealId(driver, "amazon", "anthropic", 2_750_000_000L, "2024-03"),
                        GraphFixtures.dealId(driver, "amazon", "anthropic", 4_000_000_000L, "2024-11"))
                .doesNotContain(GraphFixtures.dealId(driver, "amazon", "anthropic", 5_000_000_000L, null));
        // Money edges stay only where a deal in the window joins the pair; curated facts stay.
        for (String type : List.of("INVESTS_IN", "COMMITS_SPEND_TO")) {
            assertThat(edges(in2024, type)).as(type).containsExactlyElementsOf(column("""
                    MATCH (a)-[:MADE]->(d:Deal)-[:TO]->(b) WHERE d.id IN $ids AND d.type = $type
                    RETURN DISTINCT labels(a)[0] + ':' + a.id + ' -> ' + labels(b)[0] + ':' + b.id AS v ORDER BY v""",
                    Map.of("ids", deals2024, "type", type)));
        }
        assertThat(edges(in2024, "INVESTS_IN")).contains("Company:amazon -> Company:anthropic");
        assertThat(edges(in2024, "OPERATES")).contains("Company:amazon -> Cloud:amazon-web-services");

        JsonNode spend = json(exporter, new Selection(null, 2, null, null, null, "COMMITS_SPEND_TO", null, null, false));
        assertThat(ids(spend, "Deal")).containsExactlyInAnyOrderElementsOf(column("MATCH (d:Deal {type: 'COMMITS_SPEND_TO'}) RETURN d.id AS v"))
                .contains(GraphFixtures.dealId(driver, "anthropic", "amazon-web-services", 100_000_000_000L, null),
                        GraphFixtures.dealId(driver, "openai", "amazon-web-services", 100_000_000_000L, null));
        assertThat(captions(spend, "Company")).containsExactlyElementsOf(column("""
                MATCH (c:Company)-[:MADE|TO]-(:Deal {type: 'COMMITS_SPEND_TO'}) RETURN DISTINCT c.name AS v ORDER BY v"""))
                .contains("Anthropic", "OpenAI").doesNotContain("Amazon");
        assertThat(ids(spend, "Claim")).isEmpty();

        // between Microsoft and Anthropic: the entities on every shortest chain of direct edges, found here by trying
        // every chain of up to five
        List<String> onShortest = column("""
                MATCH p = (:Company {id: 'microsoft'})-[:INVESTS_IN|COMMITS_SPEND_TO|OPERATES|MAKES|USES*1..5]-(:Company {id: 'anthropic'})
                WITH p ORDER BY length(p)
                WITH collect(p) AS paths
                UNWIND [q IN paths WHERE length(q) = length(paths[0])] AS p
                UNWIND nodes(p) AS n
                RETURN DISTINCT labels(n)[0] + ':' + n.name AS v ORDER BY v""");
        // the gold timeline: Microsoft -> OpenAI, which Amazon funds and which commits spend to AWS, both tied to Anthropic
        assertThat(onShortest).contains("Company:Microsoft", "Company:OpenAI", "Company:Anthropic");
        JsonNode path = json(exporter, new Selection(null, 2, List.of("Microsoft", "Anthropic"), null, null, null, null, null, true));
        List<String> found = new ArrayList<>();
        for (String label : List.of("Company", "Cloud", "Chip")) {
            captions(path, label).forEach(c -> found.add(label + ":" + c));
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(onShortest);
    }

    @Test
    void aReadOnlyQueryExportsWhatItReturnsAndWritingQueriesAreRefused() {
        JsonNode doc = json(exporter, ExportTesting.query(
                "MATCH p = (:Company {name: $investor})-[:INVESTS_IN]->(:Company) RETURN p".replace("$investor", "'Amazon'")));
        List<String> investees = column("MATCH (:Company {id: 'amazon'})-[:INVESTS_IN]->(c:Company) RETURN c.name AS v ORDER BY v");
        assertThat(investees).contains("Anthropic", "OpenAI");
        List<String> companies = new ArrayList<>(investees);
        companies.add("Amazon");
        companies.sort(null);
        assertThat(captions(doc, "Company")).containsExactlyElementsOf(companies);
        assertThat(doc.path("elements").path("edges").size()).isEqualTo(investees.size());

        Selection withParams = new Selection(null, 1, null, null, null, null,
                "MATCH (d:Deal) WHERE d.amountUsd >= $min RETURN d", Map.of("min", 100_000_000_000L), true);
        assertThat(ids(json(exporter, withParams), "Deal"))
                .containsExactlyInAnyOrderElementsOf(column("MATCH (d:Deal) WHERE d.amountUsd >= 100000000000 RETURN d.id AS v"))
                .contains(GraphFixtures.dealId(driver, "anthropic", "amazon-web-services", 100_000_000_000L, null),
                        GraphFixtures.dealId(driver, "openai", "amazon-web-services", 100_000_000_000L, null));

        for (String write : List.of("CREATE (n:Company {id: 'x'}) RETURN n", "MATCH (n:Company) SET n.hacked = true RETURN n",
                "MATCH (n:Company) DETACH DELETE n")) {
            assertThatThrownBy(() -> exporter.open(ExportTesting.query(write), ExportFormat.JSON))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                        assertThat(e.getMessage()).contains("read-only");
                    });
        }
        assertThatThrownBy(() -> exporter.open(ExportTesting.query("LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l"), ExportFormat.JSON))
                .isInstanceOf(ExportException.class).hasMessageContaining("LOAD CSV");
        assertThatThrownBy(() -> exporter.open(ExportTesting.query("MATCH (n RETURN n"), ExportFormat.JSON))
                .isInstanceOf(ExportException.class).hasMessageContaining("the query failed");
        assertThat(driver.executableQuery("MATCH (n:Company) WHERE n.id = 'x' OR n.hacked RETURN n").execute().records()).isEmpty();
    }

    @Test
    void aSelectionLargerThanTheLimitIsRefusedBeforeAnythingIsWritten() {
        JsonNode all = json(exporter, around("Anthropic", 2));
        assertThat(all.path("counts").path("nodes").asInt() + all.path("counts").path("edges").asInt()).as("the selection").isGreaterThan(40);
        Exporter small = new Exporter(driver, "neo4j", new ExportSettings(40, 0));
        assertThatThrownBy(() -> small.open(around("Anthropic", 2), ExportFormat.JSON))
                .isInstanceOfSatisfying(ExportException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
                    assertThat(e.getMessage()).contains("limit of 40").contains("DEALGRAPH_EXPORT_MAX_ELEMENTS");
                });
        assertThatThrownBy(() -> small.open(ExportTesting.query("MATCH (n) RETURN n"), ExportFormat.JSON))
                .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE));
        // One step under it passes.
        Exporter enough = new Exporter(driver, "neo4j", new ExportSettings(1000, 0));
        assertThat(json(enough, around("Anthropic", 1)).path("counts").path("nodes").asInt()).isPositive();
    }

    static List<String> ids(JsonNode doc, String label) {
        return StreamSupport.stream(doc.path("elements").path("nodes").spliterator(), false)
                .filter(n -> n.path("data").path("labels").toString().contains("\"" + label + "\""))
                .map(n -> n.path("data").path("properties").path("id").asText()).toList();
    }

    static List<String> edges(JsonNode doc, String type) {
        return StreamSupport.stream(doc.path("elements").path("edges").spliterator(), false)
                .map(e -> e.path("data")).filter(d -> d.path("type").asText().equals(type))
                .map(d -> d.path("source").asText() + " -> " + d.path("target").asText()).sorted().toList();
    }

    static JsonNode node(JsonNode doc, String key) {
        for (JsonNode n : doc.path("elements").path("nodes")) {
            if (n.path("data").path("id").asText().equals(key)) {
                return n.path("data");
            }
        }
        throw new AssertionError("no node " + key);
    }

    static JsonNode edge(JsonNode doc, String source, String type, String target) {
        for (JsonNode e : doc.path("elements").path("edges")) {
            JsonNode d = e.path("data");
            if (d.path("source").asText().equals(source) && d.path("type").asText().equals(type)
                    && d.path("target").asText().equals(target)) {
                return d;
            }
        }
        throw new AssertionError("no edge " + source + " -" + type + "-> " + target);
    }

    /** Driver values as the JSON writer represents them: temporal values as ISO strings. */
    static Map<String, Object> jsonable(Map<?, ?> props) {
        Map<String, Object> m = new TreeMap<>();
        props.forEach((k, v) -> m.put((String) k, v instanceof String || v instanceof Number || v instanceof Boolean
                || v instanceof List<?> ? v : Values.text(v)));
        return m;
    }
}
