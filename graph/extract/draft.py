"""Draft records from extractions: what resolves to reference data becomes a designation of an
unreviewed, machine-extracted record; what does not is listed in the file's header comment for
a person to complete. A draft never overwrites an existing file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from graph.build.parsing import parse_model
from graph.build.records import MAX_QUOTE_WORDS, Record, quote_words
from graph.build.seeds import check_record, read_seeds
from graph.extract.assemble import Extraction
from graph.extract.claims import Claim
from graph.extract.reading import ExtractError
from graph.namespaces import ID

CAVEAT = "Drafted by the extractor from the article text; every value needs a person's review."


def slugify(text: str) -> str:
    """A record slug from a file name: lower case ASCII words joined by hyphens."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-")
    return slug or "article"


def _ref(iri: str | None) -> str | None:
    return None if iri is None else iri.removeprefix(str(ID))


def _evidence(spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"quote": e["text"], "start": e["start"], "end": e["end"]}
        for e in spans
        if e["text"].strip() and quote_words(e["text"]) <= MAX_QUOTE_WORDS
    ]


def _date(value: dict[str, Any], published: str | None) -> dict[str, Any] | None:
    if value["date"] is None:
        return None
    out: dict[str, Any] = {"value": value["date"], "basis": value["date_basis"]}
    if value["date_basis"] != "stated":
        out["note"] = f"Resolved by the extractor ({value['date_basis']}; published {published})."
    return out


def _missing(value: dict[str, Any]) -> list[str]:
    missing = []
    if value["designee"]["iri"] is None:
        missing.append("designee")
    if not value["designated_by"] or any(i["iri"] is None for i in value["designated_by"]):
        missing.append("designated_by")
    if value["program"] is None or value["program"]["iri"] is None:
        missing.append("program")
    if value["designation_type"] is None:
        missing.append("designation_type")
    return missing


def _designation(value: dict[str, Any], key: str, published: str | None) -> dict[str, Any]:
    issuers = " and ".join(i["label"] for i in value["designated_by"])
    out = {
        "key": key,
        "designee": _ref(value["designee"]["iri"]),
        "designated_by": [_ref(i["iri"]) for i in value["designated_by"]],
        "program": str(_ref(value["program"]["iri"])).removeprefix("program/"),
        "designation_type": value["designation_type"],
        "level": value["level"] or "national",
        "announced": _date(value, published),
        "verification": "unverified",
        "statement": f"{issuers} designated {value['designee']['label']} "
        f"under {value['program']['label']} (machine-extracted).",
        "evidence": _evidence(value["evidence"]),
    }
    return {k: v for k, v in out.items() if v is not None}


def _claims(value: dict[str, Any], key: str, claims: list[Claim], text: str) -> list[Any]:
    out = []
    for c in claims:
        region = c.region or (value["region"] or {}).get("code")
        if c.kind in ("only-in-region", "first-in-region") and region is None:
            continue
        claim: dict[str, Any] = {"kind": c.kind, "about": key}
        if c.kind in ("only-in-region", "first-in-region"):
            claim.update(region=f"adm/{region}", region_level="province")
        if c.kind == "count":
            claim["count"] = c.count
        quote = {"text": text[c.start : c.end], "start": c.start, "end": c.end}
        claim["statement"] = (
            f"The article makes a claim ({c.kind}) about {value['designee']['label']} "
            "(machine-extracted)."
        )
        claim["evidence"] = _evidence([quote])
        out.append(claim)
    return out


def draft(
    ext: Extraction, text: str, slug: str, outlet: str, text_file: str
) -> tuple[dict[str, Any], list[str]]:
    """The record data of an extraction, and notes on designations left for a person."""
    published = ext.document["published"]
    designations, claims, notes, keys = [], [], [], set()
    for value, found in zip(ext.designations, ext.claims, strict=True):
        missing = _missing(value)
        if missing:
            notes.append(_note(value, missing))
            continue
        key = slugify(str(_ref(value["designee"]["iri"])))
        while key in keys:
            key = f"{key}-x"
        keys.add(key)
        designations.append(_designation(value, key, published))
        claims += _claims(value, key, found, text)
    return _record(ext, slug, outlet, text_file, designations, claims), notes


def _note(value: dict[str, Any], missing: list[str]) -> str:
    issuers = ", ".join(i["label"] for i in value["designated_by"])
    return (
        f"not included, {', '.join(missing)} not in the reference data: "
        f"{value['designee']['label']} / {issuers} / {(value['program'] or {}).get('label')} "
        f"(evidence at {value['evidence'][0]['start']})"
    )


def _record(
    ext: Extraction,
    slug: str,
    outlet: str,
    text_file: str,
    designations: list[Any],
    claims: list[Any],
) -> dict[str, Any]:
    published = ext.document["published"]
    document: dict[str, Any] = {
        "slug": slug,
        "title": ext.document["title"] or slug,
        "kind": "news-article",
        "outlet": outlet,
        "language": ext.document["language"],
        "caveats": [{"kind": "machine-extracted", "note": CAVEAT}],
        "text_file": text_file,
    }
    if published:
        document["published"] = {"value": published, "basis": "stated"}
    return {
        "document": document,
        "verification": "unverified",
        "review": "unreviewed",
        "designations": designations,
        "claims": claims,
    }


def outlet_in(text: str, gaz_outlets: list[tuple[str, str]]) -> str | None:
    """The first outlet of the reference data that the text names, as an "org/…" reference."""
    hits = [(text.find(name), ref) for name, ref in gaz_outlets if name in text]
    return min(hits)[1] if hits else None


def write_draft(
    seeds_dir: Path, slug: str, text: str, record: dict[str, Any], notes: list[str]
) -> Path:
    """Validate a draft against the seeds and write it with its text; never overwrite."""
    path = seeds_dir / "records" / f"{slug}.yaml"
    text_path = seeds_dir / "texts" / f"{slug}.txt"
    for target in (path, text_path):
        if target.exists():
            raise ExtractError(f"{target}: already exists; not overwritten (choose another --slug)")
    model = parse_model(Record, record, path)
    seeds = read_seeds(seeds_dir)
    text_path.parent.mkdir(parents=True, exist_ok=True)
    text_path.write_text(text, encoding="utf-8", newline="")
    problems = check_record(seeds, path, model)
    if problems:
        text_path.unlink()
        raise ExtractError("\n".join(problems))
    header = ["# Draft record written by `designations ingest`: machine-extracted, unreviewed."]
    header += [f"# {n}" for n in notes]
    body = yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=100)
    with path.open("x", encoding="utf-8") as out:
        out.write("\n".join(header) + "\n" + body)
    return path
