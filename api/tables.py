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
from typing import Any

SEPARATOR = "; "


def _is_link(value: object) -> bool:
    return isinstance(value, dict) and "id" in value and "label" in value


def _cells(key: str, value: Any) -> dict[str, str]:
    if value is None:
        return {key: ""}
    if _is_link(value):
        return {key: value["id"], f"{key}_label": value["label"] or ""}
    if isinstance(value, dict):
        return {f"{key}_{k}": v for k, v in flatten(value).items()}
    if isinstance(value, list) and value and all(_is_link(v) for v in value):
        labels = SEPARATOR.join(v["label"] or "" for v in value)
        return {key: SEPARATOR.join(v["id"] for v in value), f"{key}_label": labels}
    if isinstance(value, list) and any(isinstance(v, dict | list) for v in value):
        return {key: json.dumps(value, ensure_ascii=False)}
    if isinstance(value, list):
        return {key: SEPARATOR.join(str(v) for v in value)}
    return {key: str(value)}


def flatten(item: dict[str, Any]) -> dict[str, str]:
    """One JSON item as named text cells."""
    out: dict[str, str] = {}
    for key, value in item.items():
        out |= _cells(key, value)
    return out


def to_csv(items: list[dict[str, Any]]) -> str:
    """Items as CSV with a header row: the columns of every item, in first-seen order."""
    rows = [flatten(item) for item in items]
    columns = list(dict.fromkeys(c for row in rows for c in row))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, restval="", lineterminator="\r\n")
    if columns:
        writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
