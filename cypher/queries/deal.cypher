// One deal with its parties, its tranche structure, and every claim made about it with the document each
// claim was read in (conflicting reports stay side by side).
//
// Parameters (paste the :param lines into Neo4j Browser first, without the leading //):
//   id  the deal's id, as the other queries return it
// :param id => 'deal-aa-2026'
MATCH (d:Deal {id: $id})
OPTIONAL MATCH (source)-[:MADE]->(d)
OPTIONAL MATCH (d)-[:TO]->(target)
CALL (d) {
  OPTIONAL MATCH (claim:Claim)-[:SUPPORTS]->(d)
  OPTIONAL MATCH (claim)-[:SOURCED_FROM]->(doc:Document)
  WITH claim, doc ORDER BY doc.published, doc.name, claim.id
  RETURN collect(CASE WHEN claim IS NOT NULL THEN claim {.id, .amount, .currency, .amountUsd, .qualifier, .date,
         .status, .years, .cumulative, .trancheOfUsd, .evidence, .start, .end,
         document: doc {.id, .url, .title, .published, .name}} END) AS claims
}
RETURN d {.id, .type, .date, .amount, .currency, .amountUsd, .qualifier, .status, .years, .label} AS deal,
       source {.id, .name} AS source, target {.id, .name} AS target,
       COLLECT { MATCH (d)-[:TRANCHE_OF]->(p:Deal) RETURN p.id }[0] AS trancheOf,
       COLLECT { MATCH (t:Deal)-[:TRANCHE_OF]->(d) RETURN t.id ORDER BY t.date, t.id } AS tranches,
       claims
