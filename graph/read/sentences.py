r"""Findings as sentences a person reads, in English or Chinese.

`sentence(facts, lang)` is a pure function of a finding's facts (`FindingFacts`: labels in
both languages, counts, coverage and the reports behind it); `graph.finding_facts` gathers
those facts from a store. Pages and the REST API return the same sentences.

>>> region = Name(en="Inner Mongolia", zh="内蒙古")
>>> pilot = Name(en="regional pilot", zh="区域试点")
>>> report = Report(outlet=Name(en="Rare Earth Exchanges", zh="稀土交易所资讯"),
...     cites=Name(en="Baotou Daily", zh="包头日报"), status=Name(en="unverified", zh="未核实"),
...     quote="the only regional pilot selected in Inner Mongolia")
>>> reported = FindingFacts(kind="only-in-region", basis="reported", type=pilot,
...     region=region, reports=[report])
>>> print(sentence(reported, "en").replace("Daily, ", "Daily,\n"))
Reported: the only regional pilot in Inner Mongolia (Rare Earth Exchanges citing Baotou Daily,
unverified, quote “the only regional pilot selected in Inner Mongolia”).
>>> computed = FindingFacts(kind="only-in-region", basis="computed", type=pilot,
...     region=region, scope=Name(en="the 2025 batch", zh="2025年批次"), candidate_count=1,
...     coverage="partial-news-corpus")
>>> print(sentence(computed, "en").replace("; ", ";\n"))
Computed: 1 regional pilot known in Inner Mongolia for the 2025 batch;
coverage partial, so the graph cannot tell.
>>> sentence(computed, "zh")
'计算：图中已知内蒙古2025年批次的区域试点1个；覆盖不完整，图无法判断。'
"""

from __future__ import annotations

from typing import Literal

from graph.read.views import View

Lang = Literal["en", "zh"]
COMPLETE = "complete-official-list"


class Name(View):
    """A label in English and Chinese (either may be missing)."""

    en: str | None = None
    zh: str | None = None

    def text(self, lang: Lang) -> str:
        """The label in the language asked for, else the other one, else an empty string."""
        first, second = (self.zh, self.en) if lang == "zh" else (self.en, self.zh)
        return first or second or ""


class Report(View):
    """One source of a reported finding: the outlet, whom it cites, its status and quote."""

    outlet: Name | None = None
    cites: Name | None = None
    status: Name | None = None
    quote: str | None = None


class FindingFacts(View):
    """What a sentence about a finding says: its kind (only-in-region, first-in-region,
    claim-verdict), basis (reported or computed), designation type, region, the batch or
    program counted (scope), candidate count, coverage and verdict slugs, and its reports."""

    kind: str
    basis: str
    type: Name | None = None
    region: Name | None = None
    scope: Name | None = None
    candidate_count: int | None = None
    coverage: str | None = None
    verdict: str | None = None
    reports: list[Report] = []


def _name(name: Name | None, lang: Lang, default: dict[Lang, str]) -> str:
    return (name.text(lang) if name else "") or default[lang]


DESIGNATION: dict[Lang, str] = {"en": "designation", "zh": "认定"}
REGION: dict[Lang, str] = {"en": "its region", "zh": "该地区"}


def plural(noun: str, count: int) -> str:
    """An English noun for a count ("1 regional pilot", "2 pilot cities").

    >>> plural("pilot city", 2), plural("cluster", 1), plural("access list", 3)
    ('pilot cities', 'cluster', 'access lists')
    """
    if count == 1:
        return noun
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("s", "x", "ch", "sh")) else "s")


def _report(r: Report, lang: Lang) -> str:
    outlet = r.outlet.text(lang) if r.outlet else ""
    cites = r.cites.text(lang) if r.cites else ""
    who = f"{outlet}{'援引' if lang == 'zh' else ' citing '}{cites}" if cites else outlet
    parts = [p for p in (who, r.status.text(lang) if r.status else "") if p]
    if r.quote:
        parts.append(f"原文“{r.quote}”" if lang == "zh" else f"quote “{r.quote}”")
    return ("，" if lang == "zh" else ", ").join(parts)


def _reports(facts: FindingFacts, lang: Lang) -> str:
    text = ("；" if lang == "zh" else "; ").join(
        t for t in (_report(r, lang) for r in facts.reports) if t
    )
    if not text:
        return ""
    return f"（{text}）" if lang == "zh" else f" ({text})"


def _reported(facts: FindingFacts, lang: Lang) -> str:
    kind, region = _name(facts.type, lang, DESIGNATION), _name(facts.region, lang, REGION)
    which = {"only-in-region": ("only", "唯一的"), "first-in-region": ("first", "首个")}
    en, zh = which.get(facts.kind, ("only", "唯一的"))
    if lang == "zh":
        return f"报道：{region}{zh}{kind}{_reports(facts, lang)}。"
    return f"Reported: the {en} {kind} in {region}{_reports(facts, lang)}."


def _scope(facts: FindingFacts, lang: Lang) -> str:
    if facts.scope is None or not facts.scope.text(lang):
        return ""
    return facts.scope.text(lang) if lang == "zh" else f" for {facts.scope.text(lang)}"


def _only(facts: FindingFacts, lang: Lang) -> str:
    kind, region = _name(facts.type, lang, DESIGNATION), _name(facts.region, lang, REGION)
    count, scope = facts.candidate_count or 0, _scope(facts, lang)
    if lang == "zh":
        if facts.coverage == COMPLETE:
            return f"计算：{region}{scope}唯一的{kind}；官方名单完整，结论成立。"
        return f"计算：图中已知{region}{scope}的{kind}{count}个；覆盖不完整，图无法判断。"
    if facts.coverage == COMPLETE:
        return f"Computed: the only {kind} in {region}{scope}; the official list is complete."
    known = f"{count} {plural(kind, count)} known in {region}{scope}"
    return f"Computed: {known}; coverage partial, so the graph cannot tell."


def _first(facts: FindingFacts, lang: Lang) -> str:
    kind, region = _name(facts.type, lang, DESIGNATION), _name(facts.region, lang, REGION)
    count, scope = facts.candidate_count or 0, _scope(facts, lang)
    complete = facts.coverage == COMPLETE
    if lang == "zh":
        tail = "官方名单完整。" if complete else "覆盖不完整，未必是首个。"
        return f"计算：{region}{scope}已知最早的{kind}（已知{count}个）；{tail}"
    tail = (
        "the official list is complete."
        if complete
        else "coverage partial, so it may not be the first."
    )
    return f"Computed: the earliest {kind} known in {region}{scope} ({count} known); {tail}"


VERDICTS: dict[str, dict[Lang, str]] = {
    "agrees": {
        "en": "Compared: the graph agrees with the report.",
        "zh": "对照：图与报道一致。",
    },
    "contradicts": {
        "en": "Compared: the graph contradicts the report ({count} known).",
        "zh": "对照：图与报道矛盾（已知{count}个）。",
    },
    "cannot-tell": {
        "en": "Compared: coverage is partial, so the graph cannot tell whether the report holds.",
        "zh": "对照：覆盖不完整，图无法判断报道是否属实。",
    },
}


def _verdict(facts: FindingFacts, lang: Lang) -> str:
    text = VERDICTS.get(facts.verdict or "", VERDICTS["cannot-tell"])[lang]
    return text.format(count=facts.candidate_count or 0)


def sentence(facts: FindingFacts, lang: Lang = "en") -> str:
    """One sentence saying what a finding states, in English ("en") or Chinese ("zh")."""
    if facts.kind == "claim-verdict":
        return _verdict(facts, lang)
    if facts.basis == "reported":
        return _reported(facts, lang)
    return (_first if facts.kind == "first-in-region" else _only)(facts, lang)
