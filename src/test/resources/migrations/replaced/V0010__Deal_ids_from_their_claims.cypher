// Replaced by a Java-based migration (schema/DealIdsFromClaims) that leaves alone a deal it cannot re-key. Kept here
// so that MigrationTest can check the Java migration keeps this script's checksum (databases that applied it see no change).
// Deal and round ids used to come from the claim that happened to arrive first, so the same documents ingested in
// another order (or by concurrent writers) gave other ids. Ingest now names a deal after its earliest claim in the
// order of publication: Claim.published, then the document's id, then Claim.start, then Claim.id
// (ingest/DealIds, cypher/ingest/rekey-deals.cypher). This re-keys the deals and rounds of graphs written before
// the same way, with the keys that end in the id. Their grouping into deals is kept as it was; reextract rebuilds it.
// A deal's new id comes from one of its own claims, so it cannot be another deal's. Deals a re-extraction run set
// aside ('~before-' in the id) are left alone: they go with the run.
MATCH (d:Deal)
WHERE NOT d.id CONTAINS '~'
CALL (d) {
  WITH d, COLLECT { MATCH (c:Claim)-[:SUPPORTS]->(d), (c)-[:SOURCED_FROM]->(doc:Document)
                    RETURN c.id AS claim ORDER BY c.published, doc.id, c.start, c.id LIMIT 1 }[0] AS first
  WITH d, d.id AS old, CASE WHEN d:Round THEN 'round-' ELSE 'deal-' END + substring(first, size('claim-')) AS id
  WHERE id IS NOT NULL AND id <> old
  SET d.id = id,
      d.timelineFrom = CASE WHEN d.timelineFrom ENDS WITH ' ' + old
                            THEN left(d.timelineFrom, size(d.timelineFrom) - size(old)) + id ELSE d.timelineFrom END,
      d.timelineTo = CASE WHEN d.timelineTo ENDS WITH ' ' + old
                          THEN left(d.timelineTo, size(d.timelineTo) - size(old)) + id ELSE d.timelineTo END
  WITH d, old, id
  MATCH ()-[m:MADE]->(d)
  WHERE m.timeline ENDS WITH ' ' + old
  SET m.timeline = left(m.timeline, size(m.timeline) - size(old)) + id
} IN TRANSACTIONS OF 1000 ROWS;
