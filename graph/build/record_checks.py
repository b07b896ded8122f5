"""Cross-checks of one record against the reference data and its document's text: references
that must resolve, batches that must belong to their program, evidence that must be found.

They read a record as plain data (a validated Record's model_dump(), or the raw YAML of one
that did not validate), so that a record with a malformed field is still checked for
everything else in the same run: every problem of a record is reported at once, never one fix
at a time. Values of the wrong type are skipped here; validation reports them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAX_TEXT_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Known:
    """What the reference data defines, for the checks."""

    entities: set[str]  # every entity reference that resolves ("zone/…", "adm/…", "org/…")
    unplaced: set[str]  # organisations with no place, which cannot be designees
    batches: dict[str, set[str]]  # the batch slugs of each program slug


def _items(data: Mapping[str, Any], key: str) -> Iterator[tuple[int, Mapping[str, Any]]]:
    values = data.get(key)
    if isinstance(values, list):
        yield from ((i, v) for i, v in enumerate(values) if isinstance(v, Mapping))


def _text(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    return value if isinstance(value, str) else None


def check_record(refs: Known, path: Path, data: Mapping[str, Any]) -> list[str]:
    """Problems in one record: references that do not resolve and evidence that does not
    match, one line each."""
    known, programs = refs.entities, refs.batches
    problems: list[str] = []

    def need(field: str, value: str | None) -> None:
        if value is not None and value not in known:
            problems.append(f"{path}: {field}: unknown {value.split('/')[0]} {value}")

    doc = data.get("document")
    doc = doc if isinstance(doc, Mapping) else {}
    need("document.outlet", _text(doc, "outlet"))
    for i, cited in _items(doc, "cites"):
        need(f"document.cites.{i}.outlet", _text(cited, "outlet"))
    for i, d in _items(data, "designations"):
        at, designee = f"designations.{i}", _text(d, "designee")
        need(f"{at}.designee", designee)
        if designee in refs.unplaced:
            problems.append(f"{path}: {at}.designee: {designee} has no located_in to place it")
        issuers = d.get("designated_by")
        for j, org in enumerate(issuers if isinstance(issuers, list) else []):
            need(f"{at}.designated_by.{j}", org if isinstance(org, str) else None)
        program, batch = _text(d, "program"), _text(d, "batch")
        if program is not None and program not in programs:
            problems.append(f"{path}: {at}.program: unknown program {program}")
        elif program is not None and batch and batch not in programs[program]:
            problems.append(f"{path}: {at}.batch: {batch} is not a batch of {program}")
    for i, c in _items(data, "claims"):
        need(f"claims.{i}.region", _text(c, "region"))
    return problems + check_evidence(path, data)


def _text_of(path: Path, doc: Mapping[str, Any]) -> tuple[Path, str] | None:
    name = _text(doc, "text_file")
    if name is None:
        return None
    text_path = (path.parent / name).resolve()
    if not text_path.is_file():
        return None
    return text_path, read_document_text(path, text_path)


def read_document_text(record: Path, text_path: Path) -> str:
    """A record's document text; ValueError naming the record when it is too large or not
    UTF-8."""
    if text_path.stat().st_size > MAX_TEXT_BYTES:
        raise ValueError(f"{record}: document.text_file: larger than {MAX_TEXT_BYTES} bytes")
    try:
        return text_path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"{record}: document.text_file: not UTF-8 (bad byte at offset {exc.start})"
        ) from None


def _spans(data: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    for key in ("designations", "claims"):
        for i, item in _items(data, key):
            for j, ev in _items(item, "evidence"):
                yield f"{key}.{i}.evidence.{j}", ev


def check_evidence(path: Path, data: Mapping[str, Any]) -> list[str]:
    """Evidence offsets must select the quote exactly in the document text, when it is at hand."""
    doc = data.get("document")
    try:
        found = _text_of(path, doc) if isinstance(doc, Mapping) else None
    except ValueError as exc:
        return [str(exc)]
    if found is None:
        return []
    text_path, text = found
    problems = []
    for field, ev in _spans(data):
        quote, start, end = _text(ev, "quote"), ev.get("start"), ev.get("end")
        if quote is None:
            continue
        if not (isinstance(start, int) and isinstance(end, int)):
            if quote not in text:
                problems.append(f"{path}: {field}.quote: not found in {text_path.name}")
        elif text[start:end] != quote:
            problems.append(
                f"{path}: {field}: offsets {start}-{end} select {text[start:end]!r}, not the quote"
            )
    return problems
