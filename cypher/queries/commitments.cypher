// Spend commitments of an entity: what it has committed to spend as a customer ('customer' rows), and what
// customers have committed to spend with it or with a cloud it operates ('provider' rows). One row per pair,
// with the totals of the direct COMMITS_SPEND_TO edge and its deals in date order, undated deals last.
//
// Parameters (paste the :param lines into Neo4j Browser first, without the leading //):
//   id      the company's or cloud's id (resolve.cypher turns a name or alias into it)
//   offset  how many pairs to skip (paging)
//   limit   how many pairs to return
// :param id => 'amazon'
// :param offset => 0
// :param limit => 20
CALL () {
  MATCH (e:Company {id: $id}) RETURN e
  UNION
  MATCH (e:Cloud {id: $id}) RETURN e
}
CALL (e) {
  MATCH (e)-[pair:COMMITS_SPEND_TO]->(provider)
  RETURN 'customer' AS role, e AS customer, provider, pair
  UNION
  MATCH (customer)-[pair:COMMITS_SPEND_TO]->(e)
  RETURN 'provider' AS role, customer, e AS provider, pair
  UNION
  MATCH (e)-[:OPERATES]->(cloud:Cloud)<-[pair:COMMITS_SPEND_TO]-(customer)
  RETURN 'provider' AS role, customer, cloud AS provider, pair
}
WITH role, customer, provider, pair
ORDER BY role, coalesce(pair.totalUsd, 0) DESC, customer.name, provider.name, customer.id, provider.id
SKIP $offset LIMIT $limit
// The pair's deals by the pair key its COMMITS_SPEND_TO edge keeps (the one its deals are filed under), through the
// deal_pair index.
MATCH (d:Deal {pair: pair.pair})
WITH role, customer, provider, pair, d WHERE NOT (d)-[:TRANCHE_OF]->(:Deal)
CALL (d) {
  OPTIONAL MATCH (t:Deal)-[:TRANCHE_OF]->(d)
  WITH t ORDER BY t.date IS NULL, t.date, t.id
  RETURN collect(t {.id, .type, .date, .amount, .currency, .amountUsd, .qualifier, .status, .years, .label}) AS tranches
}
WITH role, customer, provider, pair, d, tranches
ORDER BY d.date IS NULL, d.date, d.id
WITH role, customer, provider, pair,
     collect(d {.id, .type, .date, .amount, .currency, .amountUsd, .qualifier, .status, .years, .label, tranches: tranches}) AS deals
RETURN role,
       customer {.id, .name, type: CASE WHEN customer:Cloud THEN 'Cloud' ELSE 'Company' END} AS customer,
       provider {.id, .name, type: CASE WHEN provider:Cloud THEN 'Cloud' ELSE 'Company' END} AS provider,
       pair.totalUsd AS totalUsd, pair.deals AS dealCount, coalesce(pair.undisclosed, 0) AS undisclosed,
       pair.firstDate AS firstDate, pair.lastDate AS lastDate, deals
ORDER BY role, coalesce(totalUsd, 0) DESC, customer.name, provider.name, customer.id, provider.id
