// Given the selected entities (ents): the deals between them that match the deal type and time window, the
// claims behind those deals and the claims naming two selected entities (provenance, unless $provenance is
// false), the documents those claims cite, and every model relationship among all of these.
// A date matches a window by its own precision: '2024-11' is inside from '2024' and inside to '2024-11-30'.
// As of a day ($asOf): only the deals some source had reported by then, the claims whose sources were published
// by then and their documents, the round investors named by then, and the money edges of pairs with such a deal;
// emit.cypher hands each deal's and money edge's figures as they then stood.
// The entities arrive as $ents, their element ids: membership tests against a parameter list are hashed by
// Cypher, tests against a list built inside the query are scans (slow with thousands of entities).
UNWIND $ents AS id
MATCH (e) WHERE elementId(e) = id
WITH collect(e) AS ents
CALL (ents) {
  UNWIND ents AS a
  MATCH (a)-[made:MADE]->(d:Deal)-[:TO]->(b)
  WHERE elementId(b) IN $ents
    AND ($type IS NULL OR d.type = $type)
    AND ($asOf IS NULL OR (d.firstReported <= $asOf AND (made.since IS NULL OR made.since <= $asOf)))
    AND ($from IS NULL OR (d.date IS NOT NULL AND left(d.date, size($from)) >= $from))
    AND ($to IS NULL OR (d.date IS NOT NULL AND left(d.date, size($to)) <= $to))
  RETURN collect(DISTINCT d) AS deals
}
CALL (deals) {
  UNWIND CASE WHEN $provenance THEN deals ELSE [] END AS d
  MATCH (c:Claim)-[:SUPPORTS]->(d)
  WHERE $asOf IS NULL OR c.published <= $asOf
  RETURN collect(DISTINCT c) AS dealClaims
}
CALL (ents) {
  UNWIND CASE WHEN $provenance THEN ents ELSE [] END AS s
  MATCH (s)<-[:SUBJECT]-(c:Claim)-[:OBJECT]->(o)
  WHERE elementId(o) IN $ents AND NOT (c)-[:SUPPORTS]->(:Deal)
    AND ($type IS NULL OR c.type = $type)
    AND ($asOf IS NULL OR c.published <= $asOf)
    AND ($from IS NULL OR (c.date IS NOT NULL AND left(c.date, size($from)) >= $from))
    AND ($to IS NULL OR (c.date IS NOT NULL AND left(c.date, size($to)) <= $to))
  RETURN collect(DISTINCT c) AS pairClaims
}
WITH ents, deals, dealClaims + pairClaims AS claims
CALL (claims) {
  UNWIND claims AS c
  MATCH (c)-[:SOURCED_FROM]->(doc:Document)
  RETURN collect(DISTINCT doc) AS docs
}
// Direct edges between selected entities. The money edges summarise all of a pair's deals: with a type or a
// window they stay only where a selected deal joins the pair (their totals remain all-time totals).
CALL (ents, deals) {
  UNWIND ents AS a
  MATCH (a)-[r:INVESTS_IN|COMMITS_SPEND_TO|OPERATES|MAKES|USES]->(b)
  WHERE elementId(b) IN $ents
    AND (NOT type(r) IN ['INVESTS_IN', 'COMMITS_SPEND_TO']
         OR (($type IS NULL OR type(r) = $type)
             AND (($from IS NULL AND $to IS NULL AND $asOf IS NULL) OR EXISTS { MATCH (a)-[:MADE]->(d:Deal)-[:TO]->(b) WHERE d IN deals })))
  RETURN collect(r) AS direct
}
CALL (ents, deals) {
  UNWIND deals AS d
  CALL (d, ents, deals) {
    MATCH (x)-[r:MADE]->(d) WHERE elementId(x) IN $ents AND ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf) RETURN r
    UNION ALL
    MATCH (d)-[r:TO]->(x) WHERE elementId(x) IN $ents RETURN r
    UNION ALL
    MATCH (d)-[r:TRANCHE_OF]->(p:Deal) WHERE p IN deals RETURN r
  }
  RETURN collect(r) AS dealRels
}
CALL (claims, ents) {
  UNWIND claims AS c
  CALL (c, ents) {
    MATCH (c)-[r:SUPPORTS]->(:Deal) RETURN r
    UNION ALL
    MATCH (c)-[r:SUBJECT|OBJECT]->(x) WHERE elementId(x) IN $ents RETURN r
    UNION ALL
    MATCH (c)-[r:SOURCED_FROM]->(:Document) RETURN r
  }
  RETURN collect(r) AS claimRels
}
WITH ents + deals + claims + docs AS nodes, direct + dealRels + claimRels AS rels
