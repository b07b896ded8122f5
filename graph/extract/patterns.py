"""The patterns the pipeline matches, compiled from the lexicons (graph/extract/lexicon/):
approval cues, plans that are not designations, background, designation nouns, levels,
issuer names, program names and the words that end designee names."""

from __future__ import annotations

import re

from graph.extract.lexicon import alternation, anchors, cue, entries, fragment, pairs, table


def _either(name: str) -> re.Pattern[str]:
    """A single-pattern entry of both languages, joined."""
    parts = [p for p in (fragment("en", name), fragment("zh", name)) if p]
    return re.compile("|".join(parts) or r"(?!x)x")


def _suffixes(lang: str) -> tuple[tuple[str, str], ...]:
    """Words that end designee names, with their kinds, longest first."""
    found = [(word, kind) for kind, words in table(lang, "suffixes").items() for word in words]
    return tuple(sorted(found, key=lambda p: -len(p[0])))


APPROVE = cue("approve")
NEGATIVE = cue("negative")
PLAN_DECIDED = cue("plan_decided")
BACKGROUND = cue("background")
HISTORY = cue("history")
ASSESSMENT = cue("assessment")
EXPANSION = cue("expansion")
REPORT = cue("report")
EXTENT = cue("extent")
TALLY = cue("tally")
COMPARED = cue("compared_before")
COMPARED_BEFORE = re.compile(
    rf"(?:{alternation('en', 'compared_before')}|{alternation('zh', 'compared_before')})\s*$"
)
RENAMED = cue("renamed")
ACT = cue("act")
NOUN = cue("noun")
PROVINCIAL = cue("provincial")
MUNICIPAL = cue("municipal")
NATIONAL = cue("national")
LIST_NAMED = cue("list_named")
LIST_INTRO = cue("list_intro")
REFERENT = cue("referent")
BACKREF = re.compile(
    "|".join(
        [rf"(?:{'|'.join(entries('en', 'backref'))})\b", f"{'|'.join(entries('zh', 'backref'))}"]
    )
)
ATTRIBUTION = re.compile(fragment("en", "attribution"))
LEVEL_NOT_DESIGNATION = re.compile(
    rf"\s*(?:level\s+)?{alternation('en', 'level_not_designation')}"
    rf"|{alternation('zh', 'level_not_designation')}"
)
UPGRADE_TO = _either("upgrade_to")
OBJECT_BEFORE = re.compile(
    rf"(?:{alternation('en', 'object_before')}(?:\s+the)?|{alternation('zh', 'object_before')})\s*$"
)
DATELINE_PLACE = re.compile(r"(?m)^[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][a-z]+)*\s*(?:--|—|–)")
OBJECT_AFTER = re.compile(
    rf"\s*(?:{'|'.join(entries('en', 'object_after'))}|{'|'.join(entries('zh', 'object_after'))})"
)
PLACES_AFTER = re.compile(rf"{alternation('en', 'places_after')}\s*$")
OWNER_AFTER = re.compile(rf"\s*(?:{fragment('zh', 'owner_after')}|{fragment('en', 'owner_after')})")
SOURCE_BEFORE = re.compile(f"{fragment('zh', 'source_before')}|{fragment('en', 'source_before')}")
CITY_WORDS = re.compile(rf"{fragment('zh', 'city_words')}|\b(?:{fragment('en', 'city_words')})\b")
PLACE_BEFORE = re.compile(
    rf"(?:\b(?:{fragment('en', 'place_before')})|{fragment('zh', 'place_before')})\s*$"
)
LEGAL_SUFFIX = re.compile(
    rf"[\s,]*\b(?:{'|'.join(entries('en', 'legal_suffixes'))})$"
    rf"|(?:{'|'.join(entries('zh', 'legal_suffixes'))})$",
    re.IGNORECASE,
)

ZH_ISSUER_CORE = re.compile(
    "|".join(entries("zh", "issuer_other")[:1])
    + rf"|(?:国家)?(?:{'|'.join(entries('zh', 'issuer_ministries'))})"
    + rf"(?:{'|'.join(sorted(entries('zh', 'issuer_bodies'), key=len, reverse=True))})"
    + "|"
    + "|".join(entries("zh", "issuer_other")[1:])
)
_BODIES = "|".join(entries("en", "issuer_bodies"))
_LEVELS = "|".join(f"{w} " for w in entries("en", "issuer_levels"))
EN_ISSUER = re.compile(
    "|".join(re.escape(n) for n in entries("en", "issuer_names"))
    + rf"|(?:(?:[A-Z][a-z]+ ){{1,3}}(?:{_LEVELS})|(?:the )?(?:National |State )?)"
    rf"(?:{_BODIES}) of [A-Z][\w&]*(?:,? (?:and |of |& )?[A-Z][\w&-]*)*|State Council"
    r"|(?:[A-Z][a-z]+ ){1,4}(?:[Pp]rovincial |[Mm]unicipal |[Cc]ity |Autonomous Region )?"
    rf"(?:People's )?[Gg]overnment|\b(?:{'|'.join(entries('en', 'issuer_abbreviations'))})\b"
    r"|(?:National|State) (?:[A-Z][a-z]+,? (?:and |of |& )?){1,5}"
    r"(?:Commission|Administration|Bureau|Agency)\b"
)
EN_ISSUER_CUES = tuple(entries("en", "issuer_cues")) + tuple(entries("en", "issuer_abbreviations"))
ZH_SUB_UNIT = re.compile(fragment("zh", "sub_unit"))
ADDRESSEE_BEFORE = re.compile(fragment("zh", "addressee_before"))
ISSUER_LOCAL = re.compile(
    rf"{fragment('zh', 'issuer_local')}|\b(?:{fragment('en', 'issuer_local')})\b", re.IGNORECASE
)
ISSUER_CITY = re.compile(
    rf"{fragment('zh', 'issuer_city')}|\b(?:{fragment('en', 'issuer_city')})\b", re.IGNORECASE
)

EN_SUBJECT = re.compile(
    r"(?:^|(?<=[.;:] )|(?<=, ))((?:[A-Z][\w&'’.-]*,? (?:and )?){0,8}[A-Z][\w&'’.-]*)"
    rf" (?:{'|'.join(entries('en', 'subject_verbs'))})\b",
    re.MULTILINE,
)
ZH_SUBJECT = re.compile(
    r"(?:^|(?<=[，。；：,;:\s]))([\u4e00-\u9fff、]{2,40}?)"
    rf"(?:{'|'.join(entries('zh', 'subject_verbs'))})",
    re.MULTILINE,
)
EN_NOT_SUBJECT = frozenset(entries("en", "not_subject"))
ZH_NOT_SUBJECT = frozenset("".join(entries("zh", "not_subject")))

# Words that end designee names, with the kind of designee they make.
ZH_SUFFIXES = _suffixes("zh")
EN_SUFFIXES = _suffixes("en")
EN_STOP = frozenset(entries("en", "stop_words"))
GENERIC_START = frozenset(entries("en", "generic_start"))
ZH_CUT = tuple(entries("zh", "cut"))
ZH_UNCUT = tuple(entries("zh", "uncut"))
ZH_GENERIC_START = tuple(entries("zh", "generic_start"))
ZH_LEVEL_START = tuple(entries("zh", "level_start"))
_TYPES = zip(pairs("en", "type_words"), pairs("zh", "type_words"), strict=True)
TYPE_WORDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(f"{en}|{zh}"), kind) for (en, kind), (zh, _) in _TYPES
)
PILOT = re.compile(f"{fragment('en', 'pilot')}|{fragment('zh', 'pilot')}")
ZH_PROGRAM = re.compile(
    rf"(?:{fragment('zh', 'program_ordinal')})?(?:{fragment('zh', 'program_level')})"
    rf"[\u4e00-\u9fff()]{{0,30}}?(?:{fragment('zh', 'program_head')})"
)
EN_PROGRAM = re.compile(
    rf"(?:(?:{fragment('en', 'program_ordinal')}) (?:batch|group|round) of )?"
    rf"(?:{fragment('en', 'program_level')})[a-z0-9 &']{{1,90}}?"
    rf"(?:{fragment('en', 'program_head')})\b"
)
ZH_LISTED_PROGRAM = re.compile(
    rf"(?:{fragment('zh', 'listed_program_verb')})了?(?:{fragment('zh', 'program_ordinal')})?"
    rf"([\u4e00-\u9fff]{{2,30}}?(?:{fragment('zh', 'listed_program_head')}))"
)
EN_LISTED_PROGRAM = re.compile(
    r"\b(?:batch|list|group) of ((?:[a-z0-9&'-]+ ){0,6}?"
    rf"{fragment('en', 'listed_program_head')}"
    r"(?: (?:for|of|in) [a-z0-9&' ]{3,80})?)"
)

# Words one of which every match of a cue contains: an article holding none of them holds no
# match, and its cue look-ups cost nothing.
ANCHORS: dict[int, tuple[str, ...]] = {
    id(pattern): found
    for pattern, name in (
        (APPROVE, "approve"),
        (NEGATIVE, "negative"),
        (BACKGROUND, "background"),
        (HISTORY, "history"),
        (ASSESSMENT, "assessment"),
        (EXPANSION, "expansion"),
        (EXTENT, "extent"),
        (TALLY, "tally"),
        (RENAMED, "renamed"),
        (COMPARED, "compared_before"),
        (NOUN, "noun"),
        (LIST_INTRO, "list_intro"),
    )
    if (found := anchors(name)) is not None
}
