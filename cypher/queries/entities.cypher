// Search entities by name or alias: every word of the query must start a word of a name or alias, or be one
// spelling mistake away from it ('anthr' and 'anthropik' both find Anthropic). Best matches first.
//
// Parameters (paste the :param lines into Neo4j Browser first, without the leading //):
//   q       what the user typed
//   offset  how many matches to skip (paging)
//   limit   how many matches to return
// :param q => 'anthr'
// :param offset => 0
// :param limit => 20
//
// The words are escaped here, so that characters Lucene treats as syntax (+ - ! ( ) : ^ [ ] " { } ~ * ? \ / & |)
// are searched for as they are; each word becomes (word* OR word~).
WITH [w IN split(toLower(trim($q)), ' ') WHERE w <> ''] AS words
WITH [w IN words | reduce(e = '', ch IN split(w, '') |
        e + CASE WHEN ch IN ['\\', '+', '-', '!', '(', ')', ':', '^', '[', ']', '"', '{', '}', '~', '*', '?', '/', '&', '|']
                 THEN '\\' + ch ELSE ch END)] AS escaped
WITH reduce(s = '', e IN escaped | s + CASE s WHEN '' THEN '' ELSE ' AND ' END + '(' + e + '* OR ' + e + '~)') AS lucene
WHERE lucene <> ''
CALL db.index.fulltext.queryNodes('entity_names', lucene) YIELD node, score
WITH node, score,
     CASE WHEN node:Company THEN 'Company' WHEN node:Cloud THEN 'Cloud' ELSE 'Chip' END AS type
ORDER BY score DESC, node.name, node.id
SKIP $offset LIMIT $limit
RETURN node.id AS id, node.name AS name, type, coalesce(node.aliases, []) AS aliases,
       [(owner:Company)-[:OPERATES|MAKES]->(node) | owner.name] AS owners, score
ORDER BY score DESC, name, id
