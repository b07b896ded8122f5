"""The SPARQL 1.1 Protocol over HTTP: reading requests and answering them with the engine."""
