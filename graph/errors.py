"""The library's exception hierarchy."""

from __future__ import annotations


class DesignationsError(Exception):
    """Base class of every error the library raises on purpose."""


class RecordError(DesignationsError):
    """Raised when seed records or reference data do not validate; carries one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


class ShapeViolation(DesignationsError):
    """Raised when a built graph does not conform to the SHACL shapes or the ontology lint."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


class QueryError(DesignationsError):
    """Raised when a SPARQL query or update cannot be parsed or evaluated."""


class StoreError(DesignationsError):
    """Raised when a store directory is missing, locked or not an Oxigraph store."""


class LoadError(DesignationsError):
    """Raised when an RDF file cannot be read or parsed for bulk loading."""


class NotFound(DesignationsError):
    """Raised when an entity, graph or resource asked for does not exist."""


class NotAcceptable(DesignationsError):
    """Raised when none of the formats a client accepts can carry the answer."""


class Forbidden(DesignationsError):
    """Raised when the settings do not allow an operation (an update without the token,
    SERVICE or LOAD while remote access is off)."""


class QueryTimeout(DesignationsError):
    """Raised when a query or update runs past its time limit and is stopped."""


class ServiceBusy(DesignationsError):
    """Raised when no query worker becomes free in time, or a worker died under a job."""


class TooLarge(DesignationsError):
    """Raised when a request body is larger than the configured cap."""


class UnsupportedMediaType(DesignationsError):
    """Raised when a request body comes in a format the operation does not take."""


class ProtocolError(QueryError):
    """Raised when a SPARQL protocol request is malformed: parameters, media type, encoding."""


class ExportError(DesignationsError):
    """Raised when an export asks for an unknown format, view or language, or lacks a
    parameter its view needs."""


class InvalidReference(DesignationsError):
    """Raised when an identifier given as a filter or option is not of the kind asked for, or
    a bare slug names more than one entity."""


class InvalidParameters(DesignationsError):
    """Raised when parameters contradict each other (a range that ends before it starts) or do
    not apply to what was asked for."""
