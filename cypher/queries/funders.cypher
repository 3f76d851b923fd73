// Who funds a company: one row per investor, largest total first (ties by investor id), with the pair's totals
// (from the direct INVESTS_IN edge) and its deals in date order, tranches nested under the deal they belong to,
// undated deals last.
//
// Parameters (paste the :param lines into Neo4j Browser first, without the leading //):
//   id      the company's id (resolve.cypher turns a name or alias into it)
//   offset  how many investors to skip (paging)
//   limit   how many investors to return
// :param id => 'anthropic'
// :param offset => 0
// :param limit => 20
// The page comes in order from the invests_in_rank_to index: keys '<company id> <rank> <investor id>', where the
// rank sorts larger totals first (migrations/V0006), so a company with thousands of funders costs what one page does.
MATCH (investor:Company)-[pair:INVESTS_IN]->(company:Company)
WHERE pair.rankTo STARTS WITH $id + ' '
WITH company, investor, pair
ORDER BY pair.rankTo
SKIP $offset LIMIT $limit
// The pair's deals by the key ingest gives every deal (type|from|label|to), through the deal_pair index: the cost
// follows the deals of this page's pairs, not everything a hub investor has made.
MATCH (d:Deal {pair: 'INVESTS_IN|' + investor.id + '|Company|' + company.id})
WITH company, investor, pair, d WHERE NOT (d)-[:TRANCHE_OF]->(:Deal)
CALL (d) {
  OPTIONAL MATCH (t:Deal)-[:TRANCHE_OF]->(d)
  WITH t ORDER BY t.date IS NULL, t.date, t.id
  RETURN collect(t {.id, .type, .date, .amount, .currency, .amountUsd, .qualifier, .status, .years, .label}) AS tranches
}
WITH company, investor, pair, d, tranches
ORDER BY d.date IS NULL, d.date, d.id
WITH company, investor, pair,
     collect(d {.id, .type, .date, .amount, .currency, .amountUsd, .qualifier, .status, .years, .label, tranches: tranches}) AS deals
RETURN investor.id AS id, investor.name AS name, 'Company' AS type,
       pair.totalUsd AS totalUsd, pair.deals AS dealCount, coalesce(pair.undisclosed, 0) AS undisclosed,
       pair.firstDate AS firstDate, pair.lastDate AS lastDate, deals
ORDER BY coalesce(totalUsd, 0) DESC, id
