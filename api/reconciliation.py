"""What both versions of the Reconciliation Service API share: query building, types,
candidates' kinds, entity suggestions, previews and extension values."""

from __future__ import annotations

import re
from html import escape
from typing import Any

from fastapi.responses import HTMLResponse
from pydantic import BaseModel

from graph.namespaces import ID
from graph.read import lookup
from graph.read.lookup import local_id
from graph.read.reconcile import TYPES, MatchQuery, extend, is_known_constraint
from graph.read.search import LabelIndex
from graph.store import Store

ENTITY_PROPERTIES = ("province", "located_in")
PREVIEW = {"width": 400, "height": 160}
MAX_LIMIT = 50


def values_of(v: Any) -> list[str]:
    """A property value (string, number, entity object or a list of those) as strings."""
    if isinstance(v, list):
        return [s for item in v for s in values_of(item)]
    if isinstance(v, dict):
        return [str(v.get("id", v.get("name", "")))]
    return [str(v).lower() if isinstance(v, bool) else str(v)]


def match_query(
    text: str, kinds: list[str], constraints: list[tuple[str, Any]], limit: int | None
) -> MatchQuery:
    """A library query from a version's fields; unknown types and properties are ignored."""
    return MatchQuery(
        text=text,
        kinds=frozenset(k for k in kinds if k in TYPES),
        constraints=tuple(
            (pid, s) for pid, v in constraints if is_known_constraint(pid) for s in values_of(v)
        ),
        limit=min(max(limit or 5, 1), MAX_LIMIT),
    )


def type_object(kind: str) -> dict[str, str]:
    """A type as {id, name}."""
    return {"id": kind, "name": TYPES.get(kind, kind)}


def entity_suggestions(index: LabelIndex, prefix: str, kind: str | None) -> list[dict[str, Any]]:
    """Entities whose names start with (or nearly match) the prefix."""
    kinds = frozenset({kind}) if kind in TYPES else frozenset()
    hits = index.search(prefix, kinds, limit=10) if prefix.strip() else []
    return [
        {
            "id": local_id(h.iri),
            "name": h.label,
            "description": TYPES.get(h.kind, h.kind),
            "notable": [type_object(h.kind)],
        }
        for h in hits
    ]


def preview_html(store: Store, id_: str) -> HTMLResponse:
    """A small HTML card of an entity for an iframe."""
    e = lookup.entity(store, str(ID[id_]))
    names = [n for n in (e.labels.zh, e.labels.en, e.labels.pinyin) if n] or [id_]
    where = ", ".join(r.label or r.id for r in e.located_in)
    body = (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(id_)}</title></head>"
        "<body style='font-family:sans-serif;margin:.5rem'>"
        f"<strong>{escape(names[0])}</strong>"
        f"<div>{'<br>'.join(escape(n) for n in names[1:])}</div>"
        f"<div style='color:#666'>{escape(TYPES.get(e.kind, e.kind))}"
        f"{' · ' + escape(where) if where else ''} · {escape(', '.join(e.codes))}</div>"
        f"<a href='/id/{escape(id_)}' target='_blank'>{escape(id_)}</a></body></html>"
    )
    return HTMLResponse(body)


def extension_value(pid: str, value: str, store: Store) -> dict[str, Any]:
    """One extension value: an entity {id, name}, an {int} or a {str}."""
    if pid in ENTITY_PROPERTIES:
        return {"id": value, "name": lookup.label(store, str(ID[value])) or value}
    if pid == "designations":
        return {"int": int(value)}
    return {"str": value}


def extension(store: Store, ids: list[str], pids: list[str]) -> dict[str, dict[str, list[Any]]]:
    """Extension values per id and property, shaped as the spec's value objects."""
    raw = extend(store, [i for i in ids if _is_id(i)], pids)
    return {
        i: {p: [extension_value(p, v, store) for v in raw.get(i, {}).get(p, [])] for p in pids}
        for i in ids
    }


def _is_id(id_: str) -> bool:
    return bool(re.match(r"^[a-z]+/[A-Za-z0-9-]{1,100}$", id_))


class ExtendRequest(BaseModel):
    """A data extension request: entity ids and the properties to fetch."""

    ids: list[str]
    properties: list[dict[str, Any]]
