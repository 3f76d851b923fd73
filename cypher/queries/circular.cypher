// Circular flows: an investor's money coming back to it. Investor O invests in X (directly, or through a chain of
// further INVESTS_IN hops), and X commits spend to a cloud O operates, or to O itself, or uses a chip O makes:
// Amazon -> Anthropic -> Amazon Web Services (operated by Amazon). Each leg comes with the totals of its direct
// edge. The length of a cycle is its number of money legs (INVESTS_IN and COMMITS_SPEND_TO or USES edges); the
// OPERATES / MAKES hop that closes it is ownership, not money, and is not counted.
//
// Built to run over the whole graph: it starts from the comparatively few COMMITS_SPEND_TO and USES edges, reads
// only the direct edges (never the Deal nodes), and walks the chain backwards from X, whose investors are few,
// rather than forwards from O, a hub that may fund thousands. Each longer length is one more fixed hop. Whether O
// funds the first company of the chain is one seek in the invests_in_pair index (the key of the edge O -> company,
// graph/Keys.pair), not a walk through the company's relationships: tens of thousands of candidates ask it. This is
// the one reader that spells a key out, since the pair is known only here; the circular tests fail if it and
// Keys.pair ever disagree.
//
// Order: shortest cycles first, then the largest amount that can have gone all the way round (the smallest leg).
// Each length is its own branch, sorted on its own, and the branches are read in turn only as far as the page
// needs: a first page of 2-leg cycles never pays for enumerating the far more numerous 4-leg ones.
//
// Parameters (paste the :param lines into Neo4j Browser first, without the leading //):
//   maxLength  longest cycle to report, in money legs: 2, 3 or 4
//   offset     how many cycles to skip (paging)
//   limit      how many cycles to return
// :param maxLength => 4
// :param offset => 0
// :param limit => 50
CALL () {
  CALL () {
    MATCH (x:Company)-[back:COMMITS_SPEND_TO]->(via:Cloud)<-[:OPERATES]-(o:Company)
    RETURN x, back, via, o, 'OPERATES' AS closing
    UNION ALL
    MATCH (x:Company)-[back:COMMITS_SPEND_TO]->(o:Company)
    RETURN x, back, null AS via, o, null AS closing
    UNION ALL
    MATCH (x:Company)-[back:USES]->(via:Chip)<-[:MAKES]-(o:Company)
    RETURN x, back, via, o, 'MAKES' AS closing
  }
  WITH x, back, via, o, closing WHERE x <> o
  CALL (o, x) {
    MATCH ()-[i1:INVESTS_IN]->() WHERE i1.pair = 'INVESTS_IN|' + o.id + '|Company|' + x.id
    RETURN i1
  }
  WITH o, x, via, closing, [i1, back] AS legs
  WITH o, x, via, closing, legs, reduce(m = null, l IN legs | CASE WHEN l.totalUsd IS NULL THEN m WHEN m IS NULL OR l.totalUsd < m THEN l.totalUsd ELSE m END) AS circularUsd
  ORDER BY coalesce(circularUsd, -1) DESC, o.id, x.id, via.id
  RETURN o, x, via, closing, legs, circularUsd
  UNION ALL
  CALL () {
    MATCH (x:Company)-[back:COMMITS_SPEND_TO]->(via:Cloud)<-[:OPERATES]-(o:Company)
    RETURN x, back, via, o, 'OPERATES' AS closing
    UNION ALL
    MATCH (x:Company)-[back:COMMITS_SPEND_TO]->(o:Company)
    RETURN x, back, null AS via, o, null AS closing
    UNION ALL
    MATCH (x:Company)-[back:USES]->(via:Chip)<-[:MAKES]-(o:Company)
    RETURN x, back, via, o, 'MAKES' AS closing
  }
  WITH x, back, via, o, closing WHERE x <> o AND $maxLength >= 3
  MATCH (m1:Company)-[i2:INVESTS_IN]->(x) WHERE m1 <> o
  WITH x, back, via, o, closing, m1, i2
  CALL (o, m1) {
    MATCH ()-[i1:INVESTS_IN]->() WHERE i1.pair = 'INVESTS_IN|' + o.id + '|Company|' + m1.id
    RETURN i1
  }
  WITH o, x, via, closing, [i1, i2, back] AS legs
  WITH o, x, via, closing, legs, reduce(m = null, l IN legs | CASE WHEN l.totalUsd IS NULL THEN m WHEN m IS NULL OR l.totalUsd < m THEN l.totalUsd ELSE m END) AS circularUsd
  ORDER BY coalesce(circularUsd, -1) DESC, o.id, x.id, via.id, [l IN legs | startNode(l).id]
  RETURN o, x, via, closing, legs, circularUsd
  UNION ALL
  CALL () {
    MATCH (x:Company)-[back:COMMITS_SPEND_TO]->(via:Cloud)<-[:OPERATES]-(o:Company)
    RETURN x, back, via, o, 'OPERATES' AS closing
    UNION ALL
    MATCH (x:Company)-[back:COMMITS_SPEND_TO]->(o:Company)
    RETURN x, back, null AS via, o, null AS closing
    UNION ALL
    MATCH (x:Company)-[back:USES]->(via:Chip)<-[:MAKES]-(o:Company)
    RETURN x, back, via, o, 'MAKES' AS closing
  }
  WITH x, back, via, o, closing WHERE x <> o AND $maxLength >= 4
  MATCH (m2:Company)-[i3:INVESTS_IN]->(x) WHERE m2 <> o
  WITH x, back, via, o, closing, m2, i3
  MATCH (m1:Company)-[i2:INVESTS_IN]->(m2) WHERE m1 <> o AND m1 <> x
  WITH x, back, via, o, closing, m1, i2, i3
  CALL (o, m1) {
    MATCH ()-[i1:INVESTS_IN]->() WHERE i1.pair = 'INVESTS_IN|' + o.id + '|Company|' + m1.id
    RETURN i1
  }
  WITH o, x, via, closing, [i1, i2, i3, back] AS legs
  WITH o, x, via, closing, legs, reduce(m = null, l IN legs | CASE WHEN l.totalUsd IS NULL THEN m WHEN m IS NULL OR l.totalUsd < m THEN l.totalUsd ELSE m END) AS circularUsd
  ORDER BY coalesce(circularUsd, -1) DESC, o.id, x.id, via.id, [l IN legs | startNode(l).id]
  RETURN o, x, via, closing, legs, circularUsd
}
// No ORDER BY here: each branch is already in order, and sorting again would make every length be computed.
WITH o, x, via, closing, legs, circularUsd
SKIP $offset LIMIT $limit
RETURN o {.id, .name} AS investor, x {.id, .name} AS investee,
       via {.id, .name, type: CASE WHEN via:Cloud THEN 'Cloud' ELSE 'Chip' END} AS via, closing,
       size(legs) AS length, circularUsd,
       [l IN legs | {from: {id: startNode(l).id, name: startNode(l).name}, to: {id: endNode(l).id, name: endNode(l).name}, type: type(l),
                     totalUsd: l.totalUsd, deals: l.deals, undisclosed: l.undisclosed,
                     firstDate: l.firstDate, lastDate: l.lastDate}] AS legs
