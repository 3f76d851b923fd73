// Replaced by a Java-based migration (schema/KeyBackfills), which computes the key with graph/Keys. Kept here so
// that MigrationTest can check the Java migration keeps this script's checksum (databases that applied it see no change).
// An entity's timeline is its deals in date order. Sorting them all for every page cost a hub (thousands of
// deals) hundreds of milliseconds; these keys let a range index hand them over in order, one page at a time.
// timelineFrom sorts a deal in its investor's (or customer's) timeline, timelineTo in its investee's (or
// provider's): '<entity id> <date, or ~ when undated> <deal id>'. Ingest writes the same key
// (ingest/GraphWriter.timelineKey); this fills it in on deals written before.
CREATE RANGE INDEX deal_timeline_from IF NOT EXISTS FOR (d:Deal) ON (d.timelineFrom);
CREATE RANGE INDEX deal_timeline_to IF NOT EXISTS FOR (d:Deal) ON (d.timelineTo);

MATCH (f)-[:MADE]->(d:Deal)-[:TO]->(t)
WHERE d.timelineFrom IS NULL OR d.timelineTo IS NULL
CALL (f, d, t) {
  SET d.timelineFrom = f.id + ' ' + coalesce(d.date, '~') + ' ' + d.id,
      d.timelineTo = t.id + ' ' + coalesce(d.date, '~') + ' ' + d.id
} IN TRANSACTIONS OF 10000 ROWS;
