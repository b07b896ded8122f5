"""Pure mapping from validated seeds to RDF quads in the named graphs of the design."""

from graph.mapping.records import map_record
from graph.mapping.reference import map_reference
from graph.mapping.terms import Quad

__all__ = ["Quad", "map_record", "map_reference"]
