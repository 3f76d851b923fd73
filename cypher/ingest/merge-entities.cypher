// Entities of a batch, one node per canonical name; names seen for the first time join aliases and keys.
// Three statements, one per label (labels cannot be parameters). Writes only what is new, so that entities
// every batch mentions (Amazon, Nvidia) are not locked by every batch.
// Investors that are funds, people or governments are Company nodes with a kind (Fund, Person, Government).
// :param companies => [{id: 'sakana-ai', name: 'Sakana AI', aliases: [], keys: ['sakana ai'], kind: null}]
UNWIND $companies AS e
MERGE (n:Company {id: e.id})
ON CREATE SET n.name = e.name, n.aliases = e.aliases, n.keys = e.keys, n.kind = e.kind
WITH n, e WHERE any(k IN e.keys WHERE NOT k IN coalesce(n.keys, []))
SET n.aliases = coalesce(n.aliases, []) + [a IN e.aliases WHERE NOT a IN coalesce(n.aliases, [])],
    n.keys = coalesce(n.keys, []) + [k IN e.keys WHERE NOT k IN coalesce(n.keys, [])];

UNWIND $clouds AS e
MERGE (n:Cloud {id: e.id})
ON CREATE SET n.name = e.name, n.aliases = e.aliases, n.keys = e.keys
WITH n, e WHERE any(k IN e.keys WHERE NOT k IN coalesce(n.keys, []))
SET n.aliases = coalesce(n.aliases, []) + [a IN e.aliases WHERE NOT a IN coalesce(n.aliases, [])],
    n.keys = coalesce(n.keys, []) + [k IN e.keys WHERE NOT k IN coalesce(n.keys, [])];

UNWIND $chips AS e
MERGE (n:Chip {id: e.id})
ON CREATE SET n.name = e.name, n.aliases = e.aliases, n.keys = e.keys
WITH n, e WHERE any(k IN e.keys WHERE NOT k IN coalesce(n.keys, []))
SET n.aliases = coalesce(n.aliases, []) + [a IN e.aliases WHERE NOT a IN coalesce(n.aliases, [])],
    n.keys = coalesce(n.keys, []) + [k IN e.keys WHERE NOT k IN coalesce(n.keys, [])];

// Who runs a cloud and who makes a chip, as the knowledge file says (curated: true).
UNWIND $operates AS o
MATCH (owner:Company {id: o.owner}), (cloud:Cloud {id: o.id})
MERGE (owner)-[r:OPERATES]->(cloud)
ON CREATE SET r.curated = true, r.sources = 0
WITH r WHERE r.curated IS NULL OR NOT r.curated
SET r.curated = true;

UNWIND $makes AS o
MATCH (owner:Company {id: o.owner}), (chip:Chip {id: o.id})
MERGE (owner)-[r:MAKES]->(chip)
ON CREATE SET r.curated = true, r.sources = 0
WITH r WHERE r.curated IS NULL OR NOT r.curated
SET r.curated = true;
