// Every entity; with a deal type, a time window or a day the graph is as of, only the parties of deals that match
// (as of a day: deals some source had reported by then).
MATCH (e)
WHERE (e:Company OR e:Cloud OR e:Chip)
  AND (($type IS NULL AND $from IS NULL AND $to IS NULL AND $asOf IS NULL)
       OR EXISTS {
         MATCH (e)-[:MADE|TO]-(d:Deal)
         WHERE ($type IS NULL OR d.type = $type)
           AND ($asOf IS NULL OR d.firstReported <= $asOf)
           AND ($from IS NULL OR (d.date IS NOT NULL AND left(d.date, size($from)) >= $from))
           AND ($to IS NULL OR (d.date IS NOT NULL AND left(d.date, size($to)) <= $to))
       })
WITH collect(e) AS ents
