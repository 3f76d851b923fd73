// Replaced by a Java-based migration (schema/KeyBackfills), which computes the key with graph/Keys. Kept here so
// that MigrationTest can check the Java migration keeps this script's checksum (databases that applied it see no change).
// /api/circular asks, for tens of thousands of (investor, company) candidates, whether the investor funds the
// company. Following the company's relationships to find out read some thirty records a candidate; an index on the
// pair's key answers with one seek (three times faster over the whole graph). Each INVESTS_IN and COMMITS_SPEND_TO
// edge gets the key its deals are filed under, 'TYPE|from id|Label of to|to id' (Deal.pair, migration V0003), so
// an analyst can also go from an edge to its deals: MATCH (d:Deal {pair: r.pair}). Ingest
// (ingest/pair-edges.cypher) writes it; this fills it in on edges written before.
CREATE RANGE INDEX invests_in_pair IF NOT EXISTS FOR ()-[r:INVESTS_IN]-() ON (r.pair);

MATCH (f)-[r:INVESTS_IN|COMMITS_SPEND_TO]->(t)
WHERE r.pair IS NULL
CALL (f, r, t) {
  SET r.pair = type(r) + '|' + f.id + '|' + CASE WHEN t:Cloud THEN 'Cloud' ELSE 'Company' END + '|' + t.id
} IN TRANSACTIONS OF 10000 ROWS;
