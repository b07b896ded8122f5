"""Record models: what a valid record is, and the exact reasons a broken one is refused."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import ValidationError

from graph.build.records import DateValue, Evidence, Record, quote_words, record_json_schema
from graph.paths import SEEDS_DIR


def minimal(**designation: Any) -> dict[str, Any]:
    base = {
        "key": "d1",
        "designee": "zone/baotou-rare-earth-htz",
        "designated_by": ["org/miit"],
        "program": "nkrdp-industrialization-pilot",
        "designation_type": "regional-pilot",
        "statement": "MIIT named the zone a pilot region.",
        "evidence": "none-at-hand",
    }
    return {
        "document": {
            "slug": "doc-a",
            "title": "A report",
            "outlet": "org/baotou-daily",
            "language": "zh",
        },
        "designations": [base | designation],
    }


def errors(data: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as info:
        Record.model_validate(data)
    return [(".".join(map(str, e["loc"])), e["msg"]) for e in info.value.errors()]


def test_minimal_record_takes_defaults() -> None:
    record = Record.model_validate(minimal())
    assert (record.verification, record.review, record.claims) == ("unverified", "reviewed", [])
    assert record.designations[0].level == "national"


def test_evidence_is_quotes_or_none_at_hand() -> None:
    quoted = Record.model_validate(minimal(evidence=[{"quote": "named the zone"}]))
    assert quoted.designations[0].evidence == [Evidence(quote="named the zone")]
    assert Record.model_validate(minimal()).designations[0].evidence == "none-at-hand"
    data = minimal()
    del data["designations"][0]["evidence"]
    assert errors(data) == [("designations.0.evidence", "Field required")]
    assert [msg for _, msg in errors(minimal(evidence=[]))] == [
        "List should have at least 1 item after validation, not 0",
        "Input should be 'none-at-hand'",
    ]


def test_missing_designee_is_named() -> None:
    data = minimal()
    del data["designations"][0]["designee"]
    assert errors(data) == [("designations.0.designee", "Field required")]


def test_malformed_date_is_named() -> None:
    got = errors(minimal(announced={"value": "2026-13-01"}))
    assert [loc for loc, _ in got] == ["designations.0.announced.value"]
    assert got[0][1].startswith("String should match pattern")


def test_impossible_day_is_refused() -> None:
    got = errors(minimal(announced={"value": "2026-02-30"}))
    assert got == [("designations.0.announced", "Value error, day is out of range for month")]


def test_inferred_date_needs_a_note() -> None:
    got = errors(minimal(announced={"value": "2026-01-30", "basis": "inferred-year"}))
    assert got == [
        (
            "designations.0.announced",
            "Value error, a date that is not stated by the source needs a note saying how",
        )
    ]


@pytest.mark.parametrize(
    ("value", "precision"), [("2026", "year"), ("2026-01", "month"), ("2026-01-30", "day")]
)
def test_date_precision_follows_the_value(value: str, precision: str) -> None:
    assert DateValue(value=value).precision == precision


def test_offsets_must_span_the_quote() -> None:
    with pytest.raises(ValidationError, match="offsets 0-3 span 3 characters but the quote has 5"):
        Evidence(quote="abcde", start=0, end=3)


def test_quote_of_more_than_25_words_is_refused() -> None:
    with pytest.raises(ValidationError, match="quote has 26 words; at most 25 are allowed"):
        Evidence(quote=" ".join(["word"] * 26))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("the only regional pilot", 4),
        ("High-Tech Zone R&D", 3),
        ("包头稀土高新区", 4),
        ("入选 National pilot", 3),
    ],
)
def test_quote_words(text: str, words: int) -> None:
    assert quote_words(text) == words


def test_unknown_designation_key_in_claim() -> None:
    data = minimal()
    data["claims"] = [
        {
            "kind": "only-in-region",
            "about": "nope",
            "region": "adm/150000",
            "region_level": "province",
            "statement": "Only one.",
            "evidence": "none-at-hand",
        }
    ]
    assert errors(data) == [("", "Value error, claims refer to unknown designation keys: nope")]


def test_only_in_region_claim_needs_region_and_level() -> None:
    data = minimal()
    data["claims"] = [
        {
            "kind": "only-in-region",
            "about": "d1",
            "statement": "Only one.",
            "evidence": "none-at-hand",
        }
    ]
    assert errors(data) == [
        ("claims.0", "Value error, only-in-region claims need region, region_level")
    ]


def test_unknown_field_is_refused() -> None:
    assert errors(minimal(colour="red")) == [
        ("designations.0.colour", "Extra inputs are not permitted")
    ]


def test_committed_json_schema_is_current() -> None:
    committed = json.loads((SEEDS_DIR / "record.schema.json").read_text("utf-8"))
    assert committed == record_json_schema()


REVISION = {
    "of": "doc-a",
    "decision": "corrected",
    "reviewer": "Li Wei",
    "at": "2026-03-01T10:00:00Z",
}


@pytest.mark.parametrize(
    ("review", "revision", "found"),
    [
        (
            "rejected",
            None,
            [("", "Value error, review 'rejected' does not fit a revision decided 'never'")],
        ),
        (
            "unreviewed",
            REVISION,
            [("", "Value error, review 'unreviewed' does not fit a revision decided 'corrected'")],
        ),
        (
            "reviewed",
            {**REVISION, "at": "2026-03-01T10:00:00"},
            [
                (
                    "revision",
                    "Value error, the time of a review needs its UTC offset "
                    "(e.g. 2026-03-01T10:00:00Z)",
                )
            ],
        ),
    ],
)
def test_review_and_revision_agree(
    review: str, revision: Any, found: list[tuple[str, str]]
) -> None:
    assert errors(minimal() | {"review": review, "revision": revision}) == found


def test_a_rejected_review_is_a_record() -> None:
    record = Record.model_validate(
        minimal() | {"review": "rejected", "revision": {**REVISION, "decision": "rejected"}}
    )
    assert record.revision is not None
    assert (record.review, record.revision.decision) == ("rejected", "rejected")
