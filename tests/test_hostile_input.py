"""Hostile input, generated: whatever a record file, an article, a SPARQL protocol request or
an Accept or Content-Type header holds, the answer is a clean error of the library's own
(a 4xx over HTTP, one line on the command line), never an unexpected exception, and never a
hang past a few seconds."""

from __future__ import annotations

import datetime as dt
import shutil
import string
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.links import href
from api.negotiation import negotiate, parse_accept
from api.sparql.protocol import content_type, form, operation
from graph.build.seeds import Seeds, read_checked_records, read_seeds
from graph.errors import ProtocolError
from graph.extract import Gazetteer, extract_text, load_gazetteer, read_article
from graph.extract.reading import ExtractError
from graph.paths import SEEDS_DIR

# Bounded and repeatable: the same examples every run, no per-example deadline on a loaded
# machine; each test takes seconds (a hang would still fail it through pytest's own timeout).
FAST = settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
FIELDS = ["document", "designations", "claims", "slug", "title", "outlet", "language", "key",
          "designee", "designated_by", "program", "designation_type", "statement", "evidence",
          "quote", "start", "end", "announced", "value", "basis", "kind", "summary",
          "cites"]  # fmt: skip
REFS = ["org/miit", "zone/baotou-rare-earth-htz", "adm/150000", "nkrdp-industrialization-pilot"]
scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=True)
    | st.text(max_size=30)
    | st.sampled_from(REFS)
)
trees = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), inner, max_size=5)
    ),
    max_leaves=30,
)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Seeds, Path]:
    """The project's reference data (read once) and an empty records folder."""
    root = tmp_path_factory.mktemp("hostile-seeds")
    shutil.copytree(SEEDS_DIR / "reference", root / "reference")
    (root / "records").mkdir()
    return read_seeds(root), root / "records"


def _read_one_record(seeds: tuple[Seeds, Path], content: bytes) -> None:
    base, folder = seeds
    path = folder / "fuzz.yaml"
    path.write_bytes(content)
    try:
        records, problems = read_checked_records(base, folder)
    finally:
        path.unlink()
    assert problems or path in records
    assert all(p.startswith(f"{path}: ") and "\n" not in p for p in problems)


@FAST
@given(tree=trees)
def test_any_yaml_record_is_read_or_refused_with_named_problems(
    seeds: tuple[Seeds, Path], tree: object
) -> None:
    _read_one_record(seeds, yaml.safe_dump({"document": tree, "designations": [tree]}).encode())


yaml_ish = st.text(alphabet=string.printable + "&*!|>[]{}", max_size=200).map(str.encode)


@FAST
@given(content=st.binary(max_size=300) | yaml_ish)
def test_any_bytes_as_a_record_file_are_refused_in_lines_naming_the_file(
    seeds: tuple[Seeds, Path], content: bytes
) -> None:
    _read_one_record(seeds, content)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    """The extractor's gazetteers over the project's reference data."""
    return load_gazetteer(SEEDS_DIR / "reference")


article_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400
) | st.lists(
    st.sampled_from(["MIIT", "工业和信息化部", "包头", "pilot", "designated", "2024年", "首个",
                     "National High-Tech Zone", "批复", "国家级", "Baotou", "\n", "。", ", "]),
    max_size=40,
).map("".join)  # fmt: skip


@settings(
    max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(text=article_text, published=st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)))
def test_the_extractor_takes_any_text(
    gazetteer: Gazetteer, text: str, published: dt.date | None
) -> None:
    result = extract_text(text, gazetteer, published)
    for d in result.as_json()["designations"]:
        for ev in d["evidence"]:
            assert text[ev["start"] : ev["end"]] == ev["text"]


@FAST
@given(content=st.binary(max_size=500))
def test_any_article_file_is_read_or_refused_in_one_line(
    seeds: tuple[Seeds, Path], content: bytes
) -> None:
    path = seeds[1].parent / "article.txt"
    path.write_bytes(content)
    try:
        assert read_article(path).strip("\ufeff \t\r\n")
    except ExtractError as exc:
        assert str(exc).startswith(f"{path}: ") and "\n" not in str(exc)


params = st.lists(
    st.tuples(
        st.sampled_from(["query", "update", "graph", "default", "timeout", "default-graph-uri",
                         "named-graph-uri", "using-graph-uri", "x"]),
        st.text(max_size=40) | st.sampled_from(["http://e.org/g", "-1", "nan", "1e309", "0.5"]),
    ),
    max_size=5,
)  # fmt: skip


@FAST
@given(pairs=params)
def test_any_protocol_parameters_give_an_operation_or_a_protocol_error(
    pairs: list[tuple[str, str]],
) -> None:
    try:
        op = operation(pairs)
    except ProtocolError as exc:
        assert str(exc)
        return
    assert op.kind in ("query", "update", "graph", "description")
    assert op.timeout is None or op.timeout > 0


@FAST
@given(data=st.binary(max_size=200))
def test_any_form_body_is_parsed_or_refused(data: bytes) -> None:
    try:
        pairs = form(data, "the form body")
    except ProtocolError:
        return
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in pairs)


header = st.text(alphabet=st.characters(max_codepoint=0x2FF), max_size=80) | st.lists(
    st.sampled_from(["text/html", "*/*", "text/*", ";q=", "0.5", "1", ",", ";", "=", '"',
                     "application/ld+json", "q=0", " ", "nan", "-1", "1e9", "image/png"]),
    max_size=12,
).map("".join)  # fmt: skip
OFFERED = ["text/html", "application/ld+json", "text/turtle", "application/n-triples"]


@FAST
@given(accept=header)
def test_any_accept_header_picks_an_offer_or_none(accept: str) -> None:
    assert negotiate(accept, OFFERED) in [*OFFERED, None]
    assert all(0.0 <= r.q <= 1.0 for r in parse_accept(accept))


@FAST
@given(value=header)
def test_any_content_type_parses_to_a_lower_case_media_type(value: str) -> None:
    media, params_ = content_type(value)
    assert media == media.lower().strip() and all(k == k.lower() for k in params_)


@FAST
@given(iri=st.text(max_size=60) | st.sampled_from(["javascript:x", " javascript:x", "data:,x"]))
def test_a_link_target_is_a_local_path_or_http(iri: str) -> None:
    target = href(iri)
    assert (
        target is None
        or target.startswith(("/id/", "/def#", "http://", "https://"))
        or (target.lower().startswith(("http://", "https://")))
    )
    assert target is None or not any(c.isspace() for c in target)
