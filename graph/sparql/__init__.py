"""The SPARQL endpoint's engine: worker processes with time limits, row caps, result writers,
the service description, and the checks a client's text passes before it runs."""

from graph.sparql.description import Features, service_description
from graph.sparql.jobs import Dataset, Job, Outcome
from graph.sparql.operations import refuse_remote, with_using
from graph.sparql.pool import WorkerPool

__all__ = [
    "Dataset",
    "Features",
    "Job",
    "Outcome",
    "WorkerPool",
    "refuse_remote",
    "service_description",
    "with_using",
]
