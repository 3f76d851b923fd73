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
// The pair's deals by the key ingest gives every deal (type|from|label|to), through the deal_pair index, and the
// funding rounds the investor was in, through the made_pair index on the MADE edges: the cost follows the deals of
// this page's pairs, not everything a hub has made. A round shows the investor's own share as its amount (none when
// no source gives it) and the round itself apart: its size is never one investor's money.
CALL (investor, company) {
  MATCH (d:Deal {pair: 'INVESTS_IN|' + investor.id + '|Company|' + company.id})
  WHERE NOT (d)-[:TRANCHE_OF]->(:Deal)
  CALL (d) {
    OPTIONAL MATCH (t:Deal)-[:TRANCHE_OF]->(d)
    WITH t ORDER BY t.date IS NULL, t.date, t.id
    RETURN collect(t {.id, .type, .date, .amount, .currency, .amountUsd, .qualifier, .status, .years, .label}) AS tranches
  }
  RETURN d {.id, .type, .date, .amount, .currency, .amountUsd, .qualifier, .status, .years, .label, tranches: tranches} AS deal
  UNION
  MATCH ()-[m:MADE {pair: 'INVESTS_IN|' + investor.id + '|Company|' + company.id}]->(r:Round)
  RETURN r {.id, .type, .date, amount: m.amount, currency: m.currency, amountUsd: m.amountUsd,
            qualifier: CASE WHEN m.amountUsd IS NULL AND m.amount IS NULL THEN 'unknown' ELSE 'exact' END, .status, .label,
            tranches: [], round: {amount: r.amount, currency: r.currency, amountUsd: r.amountUsd, series: r.series, role: m.role}} AS deal
}
WITH company, investor, pair, deal
ORDER BY deal.date IS NULL, deal.date, deal.id
WITH company, investor, pair, collect(deal) AS deals
RETURN investor.id AS id, investor.name AS name, 'Company' AS type,
       pair.totalUsd AS totalUsd, pair.deals AS dealCount, coalesce(pair.undisclosed, 0) AS undisclosed,
       pair.firstDate AS firstDate, pair.lastDate AS lastDate, deals
ORDER BY coalesce(totalUsd, 0) DESC, id
