// Deals and rounds whose earliest claim changed take its name, before the batch writes them under it. Their ids are a
// function of their claims (ingest/DealIds: named after the earliest claim in the order of publication), not of the
// order the claims came in, so a claim published earlier than the others renames the deal it joins. The node keeps
// everything else, so its edges, readings, tranches, round members and claims go with it; the keys that end in the id
// (timelineFrom, timelineTo, each round member's MADE.timeline) follow. A new id is always made from one of the deal's
// own claims, so it cannot be another deal's.
// :param renames => [{from: 'deal-62832a5527a85d14adc84034', to: 'deal-0b1e4c0f8d2a9e7f3c5b6a1d'}]
UNWIND $renames AS r
MATCH (d:Deal {id: r.from})
SET d.id = r.to,
    d.timelineFrom = CASE WHEN d.timelineFrom ENDS WITH ' ' + r.from
                          THEN left(d.timelineFrom, size(d.timelineFrom) - size(r.from)) + r.to ELSE d.timelineFrom END,
    d.timelineTo = CASE WHEN d.timelineTo ENDS WITH ' ' + r.from
                        THEN left(d.timelineTo, size(d.timelineTo) - size(r.from)) + r.to ELSE d.timelineTo END
WITH d, r
MATCH ()-[m:MADE]->(d)
WHERE m.timeline ENDS WITH ' ' + r.from
SET m.timeline = left(m.timeline, size(m.timeline) - size(r.from)) + r.to
