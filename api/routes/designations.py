"""Designations, filtered by program, issuer, designee, region, name, level, status and dates,
with facet counts."""

from __future__ import annotations

from typing import Annotated, Literal

import pyoxigraph as ox
from fastapi import APIRouter, Path, Query

from api.deps import PagingDep, StoreDep
from api.errors import ERROR_RESPONSES
from api.routing import ApiRoute
from graph.iris import id_pattern
from graph.namespaces import ID, concept
from graph.read.designations import (
    DesignationFilter,
    designation,
    designation_total,
    designations,
)
from graph.read.facets import facets as facet_counts
from graph.read.lookup import resolve
from graph.read.views import Designation, DesignationPage

router = APIRouter(
    prefix="/api/designations",
    tags=["designations"],
    responses=ERROR_RESPONSES,
    route_class=ApiRoute,
)
DATE = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
Level = Literal["national", "provincial", "municipal"]
Status = Literal["confirmed-primary", "corroborated", "unverified", "disputed", "retracted"]
FacetName = Literal["province", "program", "issuer", "level", "status", "year"]


def _bound(date: str | None, low: bool) -> ox.Literal | None:
    """A partial date widened to the first (low) or last day it covers."""
    if date is None:
        return None
    tail = ("-01", "-01") if low else ("-12", "-31")
    full = date + "".join(tail[(len(date) - 4) // 3 :])
    return ox.Literal(full)


def _concept(scheme: str, slug: str | None) -> ox.NamedNode | None:
    return ox.NamedNode(concept(scheme, slug)) if slug else None


def _ref(kind: str, example: str, what: str) -> object:
    return Query(pattern=id_pattern(kind), description=f"{what}: its id ({example}) or slug.")


@router.get("")
def list_designations(
    store: StoreDep,
    paging: PagingDep,
    program: Annotated[str | None, _ref("program", "program/…", "Program")] = None,
    issuer: Annotated[str | None, _ref("issuer", "org/miit", "Issuing organisation")] = None,
    designee: Annotated[
        str | None,
        Query(
            pattern=id_pattern("designee"),
            description="Designee: its id (zone/…, org/…, cluster/…, adm/…), or a bare slug "
            "or code when only one entity has it.",
        ),
    ] = None,
    region: Annotated[
        str | None,
        Query(
            pattern=id_pattern("region"),
            description="Region: adm/150000 or the bare GB/T 2260 code, any level.",
        ),
    ] = None,
    name: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=200,
            description="Part of the designee's name in any language (Chinese, pinyin with or "
            "without tones, English, short names).",
        ),
    ] = None,
    level: Annotated[Level | None, Query(description="Designation level.")] = None,
    status: Annotated[Status | None, Query(description="Verification status.")] = None,
    date_from: Annotated[str | None, Query(alias="from", pattern=DATE)] = None,
    date_to: Annotated[str | None, Query(alias="to", pattern=DATE)] = None,
    facets: Annotated[
        list[FacetName] | None,
        Query(description="Count the matches by these (repeat the parameter for several)."),
    ] = None,
) -> DesignationPage:
    """Designations in a stable order (the same for the same data), with the total and, when
    asked, facet counts over every match. `region` takes what is in it by the one rule: the
    region itself, whatever lies in it at any depth, and organisations located in one of those;
    `from`/`to` (YYYY, YYYY-MM or YYYY-MM-DD) overlap the announcement date, else the decision
    date, else the start of validity (`from` after `to` is a 422). Every filter takes the `id`
    the API returns, or the bare code or slug."""
    flt = DesignationFilter(
        program=resolve(store, program, "program"),
        issuer=resolve(store, issuer, "issuer"),
        designee=resolve(store, designee, "designee"),
        region=resolve(store, region, "region"),
        level=_concept("designation-level", level),
        status=_concept("verification-status", status),
        date_from=_bound(date_from, low=True),
        date_to=_bound(date_to, low=False),
        name=name,
    )
    items = designations(store, flt, paging.offset, paging.limit)
    counts = facet_counts(store, flt, dict.fromkeys(facets or ()))
    total = designation_total(store, flt)
    return DesignationPage(items=items, facets=counts, **paging.links(total))


@router.get("/{key}")
def get_designation(
    store: StoreDep,
    key: Annotated[str, Path(pattern=r"^[0-9a-f]{12}$", description="The designation's hash.")],
) -> Designation:
    """One designation with its parties, dates, status and sources with their evidence."""
    return designation(store, str(ID[f"designation/{key}"]))
