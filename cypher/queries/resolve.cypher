// Resolve a name or alias to its entity: case, accents and extra spaces do not matter ('AWS', 'aws' and
// 'Amazon Web Services' give the same node). The API runs this before every query that names an entity.
//
// Parameters (paste the :param lines into Neo4j Browser first, without the leading //):
//   key  the name's key, as entity `keys` are stored: lower case, accents folded, runs of spaces collapsed. The API
//        computes it with the function ingest stores keys with (graph/Keys.entity), so both always agree.
// :param key => 'aws'
//
// A range index cannot look inside a list, so the lookup goes through entity_keys, a full-text index whose keyword
// analyzer keeps each key whole: the quoted key is one exact term, one seek whatever words it shares with other names
// (migration V0004). The `keys` test repeats the match in plain Cypher.
WITH $key AS key, '"' + replace(replace($key, '\\', '\\\\'), '"', '\\"') + '"' AS phrase
WHERE key <> ''
CALL db.index.fulltext.queryNodes('entity_keys', phrase) YIELD node
WHERE key IN node.keys
WITH node,
     CASE WHEN node:Company THEN 'Company' WHEN node:Cloud THEN 'Cloud' ELSE 'Chip' END AS type
RETURN node.id AS id, node.name AS name, type, coalesce(node.aliases, []) AS aliases,
       [(owner:Company)-[:OPERATES|MAKES]->(node) | owner.name] AS owners
ORDER BY CASE type WHEN 'Company' THEN 0 WHEN 'Cloud' THEN 1 ELSE 2 END, id
