// One deal with its parties, its tranche structure, and every claim made about it with the document each
// claim was read in (conflicting reports stay side by side).
//
// As of a day (asOf): the deal as the sources published up to that day told it, its reading of that day (the
// (:Reading) with the latest since <= asOf), with only their claims; no row when no source had reported it yet.
// readings lists every day a source changed what the deal says, oldest first, whatever asOf is.
//
// Parameters (paste the :param lines into Neo4j Browser first, without the leading //):
//   id    the deal's id, as the other queries return it (the example finds Amazon's largest deal in Anthropic)
//   asOf  YYYY-MM-DD: what was known that day, or null for everything
// :param id => COLLECT { MATCH (:Company {id: 'amazon'})-[:MADE]->(d:Deal)-[:TO]->(:Company {id: 'anthropic'}) RETURN d.id ORDER BY coalesce(d.amountUsd, 0) DESC, d.id LIMIT 1 }[0]
// :param asOf => null
// A funding round has several investors: they come under round, leads first, and the lead is the source.
MATCH (d:Deal {id: $id})
CALL (d) {
  WITH d WHERE $asOf IS NULL
  RETURN d AS known
  UNION
  MATCH (d)-[:AS_OF]->(reading:Reading) WHERE reading.since <= $asOf
  WITH reading ORDER BY reading.since DESC LIMIT 1
  RETURN reading AS known
}
OPTIONAL MATCH (d)-[:TO]->(target)
WITH d, known, target,
     COLLECT { MATCH (s)-[m:MADE]->(d) WHERE $asOf IS NULL OR m.since IS NULL OR m.since <= $asOf
               RETURN {id: s.id, name: s.name, role: m.role, amount: m.amount, currency: m.currency, amountUsd: m.amountUsd}
               ORDER BY m.role, s.id } AS investors
WITH d, known, target, investors, investors[0] AS source
CALL (d) {
  OPTIONAL MATCH (claim:Claim)-[:SUPPORTS]->(d) WHERE $asOf IS NULL OR claim.published <= $asOf
  OPTIONAL MATCH (claim)-[:SOURCED_FROM]->(doc:Document)
  WITH claim, doc ORDER BY doc.published, doc.name, claim.id
  RETURN collect(CASE WHEN claim IS NOT NULL THEN claim {.id, .amount, .currency, .amountUsd, .qualifier, .date,
         .status, .years, .cumulative, .trancheOfUsd, .evidence, .start, .end, .role, .series, .roundAmount, .roundCurrency, .roundUsd,
         .published, investor: COLLECT { MATCH (claim)-[:SUBJECT]->(i) RETURN i.name }[0],
         document: doc {.id, .url, .title, .published, .name}} END) AS claims
}
RETURN known {id: d.id, type: d.type, .date, .amount, .currency, .amountUsd, .qualifier, .status, .years, .label,
              .disputed, .alternatives, firstReported: d.firstReported,
              round: CASE WHEN d:Round THEN {amount: known.amount, currency: known.currency, amountUsd: known.amountUsd,
                     series: d.series, investors: investors} END} AS deal,
       CASE WHEN source IS NULL THEN null ELSE {id: source.id, name: source.name} END AS source, target {.id, .name} AS target,
       COLLECT { MATCH (d)-[:TRANCHE_OF]->(p:Deal) RETURN p.id }[0] AS trancheOf,
       COLLECT { MATCH (t:Deal)-[:TRANCHE_OF]->(d) WHERE $asOf IS NULL OR t.firstReported <= $asOf
                 RETURN t.id ORDER BY t.date, t.id } AS tranches,
       claims,
       COLLECT { MATCH (d)-[:AS_OF]->(r:Reading)
                 RETURN r {.since, .label, .amount, .currency, .amountUsd, .qualifier, .date, .status, .disputed} ORDER BY r.since } AS readings
