// The text of every document, beside its node, for re-extraction: one (:DocumentText) per document, linked by
// HAS_TEXT. A document the graph held without one (ingested before texts were kept) gets it when it comes again.
// The text is not on the Document node so that Browser's property panel and exports stay small.
// :param texts => [{id: 'sha256-of-text', text: 'Amazon invests another $4 billion in Anthropic...', chars: 48}]
UNWIND $texts AS t
MATCH (d:Document {id: t.id})
WHERE NOT (d)-[:HAS_TEXT]->(:DocumentText)
CREATE (d)-[:HAS_TEXT]->(:DocumentText {text: t.text, chars: t.chars})
