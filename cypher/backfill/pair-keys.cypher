// Migration V0007, "Pair keys on pair edges" (schema/KeyBackfills). /api/circular asks, for tens of thousands of
// (investor, company) candidates, whether the investor funds the company. Following the company's relationships to
// find out read some thirty records a candidate; an index on the pair's key answers with one seek (three times faster
// over the whole graph). Each INVESTS_IN and COMMITS_SPEND_TO edge gets the key its deals are filed under (Deal.pair,
// migration V0003; graph/Keys.pair), so an analyst can also go from an edge to its deals: MATCH (d:Deal {pair:
// r.pair}). Ingest writes it; this fills it in on edges written before. Statements: the index, then a batch of edges
// without the key, then the keys of a batch.
CREATE RANGE INDEX invests_in_pair IF NOT EXISTS FOR ()-[r:INVESTS_IN]-() ON (r.pair);

// :param batch => 10000
MATCH (f)-[r:INVESTS_IN|COMMITS_SPEND_TO]->(t)
WHERE r.pair IS NULL AND f.id IS NOT NULL AND t.id IS NOT NULL
RETURN elementId(r) AS edge, type(r) AS type, f.id AS from, t.id AS to, t:Cloud AS toCloud
LIMIT $batch;

// :param rows => [{edge: '5:...:7', pair: 'INVESTS_IN|amazon|Company|anthropic'}]
UNWIND $rows AS k
MATCH ()-[r:INVESTS_IN|COMMITS_SPEND_TO]->() WHERE elementId(r) = k.edge
SET r.pair = k.pair;
