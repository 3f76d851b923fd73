// Deals are looked up by their pair (type, investor or customer, investee or provider) on every ingest batch:
// an index on that key keeps the lookup proportional to the pair's deals, not to everything a hub investor made.
CREATE RANGE INDEX deal_pair IF NOT EXISTS FOR (d:Deal) ON (d.pair);
