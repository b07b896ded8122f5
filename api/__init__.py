"""China Designations Graph: the adapters (HTTP service and command line) over the library."""
