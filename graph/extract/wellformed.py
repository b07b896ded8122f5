"""Well-formed designee names: brackets balanced, the name starting and ending at a name
boundary (not inside a phrase: "的…", "…和", "and …"), and not a fragment of a program's name
("济创新发展试验区" of "国家数字经济创新发展试验区"). A name that fails is repaired from the
text around it or from the gazetteer, else dropped with a note."""

from __future__ import annotations

from dataclasses import replace

from graph.extract.candidate import Candidate
from graph.extract.gazetteer import Gazetteer

Span = tuple[int, int]
OPENING = {"(": ")", "（": "）", "《": "》", "[": "]", "【": "】", "“": "”", "「": "」"}
CLOSING = {v: k for k, v in OPENING.items()}
ZH_BAD_START = frozenset("的和与及等、，,个家座所了为在对向是将由被把之")
ZH_BAD_END = frozenset("的和与及等、，,之")
ZH_BAD_OPENING = ("关于", "推动", "其中", "以及")
EN_BAD_EDGE = frozenset(
    [
        "and",
        "or",
        "of",
        "the",
        "for",
        "in",
        "on",
        "at",
        "with",
        "by",
        "to",
        "from",
        "as",
        "its",
        "their",
    ]
)
_KINDS = {"zone": ("zone",), "cluster": ("cluster",)}


def unmatched(text: str) -> list[int]:
    """Offsets of brackets in text that have no partner."""
    stack: list[int] = []
    loose: list[int] = []
    for i, c in enumerate(text):
        if c in OPENING:
            stack.append(i)
        elif c in CLOSING:
            if stack and OPENING[text[stack[-1]]] == c:
                stack.pop()
            else:
                loose.append(i)
    return sorted(loose + stack)


def problems(label: str) -> list[str]:
    """Why a designee name is not well formed (empty when it is)."""
    name = label.strip()
    out = []
    if unmatched(name):
        out.append("unbalanced brackets")
    if len(name) < 2:
        return [*out, "too short"]
    words = name.split()
    if name.isascii():
        if words[0].lower() in EN_BAD_EDGE or not (name[0].isupper() or name[0].isdigit()):
            out.append("does not start at a name")
        if words[-1].lower() in EN_BAD_EDGE or name[-1] in ",;:-":
            out.append("does not end at a name")
        return out
    if name[0] in ZH_BAD_START or name.startswith(ZH_BAD_OPENING):
        out.append("does not start at a name")
    if name[-1] in ZH_BAD_END:
        out.append("does not end at a name")
    return out


def _fragment(cand: Candidate, programs: list[tuple[Span, str]]) -> str | None:
    """The program name a candidate lies inside, when it does."""
    for (a, b), label in programs:
        if a <= cand.start and cand.end <= b and (a, b) != (cand.start, cand.end):
            return label
    return None


def _closed(raw: str, cand: Candidate) -> Candidate:
    """The candidate with an unclosed bracket closed by the text after it (within 30
    characters), or a stray closing bracket at its start cut off."""
    text = raw[cand.start : cand.end]
    loose = unmatched(text)
    if not loose:
        return cand
    at = loose[0]
    if text[at] in OPENING:
        close = raw.find(OPENING[text[at]], cand.end, cand.end + 30)
        if close != -1 and not unmatched(raw[cand.start : close + 1]):
            return replace(cand, end=close + 1)
        return replace(cand, end=cand.start + len(text[:at].rstrip()))
    rest = text[at + 1 :]
    skip = len(rest) - len(rest.lstrip(" ,、，和与及").removeprefix("and ").lstrip())
    return replace(cand, start=cand.start + at + 1 + skip)


def _trimmed(raw: str, cand: Candidate) -> Candidate:
    """The candidate without words at its edges that cannot start or end a name."""
    start, end = cand.start, cand.end
    while start < end and raw[start] in ZH_BAD_START:
        start += 1
    while end > start and raw[end - 1] in ZH_BAD_END:
        end -= 1
    words = raw[start:end].split(" ")
    while len(words) > 1 and words[0].lower() in EN_BAD_EDGE:
        start += len(words.pop(0)) + 1
    return replace(cand, start=start, end=end)


def _repaired(raw: str, cand: Candidate, gaz: Gazetteer) -> Candidate | None:
    """A well-formed version of a candidate: from the text around it, else the gazetteer's
    name of the entry its words resolve to."""
    if cand.label is None:
        fixed = _trimmed(raw, _closed(raw, cand))
        if fixed.end > fixed.start and not problems(raw[fixed.start : fixed.end]):
            return fixed
    label = cand.label or raw[cand.start : cand.end]
    entry = gaz.fuzzy(label, _KINDS.get(cand.kind, ("org", "zone", "cluster")))
    if entry is None:
        return None
    name = entry.en if label.isascii() else entry.zh
    return replace(cand, entry=entry, label=name) if not problems(name) else None


def screen(
    raw: str, cands: list[Candidate], programs: list[tuple[Span, str]], gaz: Gazetteer
) -> tuple[list[Candidate], list[str]]:
    """The candidates whose names are well formed, repaired where they can be, and a note
    for each one repaired or dropped."""
    kept, notes = [], []
    for cand in cands:
        label = cand.label or raw[cand.start : cand.end]
        inside = _fragment(cand, programs)
        if inside is not None:
            notes.append(f"dropped {label!r} at {cand.start}: part of the program name {inside!r}")
            continue
        found = problems(label)
        if not found:
            kept.append(cand)
            continue
        fixed = _repaired(raw, cand, gaz)
        if fixed is None:
            notes.append(f"dropped {label!r} at {cand.start}: {', '.join(found)}")
            continue
        new = fixed.label or raw[fixed.start : fixed.end]
        notes.append(f"repaired {label!r} at {cand.start} to {new!r}: {', '.join(found)}")
        kept.append(fixed)
    return kept, notes
