// Every request that names an entity looks it up by its normalised name or alias: an element of the `keys` list.
// A range index cannot look inside a list (the planner scans the label instead), and the tokenised entity_names
// index answers a many-word name by intersecting each word's postings ("labs", "ai": thousands). With the keyword
// analyzer each key is one term, and the lookup one exact term seek.
CREATE FULLTEXT INDEX entity_keys IF NOT EXISTS FOR (n:Company|Cloud|Chip) ON EACH [n.keys]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}};

// The range indexes V0002 put on `keys` never served a lookup, for the same reason; they only cost writes.
DROP INDEX company_keys IF EXISTS;
DROP INDEX cloud_keys IF EXISTS;
DROP INDEX chip_keys IF EXISTS;
