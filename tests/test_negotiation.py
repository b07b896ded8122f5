"""Accept-header negotiation: q-values, wildcards, specificity and refusal."""

from __future__ import annotations

import pytest

from api.negotiation import negotiate

TURTLE, JSONLD, NT = "text/turtle", "application/ld+json", "application/n-triples"
OFFERED = [TURTLE, JSONLD, NT]


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, TURTLE),
        ("", TURTLE),
        ("*/*", TURTLE),
        ("application/ld+json", JSONLD),
        ("text/turtle;q=0.2, application/ld+json;q=0.9", JSONLD),
        ("application/*", JSONLD),
        ("application/*;q=0.5, application/n-triples", NT),
        ("*/*;q=0.1, text/turtle;q=0", JSONLD),
        ("text/turtle;q=0", None),
        ("image/png, text/html", None),
        ("APPLICATION/LD+JSON", JSONLD),
        ("text/turtle; charset=utf-8; q=0.3, */*;q=0.2", TURTLE),
        ("garbage, ;;, /", TURTLE),
        ("application/ld+json;q=abc, text/turtle;q=0.1", TURTLE),
    ],
)
def test_negotiate(accept: str | None, expected: str | None) -> None:
    assert negotiate(accept, OFFERED) == expected


def test_ties_go_to_the_server_order() -> None:
    assert negotiate("text/turtle, application/ld+json", [JSONLD, TURTLE]) == JSONLD


def test_nothing_offered_is_none() -> None:
    assert negotiate("*/*", []) is None


LD_OFFERED = ["text/html", "application/ld+json", "text/turtle", "application/n-triples"]


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
def test_negotiate_linked_data_offers(accept: str | None, chosen: str | None) -> None:
    assert negotiate(accept, LD_OFFERED) == chosen
