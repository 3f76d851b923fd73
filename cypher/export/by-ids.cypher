// The nodes and relationships a user's read-only query returned ($nodes, $rels: element ids, the endpoints of
// every relationship among the nodes).
CALL () {
  UNWIND $nodes AS id
  MATCH (n) WHERE elementId(n) = id
  RETURN collect(n) AS nodes
}
CALL () {
  UNWIND $rels AS id
  MATCH ()-[r]->() WHERE elementId(r) = id
  RETURN collect(r) AS rels
}
WITH nodes, rels
