"""HTTP content negotiation: pick the media type a client prefers among those offered.

Implements the Accept header of RFC 9110 §12.5.1: media ranges with q-values, wildcards
(`*/*`, `type/*`), specificity (an exact range outranks a wildcard for the same type), and
`q=0` meaning "not acceptable". Ties go to the server's order of `offered`.

>>> negotiate("text/turtle;q=0.5, application/ld+json", ["text/turtle", "application/ld+json"])
'application/ld+json'
>>> negotiate("text/*", ["application/ld+json", "text/turtle"])
'text/turtle'
>>> negotiate("image/png", ["text/turtle"]) is None
True
>>> negotiate(None, ["text/turtle", "application/ld+json"])
'text/turtle'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class MediaRange:
    """One entry of an Accept header."""

    type: str
    subtype: str
    q: float
    params: tuple[tuple[str, str], ...]

    def specificity(self) -> int:
        """3 for type/subtype with parameters, 2 for type/subtype, 1 for type/*, 0 for */*."""
        if self.type == "*":
            return 0
        if self.subtype == "*":
            return 1
        return 3 if self.params else 2

    def matches(self, media_type: str) -> bool:
        """Whether this range covers a media type (parameters of the offer are ignored)."""
        kind, _, sub = media_type.split(";")[0].strip().lower().partition("/")
        if self.type == "*":
            return True
        return self.type == kind and self.subtype in ("*", sub)


def _q(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        return 0.0
    return min(max(value, 0.0), 1.0)


def _range(part: str) -> MediaRange | None:
    pieces = [p.strip() for p in part.split(";")]
    kind, slash, sub = pieces[0].lower().partition("/")
    if not slash or not kind or not sub:
        return None
    q, params = 1.0, []
    for piece in pieces[1:]:
        name, _, value = piece.partition("=")
        name, value = name.strip().lower(), value.strip().strip('"')
        if name == "q":
            q = _q(value)
        elif name:
            params.append((name, value))
    return MediaRange(kind.strip(), sub.strip(), q, tuple(params))


def parse_accept(header: str) -> list[MediaRange]:
    """The media ranges of an Accept header; malformed entries are skipped."""
    ranges = (_range(part) for part in header.split(",") if part.strip())
    return [r for r in ranges if r is not None]


def quality(ranges: Sequence[MediaRange], media_type: str) -> float:
    """The q-value the most specific matching range gives a media type (0 when none match)."""
    matching = [r for r in ranges if r.matches(media_type)]
    if not matching:
        return 0.0
    return max(matching, key=MediaRange.specificity).q


def negotiate(accept: str | None, offered: Sequence[str]) -> str | None:
    """The offered media type the Accept header prefers; the first offer when there is no
    header (or an empty one); None when nothing offered is acceptable."""
    return _negotiate(accept, tuple(offered))


@lru_cache(maxsize=512)  # clients send the same few Accept headers again and again
def _negotiate(accept: str | None, offered: tuple[str, ...]) -> str | None:
    if not offered:
        return None
    if accept is None or not accept.strip():
        return offered[0]
    ranges = parse_accept(accept)
    if not ranges:
        return offered[0]
    best, best_q = None, 0.0
    for media_type in offered:
        q = quality(ranges, media_type)
        if q > best_q:
            best, best_q = media_type, q
    return best
