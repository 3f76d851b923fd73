// Deals and rounds whose earliest claim changed take its name, before the batch writes them under it. Their ids are a
// function of their claims (ingest/DealIds: named after the earliest claim in the order of publication), not of the
// order the claims came in, so a claim published earlier than the others renames the deal it joins. The node keeps
// everything else, so its edges, readings, tranches, round members and claims go with it. The keys that end in the id
// (timelineFrom, timelineTo, each round member's MADE.timeline) are made again by graph/Keys: the first statement
// renames and returns what they are made of, the second writes them. A new id is always made from one of the deal's
// own claims, so it cannot be another deal's.
// :param renames => [{from: 'deal-62832a5527a85d14adc84034', to: 'deal-0b1e4c0f8d2a9e7f3c5b6a1d'}]
UNWIND $renames AS r
MATCH (d:Deal {id: r.from})
SET d.id = r.to
RETURN elementId(d) AS deal, d.id AS id, d.date AS date, d:Round AS round,
       [(f:Company)-[:MADE]->(d) | f.id] AS makers, COLLECT { MATCH (d)-[:TO]->(t) RETURN t.id }[0] AS to;

// :param keys => [{deal: '4:...:12', timelineFrom: null, timelineTo: 'lumen-bio 2024-06 round-1', made: [{investor: 'northstar-capital', key: 'northstar-capital 2024-06 round-1'}]}]
UNWIND $keys AS k
MATCH (d:Deal) WHERE elementId(d) = k.deal
SET d.timelineFrom = k.timelineFrom,
    d.timelineTo = k.timelineTo
WITH d, k
UNWIND k.made AS m
MATCH (:Company {id: m.investor})-[e:MADE]->(d)
SET e.timeline = m.key;
