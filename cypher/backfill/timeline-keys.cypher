// Migration V0005, "Timeline keys" (schema/KeyBackfills). An entity's timeline is its deals in date order. Sorting them
// all for every page cost a hub (thousands of deals) hundreds of milliseconds; these keys let a range index hand them
// over in order, one page at a time. timelineFrom sorts a deal in its investor's (or customer's) timeline, timelineTo
// in its investee's (or provider's); graph/Keys.timeline makes them, for ingest and for this back-fill on deals
// written before. Statements: the indexes, then a batch of deals without keys, then the keys of a batch.
CREATE RANGE INDEX deal_timeline_from IF NOT EXISTS FOR (d:Deal) ON (d.timelineFrom);
CREATE RANGE INDEX deal_timeline_to IF NOT EXISTS FOR (d:Deal) ON (d.timelineTo);

// :param batch => 10000
MATCH (f)-[:MADE]->(d:Deal)-[:TO]->(t)
WHERE (d.timelineFrom IS NULL OR d.timelineTo IS NULL) AND d.id IS NOT NULL AND f.id IS NOT NULL AND t.id IS NOT NULL
RETURN elementId(d) AS deal, d.id AS id, d.date AS date, f.id AS from, t.id AS to
LIMIT $batch;

// :param rows => [{deal: '4:...:12', timelineFrom: 'amazon 2024-11-22 deal-1', timelineTo: 'anthropic 2024-11-22 deal-1'}]
UNWIND $rows AS k
MATCH (d:Deal) WHERE elementId(d) = k.deal
SET d.timelineFrom = k.timelineFrom,
    d.timelineTo = k.timelineTo;
