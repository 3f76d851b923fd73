// Replaced by a Java-based migration (schema/KeyBackfills), which computes the key with graph/Keys. Kept here so
// that MigrationTest can check the Java migration keeps this script's checksum (databases that applied it see no change).
// "Whom does a hub fund" lists its pairs largest total first. Sorting all of them for every page cost a company with
// 17,000 investees 15-40 ms; these keys let a relationship range index hand the pairs over in that order, one page
// at a time. rankFrom sorts an INVESTS_IN pair among its investor's, rankTo among its investee's:
// '<entity id> <rank> <other id>', where rank is 9999999999999999 minus the pair's total in whole dollars (no figure
// counts as 0), sixteen digits, so that ascending keys mean descending totals and ties go by the other party's id.
// Ingest (ingest/pair-edges.cypher) writes the same keys whenever it sets a total; this fills them in on pairs
// written before.
CREATE RANGE INDEX invests_in_rank_from IF NOT EXISTS FOR ()-[r:INVESTS_IN]-() ON (r.rankFrom);
CREATE RANGE INDEX invests_in_rank_to IF NOT EXISTS FOR ()-[r:INVESTS_IN]-() ON (r.rankTo);

MATCH (f)-[r:INVESTS_IN]->(t)
WHERE r.rankFrom IS NULL OR r.rankTo IS NULL
CALL (f, r, t) {
  WITH f, r, t, toInteger(coalesce(r.totalUsd, 0)) AS total
  WITH f, r, t, right('000000000000000' + toString(9999999999999999 - CASE WHEN total < 0 THEN 0 WHEN total > 9999999999999999 THEN 9999999999999999 ELSE total END), 16) AS rank
  SET r.rankFrom = f.id + ' ' + rank + ' ' + t.id,
      r.rankTo = t.id + ' ' + rank + ' ' + f.id
} IN TRANSACTIONS OF 10000 ROWS;
