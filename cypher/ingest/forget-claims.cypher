// Re-extraction: the claims a batch's documents made under an earlier extraction (any but this run's), deleted.
// Returned, what each touched, for the writer to tidy up after: the deal it supported with that deal's makers and
// target, or the subject and object it named.
// :param documents => ['sha256-of-text']
// :param run => 'reextract-2026-12-06T08:00:00Z'
UNWIND $documents AS id
MATCH (:Document {id: id})<-[:SOURCED_FROM]-(c:Claim)
WHERE c.extraction IS NULL OR c.extraction <> $run
OPTIONAL MATCH (c)-[:SUPPORTS]->(d:Deal)
WITH c, d, c.type AS type,
     COLLECT { MATCH (c)-[:SUBJECT]->(s) RETURN s.id }[0] AS subject,
     COLLECT { MATCH (c)-[:OBJECT]->(o) RETURN {id: o.id, label: labels(o)[0]} }[0] AS object,
     COLLECT { MATCH (m)-[:MADE]->(d) RETURN m.id } AS makers,
     COLLECT { MATCH (d)-[:TO]->(t) RETURN {id: t.id, label: labels(t)[0]} }[0] AS target
DETACH DELETE c
RETURN type, d.id AS deal, subject, object, makers, target;

// The deals those claims supported: one nothing supports any more goes, with its readings; one that other documents'
// earlier claims still support stays until they go too, under another id, so that the deal this run makes for the
// same claim (deal ids come from their earliest claim's, ingest/DealIds) is a new node.
// :param deals => ['deal-62832a5527a85d14adc84034']
UNWIND $deals AS id
MATCH (d:Deal {id: id})
WHERE EXISTS { (:Claim)-[:SUPPORTS]->(d) }
SET d.id = d.id + '~before-' + $run;

UNWIND $deals AS id
MATCH (d:Deal {id: id})
WHERE NOT EXISTS { (:Claim)-[:SUPPORTS]->(d) }
CALL (d) {
  MATCH (d)-[:AS_OF]->(r:Reading)
  DETACH DELETE r
}
DETACH DELETE d;
