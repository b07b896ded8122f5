"""Content negotiation by Accept with q-values."""

from __future__ import annotations

import pytest

from api.negotiation import negotiate

OFFERED = ["text/html", "application/ld+json", "text/turtle", "application/n-triples"]


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        (None, "text/html"),
        ("", "text/html"),
        ("*/*", "text/html"),
        ("text/turtle", "text/turtle"),
        ("text/*;q=0.5, application/ld+json", "application/ld+json"),
        ("text/turtle;q=0.2, application/n-triples;q=0.3", "application/n-triples"),
        ("application/*", "application/ld+json"),
        ("text/html;q=0, */*;q=0.1", "application/ld+json"),
        ("TEXT/TURTLE", "text/turtle"),
        ("text/turtle;q=abc, text/html;q=0.1", "text/html"),
        ("image/png", None),
        ("text/html;q=0", None),
    ],
)
def test_negotiate(accept: str | None, chosen: str | None) -> None:
    assert negotiate(accept, OFFERED) == chosen
