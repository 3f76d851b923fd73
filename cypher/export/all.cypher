// Every entity; with a deal type or a time window, only the parties of deals that match.
MATCH (e)
WHERE (e:Company OR e:Cloud OR e:Chip)
  AND (($type IS NULL AND $from IS NULL AND $to IS NULL)
       OR EXISTS {
         MATCH (e)-[:MADE|TO]-(d:Deal)
         WHERE ($type IS NULL OR d.type = $type)
           AND ($from IS NULL OR (d.date IS NOT NULL AND left(d.date, size($from)) >= $from))
           AND ($to IS NULL OR (d.date IS NOT NULL AND left(d.date, size($to)) <= $to))
       })
WITH collect(e) AS ents
