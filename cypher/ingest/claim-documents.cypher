// Claims the documents a batch is about to write, before anything else of the batch is written: the node of each
// is created now, in id order. Two writers with the same document meet here: the unique key on Document.id makes the
// second one's MERGE wait for the first to commit and then find its node, so it is told "not created" and reports a
// duplicate instead of writing the document's claims a second time (and failing on their unique ids).
// The marker property never outlives the statement: it only tells a node this transaction created from one it found.
// :param documents => [{id: 'sha256', url: null, title: 'Amazon invests another $4 billion', published: '2024-11-22', name: '004.txt', chars: 5120, position: 0, extraction: null}]
UNWIND $documents AS doc
MERGE (d:Document {id: doc.id})
ON CREATE SET d = doc, d.ingestedAt = datetime(), d.__claimed = true
WITH doc, d, d.__claimed IS NOT NULL AS created
REMOVE d.__claimed
RETURN doc.id AS id, created
