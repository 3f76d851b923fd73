package io.dealgraph.ingest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Driver;

/**
 * The graph as sorted lines a person can compare: every entity, document, deal (with its parties, tranche parent,
 * readings and claims), claim and edge, with what they say; left out are what only says when or by what run it was
 * written (ingestedAt, extraction, extractor) and the aliases entities collect over time (in the order they came; an
 * entity's name is the fullest form of all, whatever their order).
 */
final class CanonicalGraph {

    private CanonicalGraph() {
    }

    /**
     * @param positions whether a document's place in its batch counts (it does for a replay of the same runs; it
     *                  cannot when the same documents came in another order)
     */
    static List<String> of(Driver driver, boolean positions) {
        return driver.executableQuery("""
                CALL () {
                  MATCH (e) WHERE e:Company OR e:Cloud OR e:Chip
                  RETURN [labels(e)[0], e.id, e.name, e.kind] AS line
                  UNION ALL
                  MATCH (d:Document)
                  RETURN ['Document', d.id, d.name, d.title, d.published, CASE WHEN $positions THEN d.position END,
                          COUNT { (d)-[:HAS_TEXT]->() }] AS line
                  UNION ALL
                  MATCH (d:Deal)
                  RETURN ['Deal', d.id, labels(d), properties(d),
                          COLLECT { MATCH (x)-[m:MADE]->(d) RETURN [x.id, properties(m)] AS m ORDER BY x.id },
                          COLLECT { MATCH (d)-[:TO]->(x) RETURN x.id }, COLLECT { MATCH (d)-[:TRANCHE_OF]->(x) RETURN x.id },
                          COLLECT { MATCH (d)-[:AS_OF]->(x) RETURN properties(x) AS r ORDER BY x.since },
                          COLLECT { MATCH (d)<-[:SUPPORTS]-(x) RETURN x.id AS c ORDER BY c }] AS line
                  UNION ALL
                  MATCH (c:Claim)
                  RETURN ['Claim', c.id, c {.*, extraction: null, extractor: null, knowledge: null},
                          COLLECT { MATCH (c)-[:SOURCED_FROM]->(x) RETURN x.id }, COLLECT { MATCH (c)-[:SUPPORTS]->(x) RETURN x.id },
                          COLLECT { MATCH (c)-[:SUBJECT]->(x) RETURN x.id }, COLLECT { MATCH (c)-[:OBJECT]->(x) RETURN x.id }] AS line
                  UNION ALL
                  MATCH (a)-[r:INVESTS_IN|COMMITS_SPEND_TO|OPERATES|MAKES|USES]->(b)
                  RETURN [type(r), a.id, b.id, properties(r)] AS line
                }
                RETURN line""").withParameters(Map.of("positions", positions))
                .execute().records().stream().map(r -> text(r.get("line").asObject())).sorted().toList();
    }

    /** A value as text, maps with their keys in order. */
    private static String text(Object v) {
        if (v instanceof Map<?, ?> m) {
            TreeMap<String, String> sorted = new TreeMap<>();
            m.forEach((k, x) -> sorted.put(String.valueOf(k), text(x)));
            return sorted.toString();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(CanonicalGraph::text).toList().toString();
        }
        return String.valueOf(v);
    }
}
