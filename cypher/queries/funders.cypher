// Who funds a company: one row per investor, largest total first (ties by investor id), with the pair's totals
// and its deals in date order, tranches nested under the deal they belong to, undated deals last.
//
// As of a day (asOf): what the sources published up to that day said. Deals first reported later are left out,
// each deal shows its reading of that day (its (:Reading) with the latest since <= asOf), a round leaves out the
// investors no source had named yet, and the totals and the order follow.
//
// Parameters (paste the :param lines into Neo4j Browser first, without the leading //):
//   id      the company's id (resolve.cypher turns a name or alias into it)
//   offset  how many investors to skip (paging)
//   limit   how many investors to return
//   asOf    YYYY-MM-DD: what was known that day, or null for everything
// :param id => 'anthropic'
// :param offset => 0
// :param limit => 20
// :param asOf => null
// Today's page comes in order from the invests_in_rank_to index: keys '<company id> <rank> <investor id>', where the
// rank sorts larger totals first (graph/Keys.rank), so a company with thousands of funders costs what one page does.
// As of a day the totals were others: every pair of the company is read and sorted by its total then.
CALL () {
  WITH 1 AS now WHERE $asOf IS NULL
  MATCH (investor:Company)-[pair:INVESTS_IN]->(company:Company)
  WHERE pair.rankTo STARTS WITH $id + ' '
  WITH company, investor, pair
  ORDER BY pair.rankTo
  SKIP $offset LIMIT $limit
  RETURN company, investor, pair.pair AS key
  UNION
  WITH 1 AS then WHERE $asOf IS NOT NULL
  MATCH (investor:Company)-[pair:INVESTS_IN]->(company:Company {id: $id})
  RETURN company, investor, pair.pair AS key
}
// The pair's deals by the pair key their INVESTS_IN edge keeps (the one its deals are filed under), through the
// deal_pair index, and the funding rounds the investor was in, through the made_pair index on the MADE edges (they
// carry the same key): the cost follows the deals of
// this page's pairs, not everything a hub has made. A round shows the investor's own share as its amount (none when
// no source gives it) and the round itself apart: its size is never one investor's money. (A pair can have no deal
// at all, only a running total some source reported: it is listed, with no deals, unless asOf is given.)
OPTIONAL CALL (key) {
  MATCH (d:Deal {pair: key})
  WHERE NOT (d)-[:TRANCHE_OF]->(:Deal) AND ($asOf IS NULL OR d.firstReported <= $asOf)
  CALL (d) {
    WITH d WHERE $asOf IS NULL
    RETURN d AS known
    UNION
    MATCH (d)-[:AS_OF]->(reading:Reading) WHERE reading.since <= $asOf
    WITH reading ORDER BY reading.since DESC LIMIT 1
    RETURN reading AS known
  }
  CALL (d) {
    OPTIONAL MATCH (t:Deal)-[:TRANCHE_OF]->(d)
    WHERE $asOf IS NULL OR t.firstReported <= $asOf
    CALL (t) {
      WITH t WHERE $asOf IS NULL OR t IS NULL
      RETURN t AS then
      UNION
      MATCH (t)-[:AS_OF]->(reading:Reading) WHERE reading.since <= $asOf
      WITH reading ORDER BY reading.since DESC LIMIT 1
      RETURN reading AS then
    }
    WITH t, then ORDER BY then.date IS NULL, then.date, t.id
    RETURN collect(then {id: t.id, type: t.type, .date, .amount, .currency, .amountUsd, .qualifier, .status, .years,
                         .label, .disputed, .alternatives}) AS tranches
  }
  RETURN known {id: d.id, type: d.type, .date, .amount, .currency, .amountUsd, .qualifier, .status, .years, .label,
                .disputed, .alternatives, tranches: tranches} AS deal
  UNION
  MATCH ()-[m:MADE {pair: key}]->(r:Round)
  WHERE $asOf IS NULL OR m.since <= $asOf
  CALL (r) {
    WITH r WHERE $asOf IS NULL
    RETURN r AS known
    UNION
    MATCH (r)-[:AS_OF]->(reading:Reading) WHERE reading.since <= $asOf
    WITH reading ORDER BY reading.since DESC LIMIT 1
    RETURN reading AS known
  }
  RETURN known {id: r.id, type: r.type, .date, amount: m.amount, currency: m.currency, amountUsd: m.amountUsd,
                qualifier: CASE WHEN m.amountUsd IS NULL AND m.amount IS NULL THEN 'unknown' ELSE 'exact' END, .status, .label,
                .disputed, .alternatives, tranches: [],
                round: {amount: known.amount, currency: known.currency, amountUsd: known.amountUsd, series: r.series, role: m.role}} AS deal
}
// The pair's totals, from its deals (tranches are inside their deal's figure; a round counts the investor's share).
// They are the ones the INVESTS_IN edge keeps (ingest/pair-edges.cypher) when asOf is null.
WITH company, investor, deal
ORDER BY deal.date IS NULL, deal.date, deal.id
WITH company, investor, collect(deal) AS deals
WHERE $asOf IS NULL OR size(deals) > 0
WITH company, investor, deals, [x IN deals WHERE x.date IS NOT NULL | x.date] AS dates
WITH investor, deals,
     reduce(s = 0, x IN deals | s + coalesce(x.amountUsd, 0)) AS totalUsd,
     size([x IN deals WHERE x.amountUsd IS NULL]) AS undisclosed,
     reduce(m = null, x IN dates | CASE WHEN m IS NULL OR x < m THEN x ELSE m END) AS firstDate,
     reduce(m = null, x IN dates | CASE WHEN m IS NULL OR x > m THEN x ELSE m END) AS lastDate
RETURN investor.id AS id, investor.name AS name, 'Company' AS type,
       totalUsd, size(deals) AS dealCount, undisclosed, firstDate, lastDate, deals
ORDER BY totalUsd DESC, id
SKIP CASE WHEN $asOf IS NULL THEN 0 ELSE $offset END LIMIT $limit
