// Entities of a batch, one node per canonical name; names seen for the first time join aliases and keys.
// Three statements, one per label (labels cannot be parameters). Writes only what is new, so that entities
// every batch mentions (Amazon, Nvidia) are not locked by every batch.
// Investors that are funds, people or governments are Company nodes with a kind (Fund, Person, Government).
// A company's id is its name without endings such as "AI" or "Inc." (graph/CompanyNames), so one node collects the
// forms sources use ("Figure AI", "Figure"). It is named after the fullest form (more characters, then the one that
// sorts first, as graph/CompanyNames.fuller decides), whatever order they came in; the knowledge file's entities keep
// their curated names. Every other form is an alias.
// :param companies => [{id: 'sakana', name: 'Sakana AI', aliases: [], keys: ['sakana ai', 'sakana'], kind: null, curated: false}]
UNWIND $companies AS e
MERGE (n:Company {id: e.id})
ON CREATE SET n.name = e.name, n.aliases = e.aliases, n.keys = e.keys, n.kind = e.kind
WITH n, e, NOT e.curated AND (size(e.name) > size(n.name) OR size(e.name) = size(n.name) AND e.name < n.name) AS renamed
WHERE renamed OR any(k IN e.keys WHERE NOT k IN coalesce(n.keys, []))
WITH n, e, CASE WHEN renamed THEN e.name ELSE n.name END AS name
WITH n, e, name, [a IN [n.name] + coalesce(n.aliases, []) + [e.name] + e.aliases WHERE a <> name] AS others
SET n.name = name,
    n.aliases = reduce(kept = [], a IN others | CASE WHEN a IN kept THEN kept ELSE kept + a END),
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
