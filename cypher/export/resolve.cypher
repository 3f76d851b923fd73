// The entity a user names: by a normalised name or alias ($key, lower-cased, spaces collapsed), by id, or by
// name ignoring case. Exact key matches first, so "aws" finds Amazon Web Services before anything else.
MATCH (e)
WHERE (e:Company OR e:Cloud OR e:Chip) AND ($key IN e.keys OR e.id = $key OR toLower(e.name) = $key)
RETURN elementId(e) AS ref, e.name AS name
ORDER BY CASE WHEN $key IN e.keys THEN 0 ELSE 1 END, e.name
LIMIT 1
