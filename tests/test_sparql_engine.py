"""The engine without HTTP: result writers round-trip, the lexer's checks, USING rewrites,
and the worker pool's limits."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.errors import Forbidden, ProtocolError, QueryTimeout
from graph.sparql import Dataset, Job, WorkerPool, refuse_remote, with_using
from graph.sparql.lexer import has_keyword
from graph.sparql.writers import SOLUTION_WRITERS
from graph.store import Store

XSD = "http://www.w3.org/2001/XMLSchema#"
iris = st.sampled_from(["http://example.org/a", "urn:x:1", "https://例子.cn/路径?q=1#f"])
texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=20)
literals = st.one_of(
    texts.map(ox.Literal),
    st.tuples(texts, st.sampled_from(["en", "zh-Hans", "zh-Latn-pinyin"])).map(
        lambda t: ox.Literal(t[0], language=t[1])
    ),
    st.integers().map(lambda n: ox.Literal(str(n), datatype=ox.NamedNode(XSD + "integer"))),
    st.dates().map(lambda d: ox.Literal(d.isoformat(), datatype=ox.NamedNode(XSD + "date"))),
)
terms = st.one_of(st.none(), iris.map(ox.NamedNode), literals)
rows = st.lists(st.tuples(terms, terms).map(list), max_size=5)
LOSSLESS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}
LOSSLESS["tsv"] = ox.QueryResultsFormat.TSV


@settings(max_examples=60, deadline=None, derandomize=True)
@given(rows=rows)
@pytest.mark.parametrize("fmt", list(LOSSLESS))
def test_writers_round_trip_through_oxigraph(fmt: str, rows: list[list[object]]) -> None:
    data = SOLUTION_WRITERS[fmt](["a", "b"], rows, False)
    parsed = ox.parse_query_results(data, format=LOSSLESS[fmt])
    assert isinstance(parsed, ox.QuerySolutions)
    assert [v.value for v in parsed.variables] == ["a", "b"]
    assert [[s["a"], s["b"]] for s in parsed] == rows


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }", "SERVICE"),
        ("select * { service silent <http://x/> { } }", "SERVICE"),
        ("LOAD <http://x/data.ttl>", "LOAD"),
        ("load silent <http://x/d> into graph <g>", "LOAD"),
    ],
)
def test_remote_access_is_refused(text: str, found: str) -> None:
    with pytest.raises(Forbidden, match=f"^{found} is disabled"):
        refuse_remote(text)


@pytest.mark.parametrize(
    "text",
    [
        'SELECT * { ?s ?p "SERVICE" }',
        "SELECT * { ?s <http://x/LOAD> ?service }",
        "SELECT * { ?s ex:service ?o } # SERVICE <http://x/>",
        "SELECT * { ?s ?p '''\nLOAD <x>\n''' }",
        "SELECT ?load { ?load a ?t }",
    ],
)
def test_keywords_inside_strings_iris_names_and_comments_are_not_refused(text: str) -> None:
    refuse_remote(text)


def test_from_is_found_only_as_a_keyword() -> None:
    assert has_keyword("SELECT * FROM <g> { ?s ?p ?o }", "FROM")
    assert not has_keyword("SELECT * { ?s ex:from 'FROM' }", "FROM")


USING_CASES = [
    (
        "INSERT { GRAPH <g> { ?s a ?t } } WHERE { ?s a ?t }",
        Dataset(("http://d/1",), ("http://n/1",)),
        "INSERT { GRAPH <g> { ?s a ?t } } USING <http://d/1> USING NAMED <http://n/1> "
        "WHERE { ?s a ?t }",
    ),
    (
        "CLEAR ALL ; DELETE { ?s ?p ?o } WHERE { ?s ?p ?o } ; DELETE WHERE { ?a ?b ?c }",
        Dataset(("http://d/1",)),
        "CLEAR ALL ; DELETE { ?s ?p ?o } USING <http://d/1> WHERE { ?s ?p ?o } ; "
        "DELETE WHERE { ?a ?b ?c }",
    ),
    ("INSERT DATA { <a> <b> 'WHERE' }", Dataset(("http://d/",)), "INSERT DATA { <a> <b> 'WHERE' }"),
    ("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", Dataset(), "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "dataset", "expected"), USING_CASES)
def test_with_using(text: str, dataset: Dataset, expected: str) -> None:
    assert with_using(text, dataset) == expected


@pytest.mark.parametrize("clause", ["WITH <g>", "USING <g>"])
def test_with_using_refuses_a_dataset_named_twice(clause: str) -> None:
    text = f"{clause} DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}"
    if clause.startswith("USING"):
        text = f"DELETE {{ ?s ?p ?o }} {clause} WHERE {{ ?s ?p ?o }}"
    with pytest.raises(ProtocolError, match="names its dataset with USING or WITH"):
        with_using(text, Dataset(("http://d/1",)))


def test_dataset_refuses_relative_iris() -> None:
    with pytest.raises(ProtocolError, match=r"^not an absolute IRI: 'g'"):
        Dataset.of(["g"], [])


@pytest.fixture
def pool(tmp_path: Path) -> Iterator[WorkerPool]:
    store = tmp_path / "store"
    Store.ensure(store)
    workers = WorkerPool(store, 1)
    workers.start()
    yield workers
    workers.close()


JSON = "application/sparql-results+json"


def test_pool_replaces_a_worker_that_runs_over(pool: WorkerPool) -> None:
    update = "INSERT DATA { GRAPH <http://g> { <http://s> <http://p> 1, 2, 3, 4, 5, 6, 7, 8 } }"
    pool.update(Job("update", update), 10)
    before = pool.pids()
    slow = "SELECT (COUNT(*) AS ?n) { " + " ".join(f"?s{i} ?p{i} ?o{i} ." for i in range(9)) + "}"
    with pytest.raises(QueryTimeout, match=r"time limit of 0\.5 s"):
        pool.run(Job("query", slow, solutions_media=JSON), 0.5)
    assert pool.pids() != before
    outcome = pool.run(Job("query", "ASK { ?s ?p 8 }", solutions_media=JSON), 10)
    assert outcome.body == b'{"head": {}, "boolean": true}'


def test_in_memory_workers_see_updates(tmp_path: Path) -> None:
    Store.ensure(tmp_path / "store")
    workers = WorkerPool(tmp_path / "store", 2, in_memory=True)
    workers.start()
    try:
        ask = Job("query", "ASK { ?s ?p 1 }", solutions_media=JSON)
        before = [workers.run(ask, 10).body for _ in range(2)]
        insert = "INSERT DATA { GRAPH <http://g> { <http://s> <http://p> 1 } }"
        workers.update(Job("update", insert), 10)
        after = [workers.run(ask, 10).body for _ in range(2)]
    finally:
        workers.close()
    assert before == [b'{"head": {}, "boolean": false}'] * 2
    assert after == [b'{"head": {}, "boolean": true}'] * 2
