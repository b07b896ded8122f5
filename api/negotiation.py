"""Content negotiation: pick the offered media type a client's Accept header likes best."""

from __future__ import annotations


def _ranges(accept: str) -> list[tuple[str, float]]:
    """The media ranges of an Accept header with their q-values (malformed q counts as 0)."""
    out = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        out.append((fields[0].lower(), q))
    return out


def _quality(media: str, ranges: list[tuple[str, float]]) -> float:
    """The q-value the most specific matching range gives a media type (0 when none matches)."""
    kind = media.split("/")[0] + "/*"
    for candidate in (media, kind, "*/*"):
        for rng, q in ranges:
            if rng == candidate:
                return q
    return 0.0


def negotiate(accept_header: str | None, offered: list[str]) -> str | None:
    """The offered media type with the highest q (ties: the first offered), or None.

    >>> negotiate("text/turtle;q=0.5, application/ld+json", ["text/html", "text/turtle",
    ...     "application/ld+json"])
    'application/ld+json'
    >>> negotiate("image/png", ["text/html"]) is None
    True
    """
    if not accept_header or not accept_header.strip():
        return offered[0] if offered else None
    ranges = _ranges(accept_header)
    scored = [(_quality(m, ranges), -i, m) for i, m in enumerate(offered)]
    best = max(scored, default=None)
    return best[2] if best and best[0] > 0 else None
