// One row per element, in a fixed order the writers rely on: first the counts [nodes, relationships] (so a cap
// is checked before anything is written), then every node, then every relationship with its two endpoints'
// labels and ids (so writers name endpoints without remembering the nodes they have written).
UNWIND range(-1, size(nodes) + size(rels) - 1) AS i
WITH nodes, rels, i, CASE WHEN i >= size(nodes) THEN rels[i - size(nodes)] END AS r
RETURN CASE WHEN i < 0 THEN [size(nodes), size(rels)] WHEN r IS NULL THEN nodes[i] ELSE r END AS element,
       CASE WHEN r IS NULL THEN null
            ELSE [labels(startNode(r)), startNode(r).id, labels(endNode(r)), endNode(r).id] END AS ends
