// Entities within $depth (1-3) hops of $center, a hop being one direct edge in either direction. Each hop
// is collected DISTINCT before the next, so a hub with many neighbours costs its edges, not its paths. As of a day
// ($asOf), a money edge is a hop only when a deal or round of its pair had been reported by then.
MATCH (c) WHERE elementId(c) = $center
OPTIONAL MATCH (c)-[r:INVESTS_IN|COMMITS_SPEND_TO|OPERATES|MAKES|USES]-(x)
WHERE $asOf IS NULL OR NOT type(r) IN ['INVESTS_IN', 'COMMITS_SPEND_TO']
   OR EXISTS { MATCH (d:Deal {pair: r.pair}) WHERE d.firstReported <= $asOf }
   OR EXISTS { MATCH ()-[m:MADE {pair: r.pair}]->(:Round) WHERE m.since <= $asOf }
WITH c, collect(DISTINCT x) AS hop1
CALL (hop1) {
  UNWIND CASE WHEN $depth >= 2 THEN hop1 ELSE [] END AS f
  MATCH (f)-[r:INVESTS_IN|COMMITS_SPEND_TO|OPERATES|MAKES|USES]-(x)
  WHERE $asOf IS NULL OR NOT type(r) IN ['INVESTS_IN', 'COMMITS_SPEND_TO']
     OR EXISTS { MATCH (d:Deal {pair: r.pair}) WHERE d.firstReported <= $asOf }
     OR EXISTS { MATCH ()-[m:MADE {pair: r.pair}]->(:Round) WHERE m.since <= $asOf }
  RETURN collect(DISTINCT x) AS hop2
}
CALL (hop2) {
  UNWIND CASE WHEN $depth >= 3 THEN hop2 ELSE [] END AS f
  MATCH (f)-[r:INVESTS_IN|COMMITS_SPEND_TO|OPERATES|MAKES|USES]-(x)
  WHERE $asOf IS NULL OR NOT type(r) IN ['INVESTS_IN', 'COMMITS_SPEND_TO']
     OR EXISTS { MATCH (d:Deal {pair: r.pair}) WHERE d.firstReported <= $asOf }
     OR EXISTS { MATCH ()-[m:MADE {pair: r.pair}]->(:Round) WHERE m.since <= $asOf }
  RETURN collect(DISTINCT x) AS hop3
}
UNWIND [c] + hop1 + hop2 + hop3 AS e
WITH DISTINCT e
WITH collect(e) AS ents
