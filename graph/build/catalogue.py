"""The GB/T 37028-2018 catalogue of development zones as ordinary seeds: its zones become
reference zones and its listings one source record.

seeds/reference/catalogue.yaml describes the standard (the document, read from a transcription)
and maps each zone type to the program and batch it lists members of; the zones themselves are
rows of seeds/reference/gbt37028-2018.tsv. A zone we already hold (zones.yaml with the same
`gbt37028` code) is that zone, not a second one; a record stating the same designation must name
the same batch, so that the catalogue's claim and the record's support one designation.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import StringConstraints

from graph.build.divisions import Division
from graph.build.parsing import parse_model, read_yaml
from graph.build.records import (
    Designation,
    Document,
    Evidence,
    Level,
    Record,
    Slug,
    Strict,
    Verification,
)
from graph.build.reference import LocationBasis, Names, Organisation, Program, Reference, Zone
from graph.build.tables import read_table
from graph.build.zone_names import Namer, place_words, read_terms
from graph.errors import RecordError

CATALOGUE_FILE = "catalogue.yaml"
COLUMNS = (
    "code",
    "type",
    "name_zh",
    "short_zh",
    "located_in",
    "located_basis",
    "name_en",
    "name_en_source",
    "note",
)
LOCATION: dict[str, LocationBasis] = {
    "transcription": "transcription",
    "name": "name-match",
    "province": "province-only",
    "curated": "curated",
}


class CatalogueType(Strict):
    """A zone type of the catalogue and the program and batch its zones are listed in (none for
    a residual type with no single approving authority)."""

    code: Annotated[str, StringConstraints(pattern=r"^[12][0-9]{2}$")]
    program: Slug | None = None
    batch: Slug | None = None
    level: Level


class Catalogue(Strict):
    """The catalogue's document, its table of zones and its types."""

    document: Document
    table: str
    verification: Verification = "unverified"
    types: list[CatalogueType]


@dataclass(frozen=True)
class Listing:
    """One zone of the catalogue, as its table row gives it."""

    line: int
    code: str
    type: str
    zh: str
    short: str
    located_in: str
    basis: str
    en: str
    en_source: str
    note: str

    @property
    def province(self) -> str:
        """The province-level code the catalogue lists the zone under."""
        return self.code[:2] + "0000"


@dataclass(frozen=True)
class Loaded:
    """The catalogue read from a reference folder: its description, rows and file paths."""

    catalogue: Catalogue
    rows: list[Listing]
    path: Path
    table: Path


def read_catalogue(folder: Path) -> Loaded | None:
    """The catalogue of a reference folder, or None when it has none."""
    path = folder / CATALOGUE_FILE
    if not path.exists():
        return None
    catalogue = parse_model(Catalogue, read_yaml(path), path)
    table = path.parent / catalogue.table
    problems: list[str] = []
    rows = []
    for n, row in read_table(table, COLUMNS):
        listing = Listing(n, *(row[c] for c in COLUMNS))
        if listing.code[2:5] != listing.type or listing.basis not in LOCATION:
            problems.append(f"{table}: line {n}: code, type or located_basis is not valid")
        rows.append(listing)
    if problems:
        raise RecordError(problems)
    return Loaded(catalogue, rows, path, table)


def slug_of(code: str) -> str:
    """The slug a catalogue zone we do not curate gets: its code."""
    return f"gbt37028-{code}"


def zone_slugs(loaded: Loaded, ref: Reference) -> dict[str, str]:
    """The slug of each catalogue zone: the curated zone's when we hold it, else its code's."""
    held = {z.gbt37028: z.slug for z in ref.zones if z.gbt37028}
    return {row.code: held.get(row.code, slug_of(row.code)) for row in loaded.rows}


def zones(loaded: Loaded, ref: Reference, divisions: list[Division], folder: Path) -> list[Zone]:
    """The reference zones with the catalogue's zones added: curated zones keep their names and
    place, and gain the catalogue's name as an alternative; the others get names generated
    unless a source gives an English one."""
    by_code = {z.gbt37028: z for z in ref.zones if z.gbt37028}
    namer = Namer(read_terms(folder), place_words(divisions))
    merged = {z.slug: z for z in ref.zones}
    for row in loaded.rows:
        held = by_code.get(row.code)
        if held is None:
            merged[slug_of(row.code)] = _new_zone(row, namer)
        else:
            merged[held.slug] = _merged_zone(held, row)
    return list(merged.values())


def _new_zone(row: Listing, namer: Namer) -> Zone:
    # The transcription's two short names (园区, 高新区) only make sense in their city: they
    # stay in the table and are not labels.
    generated = namer.name(row.zh)
    return Zone(
        slug=slug_of(row.code),
        names=Names(
            zh=row.zh,
            en=row.en or generated.en,
            pinyin=generated.pinyin,
        ),
        located_in=f"adm/{row.located_in}",
        gbt37028=row.code,
        sources=[row.en_source] if row.en_source else [],
        note=row.note or None,
        label_basis="seen-in-source" if row.en else "generated",
        location_basis=LOCATION[row.basis],
    )


def _merged_zone(zone: Zone, row: Listing) -> Zone:
    names = zone.names
    alt_zh = [*names.alt_zh, *([row.zh] if row.zh not in (names.zh, *names.alt_zh) else [])]
    alt_en = [
        *names.alt_en,
        *([row.en] if row.en and row.en not in (names.en, *names.alt_en) else []),
    ]
    sources = [
        *zone.sources,
        *([row.en_source] if row.en_source not in ("", *zone.sources) else []),
    ]
    update = {"names": names.model_copy(update={"alt_zh": alt_zh, "alt_en": alt_en})}
    return zone.model_copy(update={**update, "sources": sources})


def record(loaded: Loaded, ref: Reference, zone_slugs: dict[str, str]) -> Record:
    """The catalogue as one source record: a designation per zone of a type that has a program,
    with the zone's listed name as its evidence."""
    programs = {p.slug: p for p in ref.programs}
    types = {t.code: t for t in loaded.catalogue.types}
    governments = _governments(ref.organisations)
    designations = []
    for row in loaded.rows:
        kind = types.get(row.type)
        if kind is None or kind.program is None:
            continue
        program = programs[kind.program]
        designations.append(
            Designation(
                key=f"z{row.code}",
                designee=f"zone/{zone_slugs[row.code]}",
                designated_by=_issuers(kind, program, governments, row),
                program=program.slug,
                designation_type=program.designation_type or "regional-pilot",
                batch=kind.batch,
                level=kind.level,
                statement=f"GB/T 37028-2018 lists the zone as {row.code} (type {row.type}).",
                evidence=[Evidence(quote=row.zh)],
            )
        )
    cat = loaded.catalogue
    return Record(document=cat.document, verification=cat.verification, designations=designations)


def _governments(orgs: list[Organisation]) -> dict[str, str]:
    """The government organisation of each province, by its adm/ reference."""
    return {o.located_in: f"org/{o.slug}" for o in orgs if o.kind == "government" and o.located_in}


def _issuers(
    kind: CatalogueType, program: Program, governments: dict[str, str], row: Listing
) -> list[str]:
    """Who approves a zone of the type: the program's issuers for a national type, the
    government of the zone's province for a provincial one."""
    if kind.level == "national":
        return list(program.issuers)
    found = governments.get(f"adm/{row.province}")
    return [found] if found else list(program.issuers)


def problems(
    loaded: Loaded, ref: Reference, records: dict[Path, Record], places: set[str]
) -> Iterator[str]:
    """Catalogue types that name unknown programs or batches, catalogue batches whose member
    count differs from the table, zones in unknown divisions, provinces without a government,
    and record designations of a catalogue zone under another batch (they would not merge with
    the catalogue's)."""
    at = f"{loaded.path}"
    programs = {p.slug: p for p in ref.programs}
    counts: dict[str, int] = {}
    for row in loaded.rows:
        counts[row.type] = counts.get(row.type, 0) + 1
    for i, kind in enumerate(loaded.catalogue.types):
        program = programs.get(kind.program or "")
        if kind.program and program is None:
            yield f"{at}: types.{i}.program: unknown program {kind.program}"
            continue
        batches = {b.slug: b for b in program.batches} if program else {}
        batch = batches.get(kind.batch or "")
        if kind.batch and batch is None:
            yield f"{at}: types.{i}.batch: {kind.batch} is not a batch of {kind.program}"
        elif (
            batch
            and batch.source == loaded.catalogue.document.url
            and batch.member_count != counts.get(kind.code, 0)
        ):
            yield (
                f"{at}: types.{i}.batch: {kind.batch} says {batch.member_count} members, "
                f"the table lists {counts.get(kind.code, 0)}"
            )
    governments = _governments(ref.organisations)
    national = {t.code for t in loaded.catalogue.types if t.level == "national"}
    for row in loaded.rows:
        if row.type not in national and f"adm/{row.province}" not in governments:
            yield f"{loaded.table}: line {row.line}: no government organisation for {row.province}"
        if f"adm/{row.located_in}" not in places:
            yield f"{loaded.table}: line {row.line}: located_in: unknown division {row.located_in}"
    yield from unmerged(loaded, ref, records)


def listed(loaded: Loaded, ref: Reference) -> dict[tuple[str, str, str | None], str | None]:
    """The catalogue's batch of each (designee, program, designation type) it lists: a record
    stating one of them names that batch."""
    programs = {p.slug: p for p in ref.programs}
    kinds = {t.code: t for t in loaded.catalogue.types if t.program in programs}
    slugs = zone_slugs(loaded, ref)
    return {
        (
            f"zone/{slugs[row.code]}",
            kind.program,
            programs[kind.program].designation_type,
        ): kind.batch
        for row in loaded.rows
        if (kind := kinds.get(row.type)) is not None and kind.program is not None
    }


def unmerged(loaded: Loaded, ref: Reference, records: dict[Path, Record]) -> Iterator[str]:
    """Record designations of a catalogue zone under another batch than the catalogue's."""
    batches = listed(loaded, ref)
    for path, r in records.items():
        for i, d in enumerate(r.designations):
            batch = batches.get((d.designee, d.program, d.designation_type), d.batch)
            if batch != d.batch:
                yield (
                    f"{path}: designations.{i}.batch: the catalogue lists {d.designee} under "
                    f"{d.program} in batch {batch}; name that batch so the two merge"
                )
