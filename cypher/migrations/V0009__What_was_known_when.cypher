// Two time axes: when a deal happened (Deal.date) and when the news said so. Answers "as of" a day show what the
// sources published up to that day said. Every claim knows when its source was published (Claim.published: the
// document's date, else the day it was ingested); every deal and round has its readings, one (:Reading) per day a
// source changed what the deal says, linked by AS_OF, with since = that day, and Deal.firstReported, its first day;
// every MADE edge into a round its since, the day the first source naming that investor was published. Ingest
// writes them all (ingest/write-batch.cypher). This fills them in on graphs written before: their deals get one
// reading, from their first source's day, with what they say now (reextract rebuilds the full history).
CREATE RANGE INDEX deal_first_reported IF NOT EXISTS FOR (d:Deal) ON (d.firstReported);

MATCH (c:Claim)-[:SOURCED_FROM]->(doc:Document)
WHERE c.published IS NULL
CALL (c, doc) {
  SET c.published = coalesce(doc.published, toString(date(doc.ingestedAt)))
} IN TRANSACTIONS OF 10000 ROWS;

MATCH (d:Deal)
WHERE NOT (d)-[:AS_OF]->(:Reading)
CALL (d) {
  WITH d, COLLECT { MATCH (c:Claim)-[:SUPPORTS]->(d) WHERE c.published IS NOT NULL
                    RETURN c.published AS day ORDER BY day LIMIT 1 }[0] AS first
  SET d.firstReported = first
  CREATE (d)-[:AS_OF]->(r:Reading)
  SET r = d {.amount, .currency, .amountUsd, .qualifier, .date, .status, .years, .label, .disputed, .alternatives, .series},
      r.since = first
} IN TRANSACTIONS OF 10000 ROWS;

MATCH (i)-[m:MADE]->(r:Round)
WHERE m.since IS NULL
CALL (i, m, r) {
  SET m.since = coalesce(COLLECT { MATCH (c:Claim)-[:SUPPORTS]->(r) WHERE (c)-[:SUBJECT]->(i)
                                   RETURN c.published AS day ORDER BY day LIMIT 1 }[0], r.firstReported)
} IN TRANSACTIONS OF 10000 ROWS;
