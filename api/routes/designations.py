"""Designations, filtered by program, issuer, designee, region, level, status and dates."""

from __future__ import annotations

from typing import Annotated, Literal

import pyoxigraph as ox
from fastapi import APIRouter, Path, Query

from api.deps import PagingDep, StoreDep
from api.errors import ERROR_RESPONSES
from graph import iris
from graph.namespaces import ID, concept
from graph.read.designations import DesignationFilter, designation, designations
from graph.read.views import Designation, Page

router = APIRouter(prefix="/api/designations", tags=["designations"], responses=ERROR_RESPONSES)
SLUG = r"^[a-z0-9][a-z0-9-]{0,99}$"
DATE = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
Level = Literal["national", "provincial", "municipal"]
Status = Literal["confirmed-primary", "corroborated", "unverified", "disputed", "retracted"]


def _node(iri: object) -> ox.NamedNode | None:
    return ox.NamedNode(str(iri)) if iri is not None else None


def _bound(date: str | None, low: bool) -> ox.Literal | None:
    """A partial date widened to the first (low) or last day it covers."""
    if date is None:
        return None
    tail = ("-01", "-01") if low else ("-12", "-31")
    full = date + "".join(tail[(len(date) - 4) // 3 :])
    return ox.Literal(full)


@router.get("")
def list_designations(
    store: StoreDep,
    paging: PagingDep,
    program: Annotated[str | None, Query(pattern=SLUG, description="Program slug.")] = None,
    issuer: Annotated[str | None, Query(pattern=SLUG, description="Issuing org slug.")] = None,
    designee: Annotated[
        str | None,
        Query(pattern=r"^(zone|org|cluster|adm)/[a-z0-9-]{1,100}$", description="Designee id."),
    ] = None,
    region: Annotated[
        str | None, Query(pattern=r"^[0-9]{6}$", description="GB/T 2260 code; any level.")
    ] = None,
    level: Annotated[Level | None, Query(description="Designation level.")] = None,
    status: Annotated[Status | None, Query(description="Verification status.")] = None,
    date_from: Annotated[str | None, Query(alias="from", pattern=DATE)] = None,
    date_to: Annotated[str | None, Query(alias="to", pattern=DATE)] = None,
) -> Page[Designation]:
    """Designations in a stable order (the same for the same data). `region` takes everything
    inside it (a province includes its cities, counties and their zones); `from`/`to` (YYYY,
    YYYY-MM or YYYY-MM-DD) overlap the announcement date, else the decision date, else the
    start of validity."""
    flt = DesignationFilter(
        program=_node(iris.program(program)) if program else None,
        issuer=_node(iris.entity(f"org/{issuer}")) if issuer else None,
        designee=_node(iris.entity(designee)) if designee else None,
        region=_node(iris.division(region)) if region else None,
        level=_node(concept("designation-level", level)) if level else None,
        status=_node(concept("verification-status", status)) if status else None,
        date_from=_bound(date_from, low=True),
        date_to=_bound(date_to, low=False),
    )
    return paging.page(designations(store, flt, paging.offset, paging.limit + 1))


@router.get("/{key}")
def get_designation(
    store: StoreDep,
    key: Annotated[str, Path(pattern=r"^[0-9a-f]{12}$", description="The designation's hash.")],
) -> Designation:
    """One designation with its parties, dates, status and sources with their evidence."""
    return designation(store, str(ID[f"designation/{key}"]))
