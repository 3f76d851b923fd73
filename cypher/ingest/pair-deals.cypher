// The deals a batch's pairs already have, with what each of their claims states and when its source was published
// (oldest first): the reconciler's input.
// :param pairs => [{key: 'INVESTS_IN|amazon|anthropic', type: 'INVESTS_IN', from: 'amazon', to: 'anthropic'}]
UNWIND $pairs AS p
MATCH (d:Deal {pair: p.key})
OPTIONAL MATCH (d)-[:TRANCHE_OF]->(parent:Deal)
RETURN p.key AS pair, d.id AS id, parent.id AS parent,
       COLLECT { MATCH (c:Claim)-[:SUPPORTS]->(d)
                 RETURN c {.amount, .currency, .amountUsd, .qualifier, .date, .status, .years, .trancheOfUsd, .published}
                 ORDER BY c.published, c.id } AS claims
ORDER BY pair, id
