"""Draft records from extractions: what resolves to reference data becomes a designation of an
unreviewed, machine-extracted record; what does not is listed in the file's header comment for
a person to complete. A draft never overwrites an existing file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from graph.build import catalogue
from graph.build.parsing import dump_yaml, parse_model
from graph.build.records import MAX_QUOTE_WORDS, Record, quote_words
from graph.build.seeds import Seeds, check_record, read_seeds
from graph.extract.designation import DraftDesignation, Extraction, Quote
from graph.extract.reading import ExtractError
from graph.files import write_new
from graph.namespaces import ID

CAVEAT = "Drafted by the extractor from the article text; every value needs a person's review."
HEADER = "# Draft record written by `designations ingest`: machine-extracted, unreviewed."


def slugify(text: str) -> str:
    """A record slug from a file name: lower case ASCII words joined by hyphens."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-")
    return slug or "article"


def _ref(iri: str | None) -> str | None:
    return None if iri is None else iri.removeprefix(str(ID))


def _evidence(quotes: list[Quote]) -> list[dict[str, Any]]:
    clipped = [_clipped(q) for q in quotes if q.text.strip()]
    return [{"quote": q.text, "start": q.start, "end": q.end} for q in clipped]


def _clipped(q: Quote) -> Quote:
    """A quote cut to its first 25 words (records quote no more), ending at a word's end."""
    if quote_words(q.text) <= MAX_QUOTE_WORDS:
        return q
    lo, hi = 1, len(q.text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        lo, hi = (mid, hi) if quote_words(q.text[:mid]) <= MAX_QUOTE_WORDS else (lo, mid - 1)
    text = q.text[:lo]
    if q.text[lo : lo + 1].isalnum() and q.text[lo].isascii() and " " in text:
        text = text.rsplit(" ", 1)[0]
    text = text.rstrip(" ,;:-—–，、；：")
    return Quote(q.start, q.start + len(text), text)


def _date(d: DraftDesignation, published: str | None) -> dict[str, Any] | None:
    if d.date is None:
        return None
    out: dict[str, Any] = {"value": d.date, "basis": d.date_basis}
    if d.date_basis != "stated":
        out["note"] = f"Resolved by the extractor ({d.date_basis}; published {published})."
    return out


def _missing(d: DraftDesignation) -> list[str]:
    missing = []
    if d.designee.iri is None:
        missing.append("designee")
    if not d.designated_by or any(i.iri is None for i in d.designated_by):
        missing.append("designated_by")
    if d.program is None or d.program.iri is None:
        missing.append("program")
    if d.designation_type is None:
        missing.append("designation_type")
    return missing


def _designation(d: DraftDesignation, key: str, published: str | None) -> dict[str, Any]:
    issuers = " and ".join(i.label for i in d.designated_by)
    program = d.program.label if d.program else ""
    batch = None if d.batch is None else _ref(d.batch.iri)
    out = {
        "key": key,
        "designee": _ref(d.designee.iri),
        "designated_by": [_ref(i.iri) for i in d.designated_by],
        "program": str(_ref(d.program.iri if d.program else None)).removeprefix("program/"),
        "designation_type": d.designation_type,
        "batch": None if batch is None else batch.removeprefix("batch/"),
        "level": d.level or "national",
        "announced": _date(d, published),
        "verification": "unverified",
        "statement": f"{issuers} designated {d.designee.label} under {program} "
        "(machine-extracted).",
        "evidence": _evidence(list(d.evidence)),
    }
    return {k: v for k, v in out.items() if v is not None}


def _claims(d: DraftDesignation, key: str, text: str) -> list[Any]:
    out = []
    for c in d.claims:
        region = c.region or (None if d.region is None else d.region.code)
        if c.kind in ("only-in-region", "first-in-region") and region is None:
            continue
        claim: dict[str, Any] = {"kind": c.kind, "about": key}
        if c.kind in ("only-in-region", "first-in-region"):
            claim.update(region=f"adm/{region}", region_level="province")
        if c.kind == "count":
            claim["count"] = c.count
        claim["statement"] = (
            f"The article makes a claim ({c.kind}) about {d.designee.label} (machine-extracted)."
        )
        claim["evidence"] = _evidence([Quote(c.start, c.end, text[c.start : c.end])])
        out.append(claim)
    return out


def draft(
    ext: Extraction, text: str, slug: str, outlet: str, text_file: str
) -> tuple[dict[str, Any], list[str]]:
    """The record data of an extraction, and notes on designations left for a person."""
    published = ext.document.published
    designations, claims, notes, keys = [], [], [], set()
    for d in ext.designations:
        missing = _missing(d)
        if missing:
            notes.append(_note(d, missing))
            continue
        key = slugify(str(_ref(d.designee.iri)))
        while key in keys:
            key = f"{key}-x"
        keys.add(key)
        designations.append(_designation(d, key, published))
        claims += _claims(d, key, text)
    return _record(ext, slug, outlet, text_file, designations, claims), notes + ext.notes


def _note(d: DraftDesignation, missing: list[str]) -> str:
    issuers = ", ".join(i.label for i in d.designated_by)
    program = None if d.program is None else d.program.label
    return (
        f"not included, {', '.join(missing)} not in the reference data: "
        f"{d.designee.label} / {issuers} / {program} (evidence at {d.evidence[0].start})"
    )


def _record(
    ext: Extraction,
    slug: str,
    outlet: str,
    text_file: str,
    designations: list[Any],
    claims: list[Any],
) -> dict[str, Any]:
    published = ext.document.published
    document: dict[str, Any] = {
        "slug": slug,
        "title": ext.document.title or slug,
        "kind": "news-article",
        "outlet": outlet,
        "language": ext.document.language,
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


def catalogue_batches(seeds_dir: Path, seeds: Seeds, record: dict[str, Any]) -> list[str]:
    """Give a designation of a zone the catalogue lists under the same program the catalogue's
    batch, as the build requires (so that both support one designation); a note for each."""
    loaded = catalogue.read_catalogue(seeds_dir / "reference")
    batches = {} if loaded is None else catalogue.listed(loaded, seeds.reference)
    notes = []
    for d in record["designations"]:
        found = (d["designee"], d["program"], d["designation_type"])
        if found in batches and batches[found] != d.get("batch"):
            d.pop("batch", None)
            d.update({} if batches[found] is None else {"batch": batches[found]})
            notes.append(
                f"{d['key']}: batch {batches[found]}, the catalogue's list of {d['designee']} "
                f"under {d['program']}"
            )
    return notes


def draft_problems(seeds_dir: Path, seeds: Seeds, path: Path, record: Record) -> list[str]:
    """What the build would refuse in a draft at path: references that do not resolve,
    evidence that does not select its quote, a batch other than the catalogue's."""
    problems = check_record(seeds, path, record)
    loaded = catalogue.read_catalogue(seeds_dir / "reference")
    if loaded is not None:
        problems += catalogue.unmerged(loaded, seeds.reference, {path: record})
    return problems


def write_draft(
    seeds_dir: Path, slug: str, text: str, record: dict[str, Any], notes: list[str]
) -> Path:
    """Validate a draft against the seeds and write it with its text; never overwrite."""
    path = seeds_dir / "records" / f"{slug}.yaml"
    text_path = seeds_dir / "texts" / f"{slug}.txt"
    for target in (path, text_path):
        if target.exists() and not _left_by_a_killed_ingest(target, text, path):
            raise ExtractError(f"{target}: already exists; not overwritten (choose another --slug)")
    seeds = read_seeds(seeds_dir)
    notes = notes + catalogue_batches(seeds_dir, seeds, record)
    model = parse_model(Record, record, path)
    fresh = not text_path.exists()
    if fresh:
        write_new(text_path, text)
    problems = draft_problems(seeds_dir, seeds, path, model)
    if problems:
        if fresh:
            text_path.unlink()
        raise ExtractError("\n".join(problems))
    header = [HEADER, *(f"# {n}" for n in notes)]
    write_new(path, "\n".join(header) + "\n" + dump_yaml(record))  # last: the record makes it
    return path


def _left_by_a_killed_ingest(target: Path, text: str, record: Path) -> bool:
    """Whether target is the article text an ingest killed before writing its record left:
    the same text, and no record yet. It is used again rather than refused."""
    if target.suffix != ".txt" or record.exists():
        return False
    return target.read_bytes() == text.encode("utf-8")
