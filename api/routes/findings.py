"""Findings: only-in-region, first-in-region and reported-vs-computed verdicts."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from api.deps import PagingDep, StoreDep
from api.errors import ERROR_RESPONSES
from api.routing import ApiRoute
from graph.iris import id_pattern
from graph.read.findings import FindingFilter, finding_total, findings
from graph.read.lookup import resolve
from graph.read.views import Finding, Page

router = APIRouter(
    prefix="/api/findings", tags=["findings"], responses=ERROR_RESPONSES, route_class=ApiRoute
)
Kind = Literal["only-in-region", "first-in-region", "claim-verdict"]
Basis = Literal["reported", "computed"]


@router.get("")
def list_findings(
    store: StoreDep,
    paging: PagingDep,
    kind: Annotated[Kind | None, Query(description="Kind of finding.")] = None,
    basis: Annotated[Basis | None, Query(description="Reported by a source or computed.")] = None,
    region: Annotated[
        str | None,
        Query(
            pattern=id_pattern("region"),
            description="Findings about a region inside this one (adm/150000 or 150000).",
        ),
    ] = None,
    designation: Annotated[
        str | None,
        Query(
            pattern=id_pattern("designation"),
            description="Findings about a designation (designation/… or its hash).",
        ),
    ] = None,
) -> Page[Finding]:
    """Findings in a stable order, each with what it is about and the claims behind it."""
    flt = FindingFilter(
        kind=kind,
        basis=basis,
        region=resolve(store, region, "region"),
        designation=resolve(store, designation, "designation"),
    )
    items = findings(store, flt, paging.offset, paging.limit)
    return paging.page(items, finding_total(store, flt))
