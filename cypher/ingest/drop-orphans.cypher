// Re-extraction, once a batch is written: the companies, clouds and chips its documents' earlier claims and deals
// named that nothing refers to any more.
// :param entities => [{label: 'Company', id: 'acme-robotics'}]
UNWIND $entities AS e
CALL (e) {
  MATCH (n:Company {id: e.id}) WHERE e.label = 'Company' RETURN n
  UNION
  MATCH (n:Cloud {id: e.id}) WHERE e.label = 'Cloud' RETURN n
  UNION
  MATCH (n:Chip {id: e.id}) WHERE e.label = 'Chip' RETURN n
}
WITH n WHERE NOT (n)--()
DELETE n
