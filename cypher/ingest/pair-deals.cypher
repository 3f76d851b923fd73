// The deals a batch's pairs already have, with what each of their claims states and when its source was published
// (oldest first): the reconciler's input.
// During a re-extraction ($run), only the deals this run has made: deals read before are left to die with their
// claims, so that the run ends with the deals a fresh ingest makes.
// :param pairs => [{key: 'INVESTS_IN|amazon|anthropic', type: 'INVESTS_IN', from: 'amazon', to: 'anthropic'}]
// :param run => null
UNWIND $pairs AS p
MATCH (d:Deal {pair: p.key})
WHERE $run IS NULL OR EXISTS { MATCH (c:Claim)-[:SUPPORTS]->(d) WHERE c.extraction = $run }
OPTIONAL MATCH (d)-[:TRANCHE_OF]->(parent:Deal)
RETURN p.key AS pair, d.id AS id, parent.id AS parent,
       COLLECT { MATCH (c:Claim)-[:SUPPORTS]->(d)
                 RETURN c {.amount, .currency, .amountUsd, .qualifier, .date, .status, .years, .trancheOfUsd, .published}
                 ORDER BY c.published, c.id } AS claims,
       // the claim the deal is named after, the earliest in the order of publication (DealIds)
       COLLECT { MATCH (c:Claim)-[:SUPPORTS]->(d), (c)-[:SOURCED_FROM]->(doc:Document)
                 RETURN {published: c.published, doc: doc.id, start: c.start, id: c.id} AS c
                 ORDER BY c.published, c.doc, c.start, c.id LIMIT 1 }[0] AS first
ORDER BY pair, id
