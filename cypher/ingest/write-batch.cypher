// Writes one batch of documents and what was read in them. All statements run in one transaction: a batch is
// in the graph whole or not at all.

// The documents. A new one was created whole when the batch claimed it (claim-documents.cypher); one the graph held
// (re-extraction) keeps what it had and learns a title it lacked and the run that read it.
// :param documents => [{id: 'sha256', url: null, title: 'Amazon invests another $4 billion', published: '2024-11-22', name: '004.txt', chars: 5120, position: 0, extraction: null}]
UNWIND $documents AS doc
MATCH (d:Document {id: doc.id})
SET d.title = coalesce(d.title, doc.title), d.extraction = doc.extraction;

// Deals, new or with new claims: their summary of what the claims agree on. A null in props removes the property.
// :param deals => [{id: 'd-1', from: 'amazon', to: 'anthropic', toLabel: 'Company', type: 'INVESTS_IN', parent: null, props: {...}}]
UNWIND $deals AS deal
MATCH (f:Company {id: deal.from})
OPTIONAL MATCH (toCompany:Company {id: deal.to})
OPTIONAL MATCH (toCloud:Cloud {id: deal.to})
WITH deal, f, CASE deal.toLabel WHEN 'Cloud' THEN toCloud ELSE toCompany END AS t
MERGE (d:Deal {id: deal.id})
SET d += deal.props
FOREACH (_ IN CASE WHEN deal.type = 'INVESTS_IN' THEN [1] ELSE [] END | SET d:Investment)
FOREACH (_ IN CASE WHEN deal.type = 'COMMITS_SPEND_TO' THEN [1] ELSE [] END | SET d:SpendCommitment)
MERGE (f)-[:MADE]->(d)
MERGE (d)-[:TO]->(t);

// Tranches under their deals, once every deal of the batch exists.
UNWIND $deals AS deal
WITH deal WHERE deal.parent IS NOT NULL
MATCH (d:Deal {id: deal.id}), (parent:Deal {id: deal.parent})
MERGE (d)-[:TRANCHE_OF]->(parent);

// Funding rounds, new or with new claims: one deal per round, for the company that raised it. A null in props
// removes the property.
// :param rounds => [{id: 'round-1', to: 'lumen-bio', props: {type: 'INVESTS_IN', amountUsd: 40000000, series: 'Series A', ...}}]
UNWIND $rounds AS round
MATCH (t:Company {id: round.to})
MERGE (d:Deal {id: round.id})
SET d += round.props, d:Investment:Round
MERGE (d)-[:TO]->(t);

// What each deal and round said as of each day a source changed it (or first reported it): one (:Reading) per such
// day, its figures and since = that day. Answers "as of" a day read the last reading from no later than that day;
// a deal with none by then was not known yet. Rewritten whole whenever a deal gets new claims.
// :param deals => [{id: 'd-1', ..., history: [{since: '2024-11-22', amountUsd: 4000000000, date: '2024-11', label: '$4B 2024-11', ...}]}]
UNWIND $deals + $rounds AS deal
MATCH (d:Deal {id: deal.id})
CALL (d) {
  MATCH (d)-[:AS_OF]->(old:Reading)
  DETACH DELETE old
}
CALL (d, deal) {
  UNWIND deal.history AS reading
  CREATE (d)-[:AS_OF]->(r:Reading)
  SET r = reading
};

// Who is in each round: the investor's role (a lead stays a lead), its own share when a source gives one, the key of
// its pair with the company (funders and investments read a pair's rounds by it, index made_pair), and since, the
// day the first source naming it was published.
// :param participations => [{round: 'round-1', from: 'northstar-capital', role: 'lead', amount: null, currency: null, amountUsd: null, pair: 'INVESTS_IN|northstar-capital|Company|lumen-bio', since: '2024-06-03'}]
UNWIND $participations AS p
MATCH (i:Company {id: p.from}), (d:Deal {id: p.round})
MERGE (i)-[m:MADE]->(d)
SET m.pair = p.pair,
    m.role = CASE WHEN m.role = 'lead' THEN 'lead' ELSE p.role END,
    m.amount = coalesce(m.amount, p.amount), m.currency = coalesce(m.currency, p.currency),
    m.amountUsd = coalesce(m.amountUsd, p.amountUsd),
    m.since = CASE WHEN m.since IS NULL OR p.since < m.since THEN p.since ELSE m.since END;

// Each investor's timeline key for its rounds (index made_timeline; graph/Keys.timeline): it follows the round's
// date, which a later source may make more precise, so every investor of a round the batch touched gets it again.
// :param rounds => [{id: 'round-1', ..., timelines: [{investor: 'northstar-capital', key: 'northstar-capital 2024-06 round-1'}]}]
UNWIND $rounds AS round
UNWIND round.timelines AS t
MATCH (:Company {id: t.investor})-[m:MADE]->(:Deal {id: round.id})
SET m.timeline = t.key;

// Claims: what each document said, where it said it, and what it is about.
// :param claims => [{id: 'c-1', doc: 'sha256', deal: 'd-1', from: 'amazon', to: 'anthropic', toLabel: 'Company', props: {...}}]
UNWIND $claims AS c
MATCH (doc:Document {id: c.doc})
CREATE (claim:Claim)
SET claim = c.props, claim.id = c.id
CREATE (claim)-[:SOURCED_FROM]->(doc)
WITH claim, c
OPTIONAL MATCH (deal:Deal {id: c.deal})
OPTIONAL MATCH (subject:Company {id: c.from})
OPTIONAL MATCH (objectCompany:Company {id: c.to})
OPTIONAL MATCH (objectCloud:Cloud {id: c.to})
OPTIONAL MATCH (objectChip:Chip {id: c.to})
WITH claim, deal, subject, c.investor IS NOT NULL AS namesInvestor,
     CASE c.toLabel WHEN 'Cloud' THEN objectCloud WHEN 'Chip' THEN objectChip ELSE objectCompany END AS object
FOREACH (_ IN CASE WHEN deal IS NOT NULL THEN [1] ELSE [] END | CREATE (claim)-[:SUPPORTS]->(deal))
// a claim about a round names the investor it speaks of
FOREACH (_ IN CASE WHEN deal IS NOT NULL AND namesInvestor THEN [1] ELSE [] END | CREATE (claim)-[:SUBJECT]->(subject))
FOREACH (_ IN CASE WHEN deal IS NULL THEN [1] ELSE [] END | CREATE (claim)-[:SUBJECT]->(subject) CREATE (claim)-[:OBJECT]->(object));

// Who runs which cloud, makes and uses which chip, as documents say: one edge per pair the batch touched, with
// the number of claims that say so; an edge no claim supports any more (re-extraction) goes unless it is curated.
// :param operates => [{from: 'amazon', to: 'amazon-web-services'}]
UNWIND $operates AS r
MATCH (a:Company {id: r.from}), (b:Cloud {id: r.to})
WITH a, b, COUNT { (a)<-[:SUBJECT]-(c:Claim)-[:OBJECT]->(b) WHERE c.type = 'OPERATES' } AS claims
OPTIONAL MATCH (a)-[old:OPERATES]->(b)
FOREACH (_ IN CASE WHEN claims = 0 AND old IS NOT NULL AND NOT coalesce(old.curated, false) THEN [1] ELSE [] END | DELETE old)
WITH a, b, claims WHERE claims > 0
MERGE (a)-[e:OPERATES]->(b)
ON CREATE SET e.curated = false
SET e.sources = claims;

UNWIND $makes AS r
MATCH (a:Company {id: r.from}), (b:Chip {id: r.to})
WITH a, b, COUNT { (a)<-[:SUBJECT]-(c:Claim)-[:OBJECT]->(b) WHERE c.type = 'MAKES_CHIP' } AS claims
OPTIONAL MATCH (a)-[old:MAKES]->(b)
FOREACH (_ IN CASE WHEN claims = 0 AND old IS NOT NULL AND NOT coalesce(old.curated, false) THEN [1] ELSE [] END | DELETE old)
WITH a, b, claims WHERE claims > 0
MERGE (a)-[e:MAKES]->(b)
ON CREATE SET e.curated = false
SET e.sources = claims;

UNWIND $uses AS r
MATCH (a:Company {id: r.from}), (b:Chip {id: r.to})
WITH a, b, COUNT { (a)<-[:SUBJECT]-(c:Claim)-[:OBJECT]->(b) WHERE c.type = 'USES_CHIP' } AS claims
OPTIONAL MATCH (a)-[old:USES]->(b)
FOREACH (_ IN CASE WHEN claims = 0 AND old IS NOT NULL AND NOT coalesce(old.curated, false) THEN [1] ELSE [] END | DELETE old)
WITH a, b, claims WHERE claims > 0
MERGE (a)-[e:USES]->(b)
ON CREATE SET e.curated = false
SET e.sources = claims;
