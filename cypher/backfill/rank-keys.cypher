// Migration V0006, "Pair rank keys" (schema/KeyBackfills). "Whom does a hub fund" lists its pairs largest total first.
// Sorting all of them for every page cost a company with 17,000 investees 15-40 ms; these keys let a relationship
// range index hand the pairs over in that order, one page at a time. rankFrom sorts an INVESTS_IN pair among its
// investor's, rankTo among its investee's; graph/Keys.rank makes them, for ingest and for this back-fill on pairs
// written before. Statements: the indexes, then a batch of pairs without keys, then the keys of a batch.
CREATE RANGE INDEX invests_in_rank_from IF NOT EXISTS FOR ()-[r:INVESTS_IN]-() ON (r.rankFrom);
CREATE RANGE INDEX invests_in_rank_to IF NOT EXISTS FOR ()-[r:INVESTS_IN]-() ON (r.rankTo);

// :param batch => 10000
MATCH (f)-[r:INVESTS_IN]->(t)
WHERE (r.rankFrom IS NULL OR r.rankTo IS NULL) AND f.id IS NOT NULL AND t.id IS NOT NULL
RETURN elementId(r) AS edge, f.id AS from, t.id AS to, r.totalUsd AS totalUsd
LIMIT $batch;

// :param rows => [{edge: '5:...:7', rankFrom: 'amazon 9999986999999999 anthropic', rankTo: 'anthropic 9999986999999999 amazon'}]
UNWIND $rows AS k
MATCH ()-[r:INVESTS_IN]->() WHERE elementId(r) = k.edge
SET r.rankFrom = k.rankFrom,
    r.rankTo = k.rankTo;
