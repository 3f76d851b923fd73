// Re-extraction runs. A run is recorded by one (:__Reextraction) node while it lasts, so that an interrupted run
// resumes where it stopped (documents it has read carry its id in extraction) and ordinary ingest waits for it.

// 1. The run in progress, or a new one.
// :param run => 'reextract-2026-12-06T08:00:00Z'
MERGE (m:__Reextraction {id: 'current'})
ON CREATE SET m.run = $run, m.started = datetime()
RETURN m.run AS run, toString(m.started) AS started;

// 2. How many documents the graph holds without their text (ingested before texts were kept): a run cannot read them.
MATCH (d:Document)
WHERE NOT (d)-[:HAS_TEXT]->(:DocumentText)
RETURN count(d) AS missing;

// 3. The documents the run has still to read, in the order they entered the graph.
MATCH (d:Document)
WHERE d.extraction IS NULL OR d.extraction <> $run
RETURN d.id AS id
ORDER BY d.ingestedAt, coalesce(d.position, 0), d.name, d.id;

// 4. Some of them, whole, to be read again.
// :param ids => ['sha256-of-text']
UNWIND $ids AS id
MATCH (d:Document {id: id})-[:HAS_TEXT]->(t:DocumentText)
RETURN d.id AS id, d.name AS name, d.url AS url, d.title AS title, d.published AS published,
       toString(date(d.ingestedAt)) AS received, t.text AS text;

// 5. The run is over.
MATCH (m:__Reextraction)
DELETE m;

// 6. Whether a run is in progress (ordinary ingest waits for it to end).
OPTIONAL MATCH (m:__Reextraction)
RETURN m.run AS run;
