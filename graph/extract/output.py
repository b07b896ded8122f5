"""One designation as the JSON output describes it: designee, region, claims, evidence."""

from __future__ import annotations

from collections import Counter

from graph.extract.candidate import Candidate
from graph.extract.dates import DateMention
from graph.extract.designation import Designee, Named, Quote, Region
from graph.extract.gazetteer import Gazetteer, Mention, iri_of
from graph.extract.issuers import Issuer
from graph.extract.programs import ProgramHit
from graph.extract.text import clip, quote_words

Span = tuple[int, int]


def region_code(
    cand: Candidate,
    norm: str,
    raw: str,
    gaz: Gazetteer,
    sentence: list[Mention],
    fallback: str | None,
) -> str | None:
    """The province a designee lies in: its reference entry, a place in its name, a place
    in its sentence, or the province the article is mostly about."""
    if cand.entry is not None and cand.entry.province:
        return cand.entry.province
    inside = [m for m in gaz.scan(norm, raw, cand.start, cand.end) if m.entry.kind == "division"]
    if inside:
        return inside[0].entry.province
    places = [m for m in sentence if m.entry.kind == "division"]
    if places:
        nearest = min(places, key=lambda m: abs(m.start - cand.start))
        return nearest.entry.province
    return fallback


def main_province(mentions: list[Mention], title: Span | None) -> str | None:
    """The province the body of an article names most often, when one leads."""
    body = [m for m in mentions if title is None or m.start >= title[1]]
    provinces = Counter(m.entry.province for m in body if m.entry.kind == "division")
    top = provinces.most_common(2)
    if top and (len(top) == 1 or top[0][1] > top[1][1]):
        return top[0][0]
    return None


def program_value(program: ProgramHit | None) -> Named | None:
    """The program of a designation."""
    if program is None:
        return None
    return Named(program.label, None if program.entry is None else iri_of(program.entry.ref))


def region_value(code: str | None, gaz: Gazetteer, lang: str) -> Region | None:
    """The region of a designation, named in the article's language."""
    if code is None:
        return None
    e = gaz.by_ref.get(f"adm/{code}")
    return Region(code, code if e is None else (e.zh if lang == "zh" else e.en))


def designee_value(cand: Candidate, raw: str) -> Designee:
    """The designee: its words in the text, IRI and kind."""
    entry = cand.entry
    iri = None if entry is None or entry.kind == "area" else iri_of(entry.ref)
    kind = cand.kind
    if entry is not None and (entry.kind == "area" or entry.detail == "province"):
        kind = "region"
    if kind not in ("zone", "city", "region", "cluster", "organization"):
        kind = "other"
    return Designee(cand.label or raw[cand.start : cand.end], iri, kind)


def evidence(raw: str, sentence: Span, cand: Candidate, extra: list[Span]) -> list[Quote]:
    """The designee's sentence, clipped to a quotable length, and the spans of other values."""
    focus = (cand.start, cand.end)
    if not sentence[0] <= cand.start < sentence[1]:
        focus = (sentence[0], sentence[0] + 1)
        extra = [(cand.start, cand.end), *extra]
    for a, b in extra:
        wider = (min(focus[0], a), max(focus[1], b))
        if sentence[0] <= a and b <= sentence[1] and quote_words(raw[wider[0] : wider[1]]) <= 20:
            focus = wider
    main = clip(raw, sentence[0], sentence[1], focus)
    spans = [main]
    for a, b in extra:
        if a < 0 or (main[0] <= a and b <= main[1]) or (a, b) in spans:
            continue
        spans.append(clip(raw, a, b, (a, b)))
    return [Quote(a, b, raw[a:b]) for a, b in sorted(spans)]


def extra_spans(
    issuers: list[Issuer], program: ProgramHit | None, date: DateMention | None
) -> list[Span]:
    """Where the issuer, program and date are stated."""
    spans = [(i.start, i.end) for i in issuers if i.start >= 0]
    if program is not None:
        spans.append((program.start, program.end))
    if date is not None:
        spans.append((date.start, date.end))
    return spans


def confidence(
    cand: Candidate,
    program: ProgramHit | None,
    issuers: list[Issuer],
    date: DateMention | None,
    sentence: Span,
) -> float:
    """A rough score: higher when the designee, program and issuer resolve and are stated near."""
    score = 0.5
    score += 0.15 if cand.entry is not None else 0.0
    score += 0.15 if program is not None and program.entry is not None else 0.05 * bool(program)
    score += 0.1 if any(sentence[0] <= i.start < sentence[1] for i in issuers) else 0.0
    score += 0.05 if issuers and all(i.iri for i in issuers) else 0.0
    score += 0.05 if date is not None else 0.0
    return round(min(score, 0.99), 2)
