// Which of a batch's documents the graph already holds: the same text (content hash) or the same URL.
// :param documents => [{id: 'sha256-of-text', url: 'https://example.com/news/amazon-anthropic'}]
UNWIND $documents AS doc
OPTIONAL MATCH (byHash:Document {id: doc.id})
OPTIONAL MATCH (byUrl:Document {url: doc.url})
WITH doc, coalesce(byHash, byUrl) AS found
WHERE found IS NOT NULL
RETURN doc.id AS id, found.id AS existing, found.id = doc.id AS sameText
