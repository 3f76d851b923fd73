// The one-hop summaries "who funds whom" reads: for each pair a batch touched, the total of its top-level deals
// (tranches are inside their deal's figure), how many there are, how many have no figure, the first and last
// date, and the largest running total a source reported ("has invested $8 billion in all": the pair's claims marked
// cumulative). Each edge keeps its deals' pair key (circular.cypher finds edges by it, funders, investments and
// commitments their deals), and investments the keys that page a company's funders and investees largest first. A
// pair left with neither deals nor a reported total (re-extraction can take its last claim away) loses its edge.
// Three statements: investments (returning each pair's new total), their rank keys, commitments. Every key comes as a
// parameter, made by graph/Keys: pair keys with the pairs, rank keys from the totals the first statement returns.
// :param investments => [{key: 'INVESTS_IN|amazon|Company|anthropic', from: 'amazon', to: 'anthropic', toLabel: 'Company'}]
// A pair's funding rounds count with the investor's own share (the MADE edge's amountUsd), never the round's size.
UNWIND $investments AS p
MATCH (f:Company {id: p.from}), (t:Company {id: p.to})
CALL (p) {
  OPTIONAL MATCH (d:Deal {pair: p.key})
  WHERE NOT (d)-[:TRANCHE_OF]->(:Deal)
  RETURN collect(CASE WHEN d IS NOT NULL THEN {date: d.date, amountUsd: d.amountUsd} END) AS pairDeals
}
CALL (p) {
  OPTIONAL MATCH ()-[m:MADE {pair: p.key}]->(r:Round)
  RETURN collect(CASE WHEN r IS NOT NULL THEN {date: r.date, amountUsd: m.amountUsd} END) AS shares
}
OPTIONAL MATCH (f)-[old:INVESTS_IN]->(t)
WITH f, t, old, p.key AS key, pairDeals + shares AS deals,
     COLLECT { MATCH (f)<-[:SUBJECT]-(c:Claim)-[:OBJECT]->(t)
               WHERE c.cumulative AND c.type = 'INVESTS_IN' AND c.amountUsd IS NOT NULL
               RETURN c.amountUsd AS reported ORDER BY reported DESC LIMIT 1 }[0] AS reported
FOREACH (_ IN CASE WHEN old IS NOT NULL AND size(deals) = 0 AND reported IS NULL THEN [1] ELSE [] END | DELETE old)
WITH f, t, key, reported, deals, [d IN deals WHERE d.date IS NOT NULL | d.date] AS dates
WHERE size(deals) > 0 OR reported IS NOT NULL
MERGE (f)-[r:INVESTS_IN]->(t)
SET r.pair = key,
    r.totalUsd = reduce(s = 0, d IN deals | s + coalesce(d.amountUsd, 0)),
    r.deals = size(deals),
    r.undisclosed = size([d IN deals WHERE d.amountUsd IS NULL]),
    r.firstDate = reduce(m = null, x IN dates | CASE WHEN m IS NULL OR x < m THEN x ELSE m END),
    r.lastDate = reduce(m = null, x IN dates | CASE WHEN m IS NULL OR x > m THEN x ELSE m END),
    r.reportedTotalUsd = reported
RETURN f.id AS from, t.id AS to, r.totalUsd AS totalUsd;

// The keys funders.cypher and investments.cypher page by (graph/Keys.rank: larger totals sort first).
// :param ranks => [{from: 'amazon', to: 'anthropic', rankFrom: 'amazon 9999986999999999 anthropic', rankTo: 'anthropic 9999986999999999 amazon'}]
UNWIND $ranks AS k
MATCH (:Company {id: k.from})-[r:INVESTS_IN]->(:Company {id: k.to})
SET r.rankFrom = k.rankFrom,
    r.rankTo = k.rankTo;

UNWIND $commitments AS p
MATCH (f:Company {id: p.from})
OPTIONAL MATCH (toCompany:Company {id: p.to})
OPTIONAL MATCH (toCloud:Cloud {id: p.to})
WITH p, f, CASE p.toLabel WHEN 'Cloud' THEN toCloud ELSE toCompany END AS t
CALL (p) {
  OPTIONAL MATCH (d:Deal {pair: p.key})
  WHERE NOT (d)-[:TRANCHE_OF]->(:Deal)
  RETURN collect(d) AS deals
}
OPTIONAL MATCH (f)-[old:COMMITS_SPEND_TO]->(t)
WITH f, t, old, p.key AS key, deals,
     COLLECT { MATCH (f)<-[:SUBJECT]-(c:Claim)-[:OBJECT]->(t)
               WHERE c.cumulative AND c.type = 'COMMITS_SPEND_TO' AND c.amountUsd IS NOT NULL
               RETURN c.amountUsd AS reported ORDER BY reported DESC LIMIT 1 }[0] AS reported
FOREACH (_ IN CASE WHEN old IS NOT NULL AND size(deals) = 0 AND reported IS NULL THEN [1] ELSE [] END | DELETE old)
WITH f, t, key, reported, deals, [d IN deals WHERE d.date IS NOT NULL | d.date] AS dates
WHERE size(deals) > 0 OR reported IS NOT NULL
MERGE (f)-[r:COMMITS_SPEND_TO]->(t)
SET r.pair = key,
    r.totalUsd = reduce(s = 0, d IN deals | s + coalesce(d.amountUsd, 0)),
    r.deals = size(deals),
    r.undisclosed = size([d IN deals WHERE d.amountUsd IS NULL]),
    r.firstDate = reduce(m = null, x IN dates | CASE WHEN m IS NULL OR x < m THEN x ELSE m END),
    r.lastDate = reduce(m = null, x IN dates | CASE WHEN m IS NULL OR x > m THEN x ELSE m END),
    r.reportedTotalUsd = reported;
