package io.dealgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealgraph.devtools.synthetic.SyntheticNews;
import io.dealgraph.extract.Document;
import io.dealgraph.extract.Extractors;
import io.dealgraph.graph.CypherScript;
import io.dealgraph.store.StoreSettings;
import io.dealgraph.testing.EmbeddedStoreTest;
import io.dealgraph.testing.GraphFixtures;
import io.dealgraph.testing.KeysContract;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The same documents in another order, one by one or from several writers at once, give the same graph: the same deal
 * and round ids (README: the same in any database holding the same data), and node for node the same deals,
 * readings, claims and edges. Each order is written into an emptied database.
 */
@EmbeddedStoreTest
class ArrivalOrderIT {

    @Autowired
    Driver driver;

    @Autowired
    StoreSettings store;

    @Autowired
    IngestSettings settings;

    @BeforeEach
    void wipe() {
        GraphFixtures.wipe(driver);
    }

    /** The same event told by several outlets on several days, in figures that differ a little, and a round. */
    static final List<Document> OVERLAPPING = List.of(
            news("lumen-1.txt", "2024-06-03", "Lumen Bio raises $40 million in Series A\n\nLumen Bio said on Monday it had raised $40 million "
                    + "in a Series A round led by Northstar Capital, with participation from Nvidia and Amazon."),
            news("lumen-2.txt", "2024-06-05", "Lumen Bio closes $42 million round\n\nBiotech startup Lumen Bio has closed a $42 million "
                    + "Series A round led by Northstar Capital, with participation from Nvidia."),
            news("lumen-3.txt", "2024-06-04", "Nvidia backs Lumen Bio\n\nNvidia invested $5 million in Lumen Bio, the drug discovery startup said."),
            news("mistral-1.txt", "2024-02-26", "Microsoft invests in Mistral AI\n\nMicrosoft invests $2 billion in Mistral AI, the Paris-based "
                    + "startup said on Monday. Mistral AI also agreed to spend $1 billion on Microsoft Azure over five years."),
            news("mistral-2.txt", "2024-02-28", "Mistral AI gets Microsoft money\n\nMicrosoft has invested about $2.1 billion in Mistral AI, "
                    + "people familiar with the matter said."),
            news("mistral-3.txt", "2024-03-02", "Microsoft and Mistral\n\nMicrosoft will invest up to $2 billion in Mistral AI. Mistral AI "
                    + "committed to spend $1.05 billion on Microsoft Azure."),
            news("mistral-4.txt", "2024-09-10", "Microsoft adds to Mistral stake\n\nMicrosoft invested another $500 million in Mistral AI on Tuesday."),
            news("mistral-5.txt", "2024-09-12", "Mistral AI funding\n\nMistral AI took $550 million from Microsoft this week, bringing "
                    + "Microsoft's total investment to $2.5 billion."));

    private static Document news(String name, String published, String text) {
        return new Document(name, null, null, LocalDate.parse(published), text);
    }

    /** Read once: the tests are about writing. */
    private static List<ExtractedDocument> corpus;

    /**
     * The overlapping stories and a few articles of the ingest benchmark, as the extractor reads them. Not the seeds:
     * on them the reconciler's grouping itself depends on the order (it places claims one by one against the deals
     * as they stand, so an undated figure joins whichever deal came first), which ids cannot undo (README).
     */
    private List<ExtractedDocument> corpus() throws Exception {
        if (corpus == null) {
            List<Document> all = new ArrayList<>();
            all.addAll(OVERLAPPING);
            List<String> bench = SyntheticNews.articles(4, 20241122L);
            for (int i = 0; i < bench.size(); i++) {
                all.add(Document.of("bench-" + i + ".txt", bench.get(i)));
            }
            var extractor = Extractors.ruleBased();
            corpus = all.parallelStream().map(d -> ExtractedDocument.of(d, extractor.extract(d), extractor)).toList();
        }
        return corpus;
    }

    private GraphWriter writer() {
        return new GraphWriter(driver, store.database());
    }

    /** Writes {@code docs} in this order, {@code batchSize} documents a transaction, and returns the graph. */
    private List<String> inOrder(List<ExtractedDocument> docs, int batchSize) {
        GraphFixtures.wipe(driver);
        GraphWriter writer = writer();
        for (int from = 0; from < docs.size(); from += batchSize) {
            assertThat(writer.write(docs.subList(from, Math.min(docs.size(), from + batchSize))))
                    .allSatisfy(w -> assertThat(w.status()).isEqualTo(GraphWriter.Status.INGESTED));
        }
        return CanonicalGraph.of(driver, false);
    }

    private List<String> dealIds() {
        return driver.executableQuery("MATCH (d:Deal) RETURN d.id AS id ORDER BY id").execute().records().stream()
                .map(r -> r.get("id").asString()).toList();
    }

    /** The graph and the deal ids of the corpus written in file order, all in one transaction: what the others must give. */
    private static List<String> reference;
    private static List<String> referenceIds;

    private void reference() throws Exception {
        if (reference == null) {
            reference = inOrder(corpus(), corpus().size());
            referenceIds = dealIds();
            assertThat(referenceIds).anyMatch(id -> id.startsWith("round-")).anyMatch(id -> id.startsWith("deal-"));
            // a graph with a round and deals its later sources rename: every key is graph/Keys' (the orders below are
            // compared with this graph, keys included)
            KeysContract.check(driver);
        }
    }

    @Test
    void theSameDocumentsInReverseOrderOneByOneGiveTheSameDealIdsAndTheSameGraph() throws Exception {
        reference();
        List<ExtractedDocument> reversed = new ArrayList<>(corpus());
        Collections.reverse(reversed);
        List<String> graph = inOrder(reversed, 1);
        assertThat(dealIds()).as("deal and round ids").containsExactlyElementsOf(referenceIds);
        assertThat(graph).as("the graph").containsExactlyElementsOf(reference);
    }

    @Test
    void theSameDocumentsFromConcurrentWritersGiveTheSameDealIdsAndTheSameGraph() throws Exception {
        reference();
        GraphFixtures.wipe(driver);
        List<ExtractedDocument> shuffled = new ArrayList<>(corpus());
        Collections.shuffle(shuffled, new Random(11));
        GraphWriter writer = writer();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<GraphWriter.Written>>> done = new ArrayList<>();
            for (ExtractedDocument d : shuffled) {
                done.add(writers.submit(() -> writer.write(List.of(d))));
            }
            for (Future<List<GraphWriter.Written>> f : done) {
                assertThat(f.get(2, TimeUnit.MINUTES).get(0).status()).isEqualTo(GraphWriter.Status.INGESTED);
            }
        } finally {
            writers.shutdownNow();
        }
        assertThat(dealIds()).as("deal and round ids").containsExactlyElementsOf(referenceIds);
        assertThat(CanonicalGraph.of(driver, false)).as("the graph").containsExactlyElementsOf(reference);
    }

    @Test
    void aGraphWhoseIdsCameFromArrivalOrderIsReKeyedByTheMigration() throws Exception {
        reference();
        inOrder(corpus(), corpus().size());
        // as an older release named them: after a claim that is not the earliest (here the latest), keys and all
        List<Map<String, Object>> renames = driver.executableQuery("""
                MATCH (d:Deal)
                WITH d, COLLECT { MATCH (c:Claim)-[:SUPPORTS]->(d) RETURN c.id AS id ORDER BY c.published DESC, id DESC LIMIT 1 }[0] AS last
                RETURN d.id AS from, CASE WHEN d:Round THEN 'round-' ELSE 'deal-' END + substring(last, 6) AS to""")
                .execute().records().stream().map(r -> r.asMap()).toList();
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> GraphWriter.rekey(tx, renames));
        }
        assertThat(dealIds()).isNotEqualTo(referenceIds);

        try (var session = driver.session()) {
            CypherScript.load("backfill/deal-ids.cypher").statements().forEach(s -> session.run(s).consume());
        }
        assertThat(dealIds()).containsExactlyElementsOf(referenceIds);
        assertThat(CanonicalGraph.of(driver, false)).as("ids and the keys that end in them").containsExactlyElementsOf(reference);
    }
}
