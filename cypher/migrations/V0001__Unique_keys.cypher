// Unique keys for every node the application MERGEs on. Each also gives an index for lookups by key.
CREATE CONSTRAINT company_id IF NOT EXISTS FOR (n:Company) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT cloud_id IF NOT EXISTS FOR (n:Cloud) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT chip_id IF NOT EXISTS FOR (n:Chip) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT deal_id IF NOT EXISTS FOR (n:Deal) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE;
