// How money connects two entities: the shortest chains of INVESTS_IN, COMMITS_SPEND_TO, OPERATES, MAKES and USES
// edges between them, in either direction (a common investor connects its two investees), with each edge's
// direction and totals.
//
// Parameters (paste the :param lines into Neo4j Browser first, without the leading //):
//   from, to  the two entities' ids (resolve.cypher turns a name or alias into one)
//   maxHops   longest chain to consider, 1 to 6 (6 is the bound written in the pattern)
//   limit     how many chains to return
// :param from => 'microsoft'
// :param to => 'amazon-web-services'
// :param maxHops => 4
// :param limit => 10
CALL () {
  MATCH (a:Company {id: $from}) RETURN a
  UNION
  MATCH (a:Cloud {id: $from}) RETURN a
  UNION
  MATCH (a:Chip {id: $from}) RETURN a
}
CALL () {
  MATCH (b:Company {id: $to}) RETURN b
  UNION
  MATCH (b:Cloud {id: $to}) RETURN b
  UNION
  MATCH (b:Chip {id: $to}) RETURN b
}
WITH a, b WHERE a <> b
// A path length bound must be written as a number; one branch per bound keeps the search from going deeper than
// maxHops asks (a filter on length(p) afterwards would let it search to 6 hops between unconnected entities).
CALL (a, b) {
  WITH a, b WHERE $maxHops <= 2
  MATCH p = allShortestPaths((a)-[:INVESTS_IN|COMMITS_SPEND_TO|OPERATES|MAKES|USES*..2]-(b)) RETURN p
  UNION
  WITH a, b WHERE $maxHops = 3
  MATCH p = allShortestPaths((a)-[:INVESTS_IN|COMMITS_SPEND_TO|OPERATES|MAKES|USES*..3]-(b)) RETURN p
  UNION
  WITH a, b WHERE $maxHops = 4
  MATCH p = allShortestPaths((a)-[:INVESTS_IN|COMMITS_SPEND_TO|OPERATES|MAKES|USES*..4]-(b)) RETURN p
  UNION
  WITH a, b WHERE $maxHops = 5
  MATCH p = allShortestPaths((a)-[:INVESTS_IN|COMMITS_SPEND_TO|OPERATES|MAKES|USES*..5]-(b)) RETURN p
  UNION
  WITH a, b WHERE $maxHops >= 6
  MATCH p = allShortestPaths((a)-[:INVESTS_IN|COMMITS_SPEND_TO|OPERATES|MAKES|USES*..6]-(b)) RETURN p
}
WITH p WHERE length(p) <= $maxHops
WITH p ORDER BY [n IN nodes(p) | n.id]
LIMIT $limit
RETURN length(p) AS hops,
       [n IN nodes(p) | n {.id, .name, type: CASE WHEN n:Company THEN 'Company' WHEN n:Cloud THEN 'Cloud' ELSE 'Chip' END}] AS nodes,
       [r IN relationships(p) | {from: startNode(r).id, to: endNode(r).id, type: type(r),
                                 totalUsd: r.totalUsd, deals: r.deals, undisclosed: r.undisclosed,
                                 firstDate: r.firstDate, lastDate: r.lastDate}] AS edges
