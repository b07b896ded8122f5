"""Liveness."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from api.deps import StoreDep
from graph.read.stats import quad_count

router = APIRouter(tags=["health"])


class Health(BaseModel):
    """The service is up and its store is readable."""

    status: str
    quads: int


@router.get("/healthz")
def healthz(store: StoreDep) -> Health:
    """Report that the service is up, with the number of quads it serves."""
    return Health(status="ok", quads=quad_count(store))
