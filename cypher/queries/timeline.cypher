// An entity's deals in date order: amount, qualifier, status, tranche structure, the running total of each pair
// (investor -> investee, or customer -> provider) after the deal, and where each fact was read. Undated deals
// come last, with no running total: nothing says where they belong.
//
// Dates have the precision their sources give (2024, 2024-03, 2024-03-15) and sort as text. A deal is inside
// [from, to] when its period overlaps it: a deal dated 2024 is inside from = 2024-06-01. Running totals count
// dated deals that are not tranches (a tranche is part of its deal's figure); they cover the pair's whole
// history, whatever from and to say.
//
// Parameters (paste the :param lines into Neo4j Browser first, without the leading //):
//   id            the entity's id (resolve.cypher turns a name or alias into it)
//   counterparty  the other party's id, or null for all
//   from, to      YYYY-MM-DD bounds, or null
//   type          'INVESTS_IN', 'COMMITS_SPEND_TO', or null for both
//   offset        how many deals to skip (paging)
//   limit         how many deals to return
// :param id => 'anthropic'
// :param counterparty => 'amazon'
// :param from => null
// :param to => null
// :param type => null
// :param offset => 0
// :param limit => 50
CALL () {
  MATCH (e:Company {id: $id}) RETURN e
  UNION
  MATCH (e:Cloud {id: $id}) RETURN e
}
CALL (e) {
  MATCH (e)-[:MADE]->(d:Deal)-[:TO]->(other)
  RETURN d, e AS source, other AS target, other
  UNION
  MATCH (e)<-[:TO]-(d:Deal)<-[:MADE]-(other)
  RETURN d, other AS source, e AS target, other
}
WITH d, source, target, other
WHERE ($counterparty IS NULL OR other.id = $counterparty) AND ($type IS NULL OR d.type = $type)
  AND (d.date IS NULL
       OR (($from IS NULL OR d.date >= left($from, size(d.date))) AND ($to IS NULL OR d.date <= left($to, size(d.date)))))
WITH d, source, target
ORDER BY d.date IS NULL, d.date, d.id
SKIP $offset LIMIT $limit
// The pair's running total after this deal: its dated top-level deals up to this one in (date, id) order, found
// through the pair key (type|from|label|to) and its index, so only the page's pairs are read.
WITH d, source, target,
     CASE WHEN d.date IS NULL THEN null ELSE reduce(total = 0, amount IN COLLECT {
       MATCH (x:Deal {pair: d.pair})
       WHERE x.date IS NOT NULL AND (x.date < d.date OR (x.date = d.date AND x.id <= d.id))
         AND NOT (x)-[:TRANCHE_OF]->(:Deal)
       RETURN coalesce(x.amountUsd, 0) AS amount
     } | total + amount) END AS cumulativeUsd,
     COLLECT { MATCH (d)-[:TRANCHE_OF]->(p:Deal) RETURN p.id }[0] AS trancheOf
CALL (d) {
  OPTIONAL MATCH (claim:Claim)-[:SUPPORTS]->(d)
  OPTIONAL MATCH (claim)-[:SOURCED_FROM]->(doc:Document)
  WITH claim, doc ORDER BY doc.published, doc.name, claim.id
  RETURN collect(CASE WHEN claim IS NOT NULL THEN {claim: claim.id, document: doc.id, url: doc.url, title: doc.title,
                 published: doc.published, evidence: claim.evidence} END) AS sources
}
RETURN d {.id, .type, .date, .amount, .currency, .amountUsd, .qualifier, .status, .years, .label} AS deal,
       source {.id, .name} AS source, target {.id, .name} AS target,
       trancheOf, COLLECT { MATCH (t:Deal)-[:TRANCHE_OF]->(d) RETURN t.id ORDER BY t.date, t.id } AS tranches,
       cumulativeUsd, sources
ORDER BY d.date IS NULL, d.date, d.id
