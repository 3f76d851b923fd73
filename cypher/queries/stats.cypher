// How big the graph is: nodes per label, relationships per type (both read from Neo4j's count store, so this
// stays instant on a large graph), documents ingested and when the last one was.
//
// Parameters: none.
RETURN {
         Company: COUNT { (:Company) }, Cloud: COUNT { (:Cloud) }, Chip: COUNT { (:Chip) },
         Deal: COUNT { (:Deal) }, Investment: COUNT { (:Investment) }, SpendCommitment: COUNT { (:SpendCommitment) },
         Claim: COUNT { (:Claim) }, Document: COUNT { (:Document) }
       } AS labels,
       {
         INVESTS_IN: COUNT { ()-[:INVESTS_IN]->() }, COMMITS_SPEND_TO: COUNT { ()-[:COMMITS_SPEND_TO]->() },
         OPERATES: COUNT { ()-[:OPERATES]->() }, MAKES: COUNT { ()-[:MAKES]->() }, USES: COUNT { ()-[:USES]->() },
         MADE: COUNT { ()-[:MADE]->() }, TO: COUNT { ()-[:TO]->() }, TRANCHE_OF: COUNT { ()-[:TRANCHE_OF]->() },
         SUPPORTS: COUNT { ()-[:SUPPORTS]->() }, SOURCED_FROM: COUNT { ()-[:SOURCED_FROM]->() },
         SUBJECT: COUNT { ()-[:SUBJECT]->() }, OBJECT: COUNT { ()-[:OBJECT]->() }
       } AS relationships,
       COUNT { (:Document) } AS documents,
       COLLECT { MATCH (doc:Document) WHERE doc.ingestedAt IS NOT NULL RETURN doc.ingestedAt ORDER BY doc.ingestedAt DESC LIMIT 1 }[0] AS lastIngest
