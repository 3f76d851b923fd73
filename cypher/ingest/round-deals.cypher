// The funding rounds the batch's companies already have, with what each of their claims states about the round
// (size, date, series) and the investors in it: the round reconciler's input.
// During a re-extraction ($run), only the rounds this run has made (as pair-deals.cypher).
// :param companies => ['lumen-bio']
// :param run => null
UNWIND $companies AS company
MATCH (r:Deal:Round)-[:TO]->(:Company {id: company})
WHERE $run IS NULL OR EXISTS { MATCH (c:Claim)-[:SUPPORTS]->(r) WHERE c.extraction = $run }
RETURN company, r.id AS id,
       COLLECT { MATCH (c:Claim)-[:SUPPORTS]->(r)
                 RETURN {amount: c.roundAmount, currency: c.roundCurrency, amountUsd: c.roundUsd, qualifier: 'exact', date: c.date,
                         status: c.status, years: null, trancheOfUsd: null, published: c.published}
                 ORDER BY c.published, c.id } AS claims,
       [(i:Company)-[:MADE]->(r) | i.id] AS investors,
       r.series AS series
ORDER BY company, id
