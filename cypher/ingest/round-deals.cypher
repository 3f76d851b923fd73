// The funding rounds the batch's companies already have, with what each source says about the round (size, date,
// series) and the investors in it: the round reconciler's input.
// One reading per document, as a batch reconciles them (GraphWriter.Rounds.roundFigures): of the document's claims
// about the round, in text order, the first that states its size, else the first. Claims that only name an investor
// in it (a figure-less pair claim the round absorbed: no round size, series or role) give none. A source counts once
// however many investors it names, so a round's figure does not depend on whether its sources came in one batch.
// During a re-extraction ($run), only the rounds this run has made (as pair-deals.cypher).
// :param companies => ['lumen-bio']
// :param run => null
UNWIND $companies AS company
MATCH (r:Deal:Round)-[:TO]->(:Company {id: company})
WHERE $run IS NULL OR EXISTS { MATCH (c:Claim)-[:SUPPORTS]->(r) WHERE c.extraction = $run }
RETURN company, r.id AS id,
       COLLECT { MATCH (doc:Document)<-[:SOURCED_FROM]-(c:Claim)-[:SUPPORTS]->(r)
                 WHERE c.roundAmount IS NOT NULL OR c.roundUsd IS NOT NULL OR c.series IS NOT NULL OR c.role IS NOT NULL
                 WITH doc, c ORDER BY doc.id, c.roundAmount IS NULL AND c.roundUsd IS NULL, c.start, c.id
                 WITH doc, collect(c)[0] AS c
                 RETURN {amount: c.roundAmount, currency: c.roundCurrency, amountUsd: c.roundUsd,
                         qualifier: CASE WHEN c.roundAmount IS NULL AND c.roundUsd IS NULL THEN 'unknown' ELSE 'exact' END,
                         date: c.date, status: c.status, years: null, trancheOfUsd: null, published: c.published,
                         doc: doc.id, start: c.start, id: c.id} AS reading
                 ORDER BY reading.published, reading.doc, reading.start, reading.id } AS claims,
       [(i:Company)-[:MADE]->(r) | i.id] AS investors,
       r.series AS series,
       // the claim the round is named after (DealIds)
       COLLECT { MATCH (c:Claim)-[:SUPPORTS]->(r), (c)-[:SOURCED_FROM]->(doc:Document)
                 RETURN {published: c.published, doc: doc.id, start: c.start, id: c.id} AS c
                 ORDER BY c.published, c.doc, c.start, c.id LIMIT 1 }[0] AS first
ORDER BY company, id
