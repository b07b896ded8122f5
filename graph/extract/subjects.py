"""Designees that have no word ending their names: companies listed with one that has
("Jiangsu Hengli Hydraulic Co., Nanjing-based Sumec Corporation and Changzhou Xingyu
Automotive Lighting Systems"), and names that are the subject of a designation verb
("Weichai Power was named …", "宁德时代、比亚迪入选…")."""

from __future__ import annotations

import re

from graph.extract.candidate import Candidate
from graph.extract.gazetteer import Gazetteer
from graph.extract.patterns import EN_NOT_SUBJECT, EN_SUBJECT, ZH_NOT_SUBJECT, ZH_SUBJECT

_EN_PARTS = re.compile(r",? and |, ")
_KINDS = ("org", "zone", "cluster")


_COORDINATED = re.compile(
    r"(?:,? and |, )(?:the )?(?:[A-Z][a-z]+-based )?"
    r"([A-Z][\w&'’.-]*(?: (?:[A-Z][\w&'’.-]*|of|&))*)"
)


def coordinated(raw: str, found: list[Candidate], hi: int, gaz: Gazetteer) -> list[Candidate]:
    """Companies listed with a company found by its legal suffix ("Jiangsu Hengli Hydraulic
    Co., Nanjing-based Sumec Corporation and Changzhou Xingyu Automotive Lighting Systems"):
    the names after it in the same list, with or without a suffix."""
    out: list[Candidate] = []
    orgs = [c for c in found if c.kind == "organization" and raw[c.start : c.end].isascii()]
    taken = [(c.start, c.end) for c in found]
    for c in orgs:
        at = c.end
        while (m := _COORDINATED.match(raw, at, hi)) is not None:
            a, b = m.span(1)
            if any(x < b and a < y for x, y in taken):
                at = max(y for x, y in taken if x < b and a < y)
                continue
            entry = gaz.fuzzy(raw[a:b], ("org",))
            out.append(Candidate(a, b, "organization", entry))
            taken.append((a, b))
            at = b
    return out


def _en_names(raw: str, a: int, b: int) -> list[tuple[int, int]]:
    """The names of a subject list ("A, B and C"), each capitalised and not a pronoun."""
    out, at = [], a
    for part in [*_EN_PARTS.split(raw[a:b])]:
        start = raw.find(part, at, b)
        at = start + len(part)
        words = part.split()
        if words and words[0].lower() not in EN_NOT_SUBJECT and len(words) <= 8:
            out.append((start, start + len(part)))
    return out


def _zh_names(norm: str, a: int, b: int) -> list[tuple[int, int]]:
    """The names of a subject list ("甲、乙"), each of 2 to 12 characters and no phrase."""
    out, at = [], a
    for part in norm[a:b].split("、"):
        if 2 <= len(part) <= 12 and not ZH_NOT_SUBJECT.intersection(part):
            out.append((at, at + len(part)))
        at += len(part) + 1
    return out


def subject_candidates(
    norm: str, raw: str, lo: int, hi: int, gaz: Gazetteer, lang: str
) -> list[Candidate]:
    """Names that are the subject of a designation verb, each as an organisation unless the
    reference data says what it is."""
    pattern, names = (ZH_SUBJECT, _zh_names) if lang == "zh" else (EN_SUBJECT, _en_names)
    text = norm if lang == "zh" else raw
    out = []
    for m in pattern.finditer(text, lo, hi):
        for a, b in names(text, *m.span(1)):
            entry = gaz.fuzzy(raw[a:b], _KINDS)
            out.append(
                Candidate(a, b, "organization" if entry is None else _kind(entry.kind), entry)
            )
    return out


def _kind(kind: str) -> str:
    return {"org": "organization", "zone": "zone", "cluster": "cluster"}.get(kind, "organization")
