// The entity a user names: by a normalised name or alias ($key, lower-cased, spaces collapsed) or by id. Key
// matches first, so "aws" finds Amazon Web Services before anything whose id happens to be "aws". Both lookups
// are index seeks: entity_keys (one exact term per key) and the unique id constraints.
// :param key => 'aws'
CALL () {
  WITH $key AS key WHERE key <> ''
  CALL db.index.fulltext.queryNodes('entity_keys', '"' + replace(replace(key, '\\', '\\\\'), '"', '\\"') + '"')
  YIELD node
  WITH key, node WHERE key IN node.keys
  RETURN node AS e, 0 AS rank
  UNION
  MATCH (e:Company {id: $key}) RETURN e, 1 AS rank
  UNION
  MATCH (e:Cloud {id: $key}) RETURN e, 1 AS rank
  UNION
  MATCH (e:Chip {id: $key}) RETURN e, 1 AS rank
}
RETURN elementId(e) AS ref, e.name AS name
ORDER BY rank, name
LIMIT 1
