"""Findings: only-in-region, first-in-region and reported-vs-computed verdicts."""

from __future__ import annotations

from typing import Annotated, Literal

import pyoxigraph as ox
from fastapi import APIRouter, Query

from api.deps import PagingDep, StoreDep
from api.errors import ERROR_RESPONSES
from graph import iris
from graph.namespaces import ID
from graph.read.designations import findings
from graph.read.views import Finding, Page

router = APIRouter(prefix="/api/findings", tags=["findings"], responses=ERROR_RESPONSES)
Kind = Literal["only-in-region", "first-in-region", "claim-verdict"]
Basis = Literal["reported", "computed"]


@router.get("")
def list_findings(
    store: StoreDep,
    paging: PagingDep,
    kind: Annotated[Kind | None, Query(description="Kind of finding.")] = None,
    basis: Annotated[Basis | None, Query(description="Reported by a source or computed.")] = None,
    region: Annotated[
        str | None, Query(pattern=r"^[0-9]{6}$", description="GB/T 2260 code of the region.")
    ] = None,
    designation: Annotated[
        str | None, Query(pattern=r"^[0-9a-f]{12}$", description="Designation hash.")
    ] = None,
) -> Page[Finding]:
    """Findings in a stable order, each with what it is about and the claims behind it."""
    filters = {
        "region": ox.NamedNode(str(iris.division(region))) if region else None,
        "designation": ox.NamedNode(str(ID[f"designation/{designation}"])) if designation else None,
    }
    page = findings(store, paging.offset, paging.limit + 1, kind, basis, **filters)
    return paging.page(page)
