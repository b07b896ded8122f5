"""Which sentences announce designations: an approval in a clause that states no plan or aim,
about a designation noun; not a ranking or an assessment; not a recollection of earlier
designations beside the news ("此前，…", "China's first such zone … was approved in 2009")."""

from __future__ import annotations

import re

from graph.extract.doc import Doc
from graph.extract.patterns import (
    APPROVE,
    ASSESSMENT,
    BACKGROUND,
    HISTORY,
    LIST_INTRO,
    LIST_NAMED,
    NEGATIVE,
    NOUN,
    PLAN_DECIDED,
)

Span = tuple[int, int]
CLAUSE = re.compile(r"[^,;:，；：]+")


def plan_or_aim(doc: Doc, span: Span) -> bool:
    """Whether a clause states a plan, aim or application (a plan that is itself the
    decision, "announced plans to set up …", is not one)."""
    negative = doc.cue(NEGATIVE, *span)
    if negative is None:
        return False
    decided = doc.cue(PLAN_DECIDED, *span)
    if decided is None:
        return True
    text = PLAN_DECIDED.sub(" ", doc.norm[span[0] : span[1]])
    return NEGATIVE.search(text) is not None


def clauses_of(doc: Doc, span: Span) -> list[Span]:
    """The clauses of a sentence."""
    return [(m.start(), m.end()) for m in CLAUSE.finditer(doc.norm, *span)]


def open_clauses(doc: Doc, span: Span) -> list[Span]:
    """Clauses of a sentence that do not state a plan or an aim."""
    clauses = [(m.start(), m.end()) for m in CLAUSE.finditer(doc.norm, *span)]
    return [c for c in clauses if not plan_or_aim(doc, c)]


def approves(doc: Doc, span: Span) -> bool:
    """Whether a span holds an approval cue outside book titles (《关于…的通知》)."""
    cue = doc.cue(APPROVE, *span)
    if cue is None:
        return False
    titles = doc.titles_in(span)
    if not titles:
        return True
    return any(
        not any(a <= m.start() < b for a, b in titles) for m in APPROVE.finditer(doc.norm, *span)
    )


def announces(doc: Doc, index: int, clauses: list[Span]) -> bool:
    """Whether a sentence announces designations: an approval in an open clause about a
    designation noun, or a list named after a sentence that approved."""
    span = doc.sents[index]
    if not doc.cue(NOUN, *span) and not doc.cue(LIST_INTRO, *span):
        return False
    if doc.cue(ASSESSMENT, *span):
        return False
    if any(approves(doc, c) for c in clauses):
        return True
    if index == 0 or not doc.cue(LIST_INTRO, *span) or not clauses:
        return False
    if not doc.cue(LIST_NAMED, *span):
        return False
    before = doc.sents[index - 1]
    return approves(doc, before) and not plan_or_aim(doc, before)


def background(doc: Doc, index: int, first: int | None) -> bool:
    """Whether a sentence recalls earlier designations ("此前", "earlier", "first such",
    "had backed" before the first designee it names, at first) or a designee's history
    ("前身", "was founded in") rather than stating news."""
    if doc.cue(HISTORY, *doc.sents[index]):
        return True
    cue = doc.cue(BACKGROUND, *doc.sents[index])
    return cue is not None and (first is None or cue[0] < first)
