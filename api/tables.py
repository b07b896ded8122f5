"""Pages as CSV: each item one row, nested values flattened into plain columns.

A link to another entity becomes two columns, its id and its label (`designee`,
`designee_label`); a list of links, ids and labels each joined with "; "; labels per language
become `labels_en`, `labels_zh`, ...; a list of anything richer (sources with their evidence)
stays whole as JSON text in one cell.

>>> flatten({"designee": {"iri": "x", "id": "zone/a", "label": "A"},
...          "designated_by": [{"iri": "y", "id": "org/b", "label": "B"}], "level": None})
... # doctest: +NORMALIZE_WHITESPACE
{'designee': 'zone/a', 'designee_label': 'A', 'designated_by': 'org/b',
 'designated_by_label': 'B', 'level': ''}
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, get_args

from pydantic import BaseModel

from graph.read.views import Ref

SEPARATOR = "; "


def _is_link(value: object) -> bool:
    return isinstance(value, dict) and "id" in value and "label" in value


def _cells(key: str, value: Any, links: frozenset[str]) -> dict[str, str]:
    if value is None or (value == [] and key in links):
        return {key: "", f"{key}_label": ""} if key in links else {key: ""}
    if _is_link(value):
        return {key: value["id"], f"{key}_label": value["label"] or ""}
    if isinstance(value, dict):
        return {f"{key}_{k}": v for k, v in flatten(value, frozenset()).items()}
    if isinstance(value, list) and value and all(_is_link(v) for v in value):
        labels = SEPARATOR.join(v["label"] or "" for v in value)
        return {key: SEPARATOR.join(v["id"] for v in value), f"{key}_label": labels}
    if isinstance(value, list) and any(isinstance(v, dict | list) for v in value):
        return {key: json.dumps(value, ensure_ascii=False)}
    if isinstance(value, list):
        return {key: SEPARATOR.join(str(v) for v in value)}
    return {key: str(value)}


def flatten(item: dict[str, Any], links: frozenset[str] = frozenset()) -> dict[str, str]:
    """One JSON item as named text cells; `links` names the fields that hold links (so an
    empty one still gets its label column)."""
    out: dict[str, str] = {}
    for key, value in item.items():
        out |= _cells(key, value, links)
    return out


def link_fields(model: type[BaseModel]) -> frozenset[str]:
    """The fields of a model that hold a link (Ref) or a list of links."""
    return frozenset(
        name
        for name, info in model.model_fields.items()
        if any(arg is Ref for arg in _args(info.annotation))
    )


def _args(annotation: Any) -> list[Any]:
    found = [annotation]
    for arg in get_args(annotation):
        found += _args(arg)
    return found


def to_csv(items: list[dict[str, Any]], links: frozenset[str] = frozenset()) -> str:
    """Items as CSV with a header row: the columns of every item, in first-seen order."""
    rows = [flatten(item, links) for item in items]
    columns = list(dict.fromkeys(c for row in rows for c in row))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, restval="", lineterminator="\r\n")
    if columns:
        writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
