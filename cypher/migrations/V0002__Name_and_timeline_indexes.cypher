// Search by name or alias ("anthr", "Amazon Web Services", "aws"): a full-text index over names and aliases.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Company|Cloud|Chip) ON EACH [n.name, n.aliases];
// Exact resolution of a normalised name or alias to its entity ("amazon web services" and "aws" -> the same node).
CREATE INDEX company_keys IF NOT EXISTS FOR (n:Company) ON (n.keys);
CREATE INDEX cloud_keys IF NOT EXISTS FOR (n:Cloud) ON (n.keys);
CREATE INDEX chip_keys IF NOT EXISTS FOR (n:Chip) ON (n.keys);
// Timelines are read in date order; documents are also found by URL.
CREATE INDEX deal_date IF NOT EXISTS FOR (n:Deal) ON (n.date);
CREATE INDEX deal_type IF NOT EXISTS FOR (n:Deal) ON (n.type);
CREATE INDEX document_url IF NOT EXISTS FOR (n:Document) ON (n.url);
