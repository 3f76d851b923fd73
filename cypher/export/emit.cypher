// One row per element, in a fixed order the writers rely on: first the counts [nodes, relationships] (so a cap
// is checked before anything is written), then every node, then every relationship with its two endpoints'
// labels and ids (so writers name endpoints without remembering the nodes they have written).
// As of a day ($asOf), known carries what an element said then, for the writer to show instead of today's
// values: a deal's reading of that day (its (:Reading) with the latest since <= $asOf), a money edge's totals over
// the pair's deals as they then stood and the largest running total a source had reported by then.
UNWIND range(-1, size(nodes) + size(rels) - 1) AS i
WITH nodes, rels, i, CASE WHEN i >= size(nodes) THEN rels[i - size(nodes)] END AS r,
     CASE WHEN i >= 0 AND i < size(nodes) THEN nodes[i] END AS n
WITH nodes, rels, i, r, n,
     CASE WHEN $asOf IS NOT NULL AND type(r) IN ['INVESTS_IN', 'COMMITS_SPEND_TO'] THEN COLLECT {
       MATCH (d:Deal {pair: r.pair})
       WHERE NOT (d)-[:TRANCHE_OF]->(:Deal) AND d.firstReported <= $asOf
       CALL (d) {
         MATCH (d)-[:AS_OF]->(x:Reading) WHERE x.since <= $asOf
         RETURN x ORDER BY x.since DESC LIMIT 1
       }
       RETURN {date: x.date, amountUsd: x.amountUsd} AS deal
       UNION ALL
       MATCH ()-[m:MADE {pair: r.pair}]->(d:Round)
       WHERE m.since <= $asOf
       CALL (d) {
         MATCH (d)-[:AS_OF]->(x:Reading) WHERE x.since <= $asOf
         RETURN x ORDER BY x.since DESC LIMIT 1
       }
       RETURN {date: x.date, amountUsd: m.amountUsd} AS deal
     } END AS pairDeals
WITH nodes, rels, i, r, n, pairDeals, [d IN coalesce(pairDeals, []) WHERE d.date IS NOT NULL | d.date] AS dates,
     CASE WHEN pairDeals IS NOT NULL THEN startNode(r) END AS payer, CASE WHEN pairDeals IS NOT NULL THEN endNode(r) END AS payee
RETURN CASE WHEN i < 0 THEN [size(nodes), size(rels)] WHEN r IS NULL THEN n ELSE r END AS element,
       CASE WHEN r IS NULL THEN null
            ELSE [labels(startNode(r)), startNode(r).id, labels(endNode(r)), endNode(r).id] END AS ends,
       CASE WHEN $asOf IS NULL THEN null
            WHEN n:Deal THEN COLLECT { MATCH (n)-[:AS_OF]->(x:Reading) WHERE x.since <= $asOf
                                       RETURN properties(x) AS then ORDER BY x.since DESC LIMIT 1 }[0]
            WHEN pairDeals IS NOT NULL THEN {
              totalUsd: reduce(s = 0, d IN pairDeals | s + coalesce(d.amountUsd, 0)),
              deals: size(pairDeals),
              undisclosed: size([d IN pairDeals WHERE d.amountUsd IS NULL]),
              firstDate: reduce(m = null, x IN dates | CASE WHEN m IS NULL OR x < m THEN x ELSE m END),
              lastDate: reduce(m = null, x IN dates | CASE WHEN m IS NULL OR x > m THEN x ELSE m END),
              reportedTotalUsd: COLLECT { MATCH (payer)<-[:SUBJECT]-(c:Claim)-[:OBJECT]->(payee)
                                          WHERE c.cumulative AND c.type = type(r) AND c.published <= $asOf
                                            AND c.amountUsd IS NOT NULL
                                          RETURN c.amountUsd AS reported ORDER BY reported DESC LIMIT 1 }[0]}
       END AS known
