// Entities on the shortest paths (up to 6 direct edges, either direction) between $a and $b; just the two when
// nothing connects them. (As of a day the paths are today's; subgraph.cypher then leaves out the deals and money
// edges not reported by that day.)
MATCH (a) WHERE elementId(a) = $a
MATCH (b) WHERE elementId(b) = $b
OPTIONAL MATCH p = allShortestPaths((a)-[:INVESTS_IN|COMMITS_SPEND_TO|OPERATES|MAKES|USES*..6]-(b))
WITH a, b, collect(p) AS paths
UNWIND [a, b] + reduce(acc = [], p IN paths | acc + nodes(p)) AS e
WITH DISTINCT e
WITH collect(e) AS ents
