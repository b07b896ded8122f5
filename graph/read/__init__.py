"""Reading the graph for people and tools: lookups, descriptions, designations,
search, reconciliation, statistics and the views they return, remembered per store."""
