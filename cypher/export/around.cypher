// Entities within $depth (1-3) hops of $center, a hop being one direct edge in either direction. Each hop
// is collected DISTINCT before the next, so a hub with many neighbours costs its edges, not its paths.
MATCH (c) WHERE elementId(c) = $center
OPTIONAL MATCH (c)-[:INVESTS_IN|COMMITS_SPEND_TO|OPERATES|MAKES|USES]-(x)
WITH c, collect(DISTINCT x) AS hop1
CALL (hop1) {
  UNWIND CASE WHEN $depth >= 2 THEN hop1 ELSE [] END AS f
  MATCH (f)-[:INVESTS_IN|COMMITS_SPEND_TO|OPERATES|MAKES|USES]-(x)
  RETURN collect(DISTINCT x) AS hop2
}
CALL (hop2) {
  UNWIND CASE WHEN $depth >= 3 THEN hop2 ELSE [] END AS f
  MATCH (f)-[:INVESTS_IN|COMMITS_SPEND_TO|OPERATES|MAKES|USES]-(x)
  RETURN collect(DISTINCT x) AS hop3
}
UNWIND [c] + hop1 + hop2 + hop3 AS e
WITH DISTINCT e
WITH collect(e) AS ents
