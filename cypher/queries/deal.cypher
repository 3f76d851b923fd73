// One deal with its parties, its tranche structure, and every claim made about it with the document each
// claim was read in (conflicting reports stay side by side).
//
// Parameters (paste the :param lines into Neo4j Browser first, without the leading //):
//   id  the deal's id, as the other queries return it
// :param id => 'deal-aa-2026'
// A funding round has several investors: they come under round, leads first, and the lead is the source.
MATCH (d:Deal {id: $id})
OPTIONAL MATCH (d)-[:TO]->(target)
WITH d, target, COLLECT { MATCH (s)-[m:MADE]->(d) RETURN {id: s.id, name: s.name, role: m.role, amount: m.amount,
                                                        currency: m.currency, amountUsd: m.amountUsd} ORDER BY m.role, s.id } AS investors
WITH d, target, investors, investors[0] AS source
CALL (d) {
  OPTIONAL MATCH (claim:Claim)-[:SUPPORTS]->(d)
  OPTIONAL MATCH (claim)-[:SOURCED_FROM]->(doc:Document)
  WITH claim, doc ORDER BY doc.published, doc.name, claim.id
  RETURN collect(CASE WHEN claim IS NOT NULL THEN claim {.id, .amount, .currency, .amountUsd, .qualifier, .date,
         .status, .years, .cumulative, .trancheOfUsd, .evidence, .start, .end, .role, .series, .roundAmount, .roundCurrency, .roundUsd,
         investor: COLLECT { MATCH (claim)-[:SUBJECT]->(i) RETURN i.name }[0],
         document: doc {.id, .url, .title, .published, .name}} END) AS claims
}
RETURN d {.id, .type, .date, .amount, .currency, .amountUsd, .qualifier, .status, .years, .label,
          round: CASE WHEN d:Round THEN {amount: d.amount, currency: d.currency, amountUsd: d.amountUsd, series: d.series,
                 investors: investors} END} AS deal,
       CASE WHEN source IS NULL THEN null ELSE {id: source.id, name: source.name} END AS source, target {.id, .name} AS target,
       COLLECT { MATCH (d)-[:TRANCHE_OF]->(p:Deal) RETURN p.id }[0] AS trancheOf,
       COLLECT { MATCH (t:Deal)-[:TRANCHE_OF]->(d) RETURN t.id ORDER BY t.date, t.id } AS tranches,
       claims
