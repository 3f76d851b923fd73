// An entity's deals in date order: amount, qualifier, status, tranche structure, the running total of each pair
// (investor -> investee, or customer -> provider) after the deal, and where each fact was read. Undated deals
// come last, with no running total: nothing says where they belong.
//
// Dates have the precision their sources give (2024, 2024-03, 2024-03-15) and sort as text. A deal is inside
// [from, to] when its period overlaps it: a deal dated 2024 is inside from = 2024-06-01. Running totals count
// dated deals that are not tranches (a tranche is part of its deal's figure); they cover the pair's whole
// history, whatever from and to say.
//
// As of a day (asOf): the timeline the sources published up to that day drew. A deal first reported later is not
// there; a deal shows its reading as of that day (its (:Reading) with the latest since <= asOf: the figure, date
// and status its sources had given by then); sources, round investors and running totals are those of that day.
//
// Parameters (paste the :param lines into Neo4j Browser first, without the leading //):
//   id            the entity's id (resolve.cypher turns a name or alias into it)
//   counterparty  the other party's id, or null for all
//   from, to      YYYY-MM-DD bounds, or null
//   type          'INVESTS_IN', 'COMMITS_SPEND_TO', or null for both
//   offset        how many deals to skip (paging)
//   limit         how many deals to return
//   asOf          YYYY-MM-DD: what was known that day, or null for everything
// :param id => 'anthropic'
// :param counterparty => 'amazon'
// :param from => null
// :param to => null
// :param type => null
// :param offset => 0
// :param limit => 50
// :param asOf => null
// How the deals are found. With a counterparty: the pairs the two make, either way and of either type (their
// INVESTS_IN and COMMITS_SPEND_TO edges), and each pair's deals by the pair key the edge keeps, through the deal_pair
// index. Otherwise: the entity's deals in timeline order from the deal_timeline_from/_to indexes
// (keys '<entity id> <date or ~> <deal id>'), dated ones in the window and undated ones apart, each stream cut
// at offset + limit, plus the funding rounds the entity was in, from its own MADE edges' timeline keys. (Those
// keys are read after the expansion on purpose: a range seek on the made_timeline relationship index inside this
// UNION trips a planner check in Neo4j 5, "should not appear non-cached".) Either way only what the page needs
// is read, however long the entity's history.
CALL () {
  MATCH (e:Company {id: $id}) RETURN e
  UNION
  MATCH (e:Cloud {id: $id}) RETURN e
}
WITH e, $id + ' ' + coalesce(left($from, 4), '') AS low, $id + ' ' + coalesce($to + ' ~', '~') AS high
CALL (e, low, high) {
  WITH e WHERE $counterparty IS NOT NULL
  CALL (e) {
    MATCH (c:Company {id: $counterparty}) RETURN c
    UNION
    MATCH (c:Cloud {id: $counterparty}) RETURN c
  }
  MATCH (e)-[pair:INVESTS_IN|COMMITS_SPEND_TO]-(c)
  WHERE $type IS NULL OR type(pair) = $type
  MATCH (d:Deal {pair: pair.pair})
  WHERE $asOf IS NULL OR d.firstReported <= $asOf
  RETURN d
  UNION
  // the funding rounds one of the two was in and the other raised (index made_pair: MADE edges carry the pair key too)
  WITH e WHERE $counterparty IS NOT NULL AND ($type IS NULL OR $type = 'INVESTS_IN')
  MATCH (e)-[pair:INVESTS_IN]-(:Company {id: $counterparty})
  MATCH ()-[m:MADE {pair: pair.pair}]->(d:Round)
  WHERE $asOf IS NULL OR m.since <= $asOf
  RETURN d
  UNION
  WITH low, high WHERE $counterparty IS NULL
  MATCH (d:Deal) WHERE d.timelineFrom >= low AND d.timelineFrom < high AND ($type IS NULL OR d.type = $type)
    AND ($asOf IS NULL OR d.firstReported <= $asOf)
    AND ($from IS NULL OR d.date >= left($from, size(d.date))) AND ($to IS NULL OR d.date <= left($to, size(d.date)))
  WITH d ORDER BY d.timelineFrom LIMIT $offset + $limit
  RETURN d
  UNION
  WITH low, high WHERE $counterparty IS NULL
  MATCH (d:Deal) WHERE d.timelineTo >= low AND d.timelineTo < high AND ($type IS NULL OR d.type = $type)
    AND ($asOf IS NULL OR d.firstReported <= $asOf)
    AND ($from IS NULL OR d.date >= left($from, size(d.date))) AND ($to IS NULL OR d.date <= left($to, size(d.date)))
  WITH d ORDER BY d.timelineTo LIMIT $offset + $limit
  RETURN d
  UNION
  // the rounds the entity was an investor in, in the same order from its MADE edges' keys
  WITH e, low, high WHERE $counterparty IS NULL AND ($type IS NULL OR $type = 'INVESTS_IN')
  MATCH (e)-[made:MADE]->(d)
  WHERE $asOf IS NULL OR made.since <= $asOf
  WITH d, made.timeline AS key
  WHERE key >= low AND key < high
    AND ($from IS NULL OR d.date >= left($from, size(d.date))) AND ($to IS NULL OR d.date <= left($to, size(d.date)))
  WITH d, key ORDER BY key LIMIT $offset + $limit
  RETURN d
  UNION
  WITH e WHERE $counterparty IS NULL
  MATCH (d:Deal) WHERE d.timelineFrom STARTS WITH $id + ' ~ ' AND ($type IS NULL OR d.type = $type)
    AND ($asOf IS NULL OR d.firstReported <= $asOf)
  WITH d ORDER BY d.timelineFrom LIMIT $offset + $limit
  RETURN d
  UNION
  WITH e WHERE $counterparty IS NULL
  MATCH (d:Deal) WHERE d.timelineTo STARTS WITH $id + ' ~ ' AND ($type IS NULL OR d.type = $type)
    AND ($asOf IS NULL OR d.firstReported <= $asOf)
  WITH d ORDER BY d.timelineTo LIMIT $offset + $limit
  RETURN d
  UNION
  WITH e WHERE $counterparty IS NULL AND ($type IS NULL OR $type = 'INVESTS_IN')
  MATCH (e)-[made:MADE]->(d)
  WHERE $asOf IS NULL OR made.since <= $asOf
  WITH d, made.timeline AS key
  WHERE key STARTS WITH $id + ' ~ '
  WITH d, key ORDER BY key LIMIT $offset + $limit
  RETURN d
}
// What the deal says: as it stands, or as of the day asked, its last reading by then (none: not reported yet).
CALL (d) {
  WITH d WHERE $asOf IS NULL
  RETURN d AS known
  UNION
  MATCH (d)-[:AS_OF]->(reading:Reading) WHERE reading.since <= $asOf
  WITH reading ORDER BY reading.since DESC LIMIT 1
  RETURN reading AS known
}
WITH d, known
WHERE known.date IS NULL
   OR (($from IS NULL OR known.date >= left($from, size(known.date))) AND ($to IS NULL OR known.date <= left($to, size(known.date))))
WITH d, known ORDER BY known.date IS NULL, known.date, d.id
SKIP $offset LIMIT $limit
MATCH (d)-[:TO]->(target)
// A deal has one investor or customer; a funding round has several. The row's source is the one investor of a deal,
// and for a round the entity itself when it was one of its investors (then the row's amount is its own share), else
// the round's lead; the round's size and all its investors come apart, under round.
WITH d, known, target, COLLECT { MATCH (s)-[m:MADE]->(d) WHERE $asOf IS NULL OR m.since IS NULL OR m.since <= $asOf
                                 RETURN {id: s.id, name: s.name, role: m.role, amount: m.amount,
                                         currency: m.currency, amountUsd: m.amountUsd, pair: m.pair}
                                 ORDER BY m.role, s.id } AS investors
WITH d, known, target, investors,
     CASE WHEN d:Round THEN coalesce([x IN investors WHERE x.id = $id][0], investors[0]) ELSE investors[0] END AS made
WITH d, known, target, investors, made, d:Round AND made.id = $id AS asInvestor
// The pair's running total after this deal: its dated top-level deals up to this one in (date, id) order, found
// through the stored pair key (Deal.pair, MADE.pair) and its index, so only the page's pairs are read; a round counts the
// investor's own share, and has no running total in the raiser's timeline (it is no one pair's). As of a day, each
// deal counts with its reading of that day, and deals not reported yet do not count.
WITH d, known, target, investors, made, asInvestor,
     CASE WHEN d:Round THEN made.pair ELSE d.pair END AS pairKey
WITH d, known, target, investors, made, asInvestor, pairKey,
     CASE WHEN known.date IS NULL OR (d:Round AND NOT asInvestor) THEN null ELSE reduce(total = 0, amount IN COLLECT {
       MATCH (x:Deal {pair: pairKey})
       WHERE NOT (x)-[:TRANCHE_OF]->(:Deal) AND ($asOf IS NULL OR x.firstReported <= $asOf)
       CALL (x) {
         WITH x WHERE $asOf IS NULL
         RETURN x AS then
         UNION
         MATCH (x)-[:AS_OF]->(reading:Reading) WHERE reading.since <= $asOf
         WITH reading ORDER BY reading.since DESC LIMIT 1
         RETURN reading AS then
       }
       WITH x, then
       WHERE then.date IS NOT NULL AND (then.date < known.date OR (then.date = known.date AND x.id <= d.id))
       RETURN coalesce(then.amountUsd, 0) AS amount
       UNION ALL
       MATCH ()-[m:MADE {pair: pairKey}]->(x:Round)
       WHERE $asOf IS NULL OR m.since <= $asOf
       CALL (x) {
         WITH x WHERE $asOf IS NULL
         RETURN x AS then
         UNION
         MATCH (x)-[:AS_OF]->(reading:Reading) WHERE reading.since <= $asOf
         WITH reading ORDER BY reading.since DESC LIMIT 1
         RETURN reading AS then
       }
       WITH x, m, then
       WHERE then.date IS NOT NULL AND (then.date < known.date OR (then.date = known.date AND x.id <= d.id))
       RETURN coalesce(m.amountUsd, 0) AS amount
     } | total + amount) END AS cumulativeUsd,
     COLLECT { MATCH (d)-[:TRANCHE_OF]->(p:Deal) RETURN p.id }[0] AS trancheOf
CALL (d) {
  OPTIONAL MATCH (claim:Claim)-[:SUPPORTS]->(d) WHERE $asOf IS NULL OR claim.published <= $asOf
  OPTIONAL MATCH (claim)-[:SOURCED_FROM]->(doc:Document)
  WITH claim, doc ORDER BY doc.published, doc.name, claim.id
  RETURN collect(CASE WHEN claim IS NOT NULL THEN {claim: claim.id, document: doc.id, url: doc.url, title: doc.title,
                 published: doc.published, evidence: claim.evidence} END) AS sources
}
WITH d, known, target, investors, made, asInvestor, cumulativeUsd, trancheOf, sources,
     CASE WHEN d:Round THEN {amount: known.amount, currency: known.currency, amountUsd: known.amountUsd, series: d.series,
          role: CASE WHEN asInvestor THEN made.role END,
          investors: [x IN investors | x {.id, .name, .role, .amount, .currency, .amountUsd}]} END AS round
RETURN CASE WHEN asInvestor
            THEN known {id: d.id, type: d.type, .date, amount: made.amount, currency: made.currency, amountUsd: made.amountUsd,
                        qualifier: CASE WHEN made.amountUsd IS NULL AND made.amount IS NULL THEN 'unknown' ELSE 'exact' END,
                        .status, .years, .label, .disputed, .alternatives, round: round}
            ELSE known {id: d.id, type: d.type, .date, .amount, .currency, .amountUsd, .qualifier, .status, .years, .label,
                        .disputed, .alternatives, round: round} END AS deal,
       {id: made.id, name: made.name} AS source, target {.id, .name} AS target,
       trancheOf, COLLECT { MATCH (t:Deal)-[:TRANCHE_OF]->(d) WHERE $asOf IS NULL OR t.firstReported <= $asOf
                            RETURN t.id ORDER BY t.date, t.id } AS tranches,
       cumulativeUsd, sources
ORDER BY known.date IS NULL, known.date, d.id
