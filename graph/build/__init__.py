"""Building the graph: seeds and reference data read and validated, mapped to quads,
checked (SHACL, ontology lint) and swapped into the store."""
