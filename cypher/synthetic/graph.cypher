// The statements of the synthetic graph generator (devtools/synthetic/SyntheticGraph), in the order it runs them. Each takes a
// batch of rows, $rows; every key (entity keys, pair, timeline and rank keys) comes in the rows, made by graph/Keys as
// ingest makes them, so that the query API finds and pages a generated graph as it does an ingested one.

// 0. Companies.
// :param rows => [{id: 'co-0', name: 'Velorka Labs 0', aliases: ['VEL0'], keys: ['velorka labs 0', 'vel0']}]
UNWIND $rows AS r
CREATE (:Company {id: r.id, name: r.name, aliases: r.aliases, keys: r.keys});

// 1. Clouds, run by their owners.
// :param rows => [{id: 'cloud-0', name: 'Cloud A', keys: ['cloud a'], owner: 'co-0'}]
UNWIND $rows AS r
MATCH (o:Company {id: r.owner})
CREATE (o)-[:OPERATES {curated: true, sources: 0}]->(:Cloud {id: r.id, name: r.name, aliases: [], keys: r.keys});

// 2. Chips, made by their makers.
// :param rows => [{id: 'chip-0', name: 'Chip 0', keys: ['chip 0'], maker: 'co-0'}]
UNWIND $rows AS r
MATCH (m:Company {id: r.maker})
CREATE (m)-[:MAKES {curated: true, sources: 0}]->(:Chip {id: r.id, name: r.name, aliases: [], keys: r.keys});

// 3. Chip users.
// :param rows => [{user: 'co-7', chip: 'chip-1'}]
UNWIND $rows AS r
MATCH (u:Company {id: r.user})
MATCH (k:Chip {id: r.chip})
MERGE (u)-[s:USES]->(k) ON CREATE SET s.curated = false, s.sources = 1;

// 4. Investments, and 5. spend commitments; 6. tranches, under the deal they belong to. A row's props are the deal's
// properties, keys included.
// :param rows => [{from: 'co-0', to: 'co-9', props: {id: 'deal-0', type: 'INVESTS_IN', pair: 'INVESTS_IN|co-0|Company|co-9', timelineFrom: 'co-0 2024-03 deal-0', timelineTo: 'co-9 2024-03 deal-0', ...}}]
UNWIND $rows AS r
MATCH (f:Company {id: r.from})
MATCH (t:Company {id: r.to})
CREATE (f)-[:MADE]->(d:Deal:Investment)-[:TO]->(t)
SET d = r.props;

UNWIND $rows AS r
MATCH (f:Company {id: r.from})
MATCH (t:Cloud {id: r.to})
CREATE (f)-[:MADE]->(d:Deal:SpendCommitment)-[:TO]->(t)
SET d = r.props;

UNWIND $rows AS r
MATCH (p:Deal {id: r.parent})
MATCH (f)-[:MADE]->(p)-[:TO]->(t)
CREATE (f)-[:MADE]->(d:Deal:Investment)-[:TO]->(t)
SET d = r.props
CREATE (d)-[:TRANCHE_OF]->(p);

// 7. Claims, each from a document shared by a few claims.
// :param rows => [{id: 'claim-0', deal: 'deal-3', doc: 'doc-0', evidence: 'Synthetic report of deal-3.', type: 'INVESTS_IN'}]
UNWIND $rows AS r
MATCH (d:Deal {id: r.deal})
MERGE (doc:Document {id: r.doc})
  ON CREATE SET doc.name = r.doc + '.txt', doc.title = 'Synthetic article ' + r.doc,
                doc.url = 'https://example.com/synthetic/' + r.doc, doc.ingestedAt = datetime()
CREATE (c:Claim {id: r.id, type: r.type, amount: d.amount, currency: d.currency, amountUsd: d.amountUsd,
                 qualifier: d.qualifier, cumulative: false, date: d.date, status: d.status,
                 evidence: r.evidence, start: 0, end: size(r.evidence)})
CREATE (c)-[:SUPPORTS]->(d)
CREATE (c)-[:SOURCED_FROM]->(doc);

// 8. The pairs' INVESTS_IN edges and 9. COMMITS_SPEND_TO edges, with their totals and keys.
// :param rows => [{from: 'co-0', to: 'co-9', props: {pair: 'INVESTS_IN|co-0|Company|co-9', totalUsd: 40000000, deals: 1, undisclosed: 0, firstDate: '2024-03', lastDate: '2024-03', rankFrom: 'co-0 9999999959999999 co-9', rankTo: 'co-9 9999999959999999 co-0'}}]
UNWIND $rows AS r
MATCH (f:Company {id: r.from})
MATCH (t:Company {id: r.to})
CREATE (f)-[e:INVESTS_IN]->(t)
SET e = r.props;

UNWIND $rows AS r
MATCH (f:Company {id: r.from})
MATCH (t:Cloud {id: r.to})
CREATE (f)-[e:COMMITS_SPEND_TO]->(t)
SET e = r.props;
