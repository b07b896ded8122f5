"""The columnar replica answers aggregate queries exactly as Oxigraph does, or not at all."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDF

from graph import Store
from graph.namespaces import CND, sparql_prologue
from graph.sparql.columnar import translate
from graph.sparql.estimate import THRESHOLD, Counts, estimate
from graph.sparql.replica import NotReplicable, Replica, write
from graph.sparql.subset import candidate, parse

PROLOGUE = sparql_prologue()
CAP = 100_000
PREDICATES = [
    "cnd:designee", "cnd:underProgram", "cnd:issuedBy", "schema:containedInPlace", "rdf:type",
    "cnd:adminLevel", "cnd:coDesignee", "cnd:withinRegion", "cnd:regionLevel",
    "<http://example.org/absent>",
]  # fmt: skip
CONSTANTS = ["cnd:Designation", "cnd:Zone", "<https://w3id.org/china-designations/id/adm/150000>"]
VARIABLES = ["a", "b", "c", "d"]


@pytest.fixture(scope="module")
def replica(curated_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Replica]:
    """The replica of the curated store: random joins over the whole catalogue can pass the
    replica's memory limit (it then leaves the query to Oxigraph, which these tests would
    not see as the replica's answer)."""
    path = tmp_path_factory.mktemp("replica") / "seeds.duckdb"
    write(Store.open(curated_dir), path)
    opened = Replica(path)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def oxigraph(curated_dir: Path) -> Store:
    """The curated store itself."""
    return Store.open(curated_dir)


def by_oxigraph(store: Store, text: str) -> tuple[list[str], list[list[str]]]:
    result = store.query(PROLOGUE + text, union=True)
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    return names, [[str(s[n]) for n in names] for s in result]


def by_replica(replica: Replica, text: str) -> tuple[list[str], list[list[str]]] | None:
    table = replica.answer(PROLOGUE + text, CAP)
    if table is None:
        return None
    names, rows = table
    return names, [[str(t) for t in row] for row in rows]


ORDERED = [
    """SELECT ?program ?province WHERE {
      ?d cnd:underProgram ?program ; cnd:designee ?zone .
      ?zone schema:containedInPlace ?city . ?city schema:containedInPlace ?province }
    GROUP BY ?program ?province HAVING (COUNT(?d) = 1) ORDER BY ?program ?province""",
    """SELECT ?zone (COUNT(?d) AS ?n) WHERE { ?d cnd:designee ?zone } GROUP BY ?zone
    ORDER BY DESC(?n) ?zone LIMIT 7 OFFSET 2""",
    "SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?p) AS ?m) (COUNT(?s) AS ?k) { ?s ?p ?o }",
    "SELECT ?c (COUNT(*) AS ?n) { ?s a ?c } GROUP BY ?c HAVING (COUNT(*) >= 3 && 50 > COUNT(*))"
    " ORDER BY ?n ?c",
    "SELECT (COUNT(*) AS ?n) { ?s <http://example.org/absent> ?o }",
    "SELECT ?s (COUNT(*) AS ?n) { ?s <http://example.org/absent> ?o } GROUP BY ?s",
    "SELECT DISTINCT ?p WHERE { ?s ?p ?s } GROUP BY ?p ORDER BY ?p",
    "SELECT ?p (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?p ORDER BY DESC(COUNT(*)) ?p LIMIT 3",
    "SELECT (COUNT(*) AS ?n) { ?s a ?c } GROUP BY ?c ORDER BY DESC(?n) LIMIT 3 OFFSET 1",
    "SELECT (COUNT(*) AS ?n) { ?s a ?c } GROUP BY ?c ORDER BY ?n OFFSET 2",
    "select ?zone (count(?d) as ?n) where { ?d cnd:designee ?zone } group by ?zone "
    "order by desc(?n) ?zone limit 3",
    "PREFIX c: <https://w3id.org/china-designations/def#>\nSELECT $z (COUNT($d) AS ?n) # ?x\n"
    "{ $d c:designee ?z ; a c:Designation , c:Designation . } GROUP BY ?z ORDER BY ?n ?z "
    "OFFSET 1 LIMIT 4",
    "PREFIX cnd: <http://example.org/other#> SELECT (COUNT(*) AS ?n) { ?d cnd:designee ?z }",
    "SELECT ?d (COUNT(*) AS ?n) { ?d cnd:designee ?z } GROUP BY ?d HAVING (COUNT(*) > 1) "
    "(2 <= COUNT(*))",
]


@pytest.mark.parametrize("text", ORDERED)
def test_the_replica_gives_oxigraphs_answer(replica: Replica, oxigraph: Store, text: str) -> None:
    assert by_replica(replica, text) == by_oxigraph(oxigraph, text)


OUTSIDE = {
    "SELECT * without aggregates": "SELECT * { ?s ?p ?o }",
    "a FILTER": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o FILTER(?s != ?o) }",
    "OPTIONAL": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o OPTIONAL { ?o ?q ?r } }",
    "a literal in the pattern": 'SELECT (COUNT(*) AS ?n) { ?s ?p "x" }',
    "FROM": "SELECT (COUNT(*) AS ?n) FROM <http://example.org/g> { ?s ?p ?o }",
    "GRAPH": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }",
    "a path": "SELECT (COUNT(*) AS ?n) { ?s schema:containedInPlace+ ?o }",
    "SUM": "SELECT (SUM(?o) AS ?n) { ?s ?p ?o }",
    "SAMPLE": "SELECT ?p (SAMPLE(?o) AS ?x) { ?s ?p ?o } GROUP BY ?p",
    "GROUP BY an expression": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY (STR(?s))",
    "an ungrouped variable": "SELECT ?s (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?p",
    "HAVING on a term": "SELECT ?p { ?s ?p ?o } GROUP BY ?p HAVING (?p = 1)",
    "an expression of counts": "SELECT (COUNT(*) + 1 AS ?n) { ?s ?p ?o }",
    "a subquery": "SELECT (COUNT(*) AS ?n) { { SELECT ?s { ?s ?p ?o } LIMIT 3 } }",
    "a blank node": "SELECT (COUNT(*) AS ?n) { _:b ?p ?o }",
    "ORDER BY an unprojected term": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?p ORDER BY ?p",
    "a syntax error": "SELECT (COUNT(*) AS ?n) { ?s ?p }",
    "an ASK": "ASK { ?s ?p ?o }",
    "a relative IRI": "SELECT (COUNT(*) AS ?n) { ?s <designee> ?o }",
    "BASE": "BASE <http://example.org/> SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
    "REDUCED": "SELECT REDUCED ?p (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?p",
    "an escape": "SELECT (COUNT(*) AS ?n) { ?s cnd:design\\u0065e ?o }",
    "a name outside ASCII": "SELECT (COUNT(*) AS ?n) { ?s cnd:名 ?o }",
    "VALUES": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o } VALUES ?s { <http://example.org/s> }",
    "SELECT *": "SELECT * { ?s ?p ?o } GROUP BY ?s",
    "a name used twice": "SELECT (COUNT(*) AS ?s) { ?s ?p ?o } GROUP BY ?s",
    "GROUP BY in brackets": "SELECT ?s (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY (?s)",
}


@pytest.mark.parametrize("text", OUTSIDE.values(), ids=OUTSIDE.keys())
def test_queries_outside_the_subset_are_left_to_oxigraph(text: str) -> None:
    assert translate(PROLOGUE + text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SELECT ?s (COUNT(?o) AS ?n) { ?s ?p ?o } GROUP BY ?s", True),
        ("select ?p { ?s ?p ?o . ?o ?q ?r }", True),
        ("SELECT ?s ?o { ?s cnd:countScope ?o }", True),
        ('SELECT ?s { ?s ?p "x" }', False),
        ("SELECT ?s { ?s ?p ?o FILTER(?o != ?s) }", False),
        ("SELECT ?s { ?s ?p ?o OPTIONAL { ?o ?q ?r } }", False),
        ("SELECT ?s { ?s schema:containedInPlace|cnd:designee ?o }", False),
        ("ASK { ?s ?p ?o }", False),
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", False),
    ],
)
def test_only_texts_that_may_be_in_the_subset_are_read(text: str, expected: bool) -> None:
    assert candidate(PROLOGUE + text) is expected


JOINS = [
    "SELECT ?d WHERE { ?d cnd:designee ?z }",
    "SELECT ?d ?z ?c WHERE { ?d cnd:designee ?z . ?z schema:containedInPlace ?c }",
    "SELECT DISTINCT ?c WHERE { ?d cnd:designee ?z . ?z schema:containedInPlace ?c }",
    "SELECT ?z (?c AS ?place) WHERE { ?z schema:containedInPlace ?c ; a cnd:Zone }",
    "SELECT ?d ?e WHERE { ?d cnd:designee ?z . ?e cnd:designee ?z }",
    "SELECT ?c WHERE { ?d a cnd:Designation ; cnd:designee ?z . ?z a ?c }",
]


@pytest.mark.parametrize("text", JOINS)
def test_joins_without_aggregates_give_oxigraphs_rows(
    replica: Replica, oxigraph: Store, text: str
) -> None:
    names, rows = by_oxigraph(oxigraph, text)
    assert rows
    assert _unordered(by_replica(replica, text)) == (names, sorted(rows))


def _unordered(table: tuple[list[str], list[list[str]]] | None) -> tuple[list[str], Any]:
    assert table is not None
    return table[0], sorted(table[1])


def test_counts_per_predicate_and_frequent_object_match_oxigraph(
    replica: Replica, oxigraph: Store
) -> None:
    count = "SELECT (COUNT(*) AS ?a) (COUNT(DISTINCT ?s) AS ?b) (COUNT(DISTINCT ?o) AS ?c) "
    designee = by_oxigraph(oxigraph, count + "{ ?s cnd:designee ?o }")[1][0]
    whole = by_oxigraph(oxigraph, count + "{ ?s ?p ?o }")[1][0]
    typed = by_oxigraph(oxigraph, count + "{ ?s a cnd:AdminDivision }")[1][0]
    stats = replica.stats
    assert [stats.predicates[str(CND.designee)], stats.total] == [
        Counts(*map(_number, designee)),
        Counts(*map(_number, whole)),
    ]
    assert stats.frequent[str(RDF.type), str(CND.AdminDivision)] == _number(typed[0])


def _number(literal: str) -> int:
    return int(literal.split('"')[1])


def test_an_aggregate_cheap_for_oxigraph_is_left_to_it(replica: Replica) -> None:
    text = PROLOGUE + "SELECT ?p (COUNT(?d) AS ?n) WHERE { ?d cnd:underProgram ?p } GROUP BY ?p"
    query = parse(text)
    assert query is not None
    cost = estimate(query.patterns, replica.stats)
    assert cost < THRESHOLD
    assert replica.answer(text, CAP, cost) is not None
    assert replica.answer(text, CAP, cost + 1) is None


def test_ordering_by_literals_is_left_to_oxigraph(replica: Replica) -> None:
    text = "SELECT ?o (COUNT(*) AS ?n) { ?s cnd:adminLevel ?l ; skos:notation ?o } GROUP BY ?o "
    assert by_replica(replica, text + "ORDER BY ?o") is None
    assert by_replica(replica, text + "ORDER BY DESC(?n)") is not None


def test_the_answer_stops_one_row_past_the_cap(replica: Replica, oxigraph: Store) -> None:
    text = PROLOGUE + "SELECT ?s (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?s"
    table = replica.answer(text, 10)
    assert table is not None and len(table[1]) == 11


def test_a_failing_replica_leaves_the_query_to_oxigraph(built_dir: Path, tmp_path: Path) -> None:
    write(Store.open(built_dir), tmp_path / "r.duckdb")
    broken = Replica(tmp_path / "r.duckdb")
    text = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"
    assert by_replica(broken, text) is not None
    broken.close()  # every statement on it now raises duckdb.ConnectionException
    assert by_replica(broken, text) is None


def test_a_triple_in_two_graphs_counts_twice_as_in_oxigraph(tmp_path: Path) -> None:
    s, p = ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p")
    inner = ox.Store()
    for graph in ("http://example.org/g1", "http://example.org/g2"):
        inner.add(ox.Quad(s, p, ox.Literal("x", language="en"), ox.NamedNode(graph)))
    inner.add(ox.Quad(s, p, ox.BlankNode("b1")))
    store = Store(inner)
    write(store, tmp_path / "r.duckdb")
    text = "SELECT ?s (COUNT(*) AS ?n) (COUNT(DISTINCT ?o) AS ?m) { ?s ?p ?o } GROUP BY ?s"
    assert by_replica(Replica(tmp_path / "r.duckdb"), text) == by_oxigraph(store, text)
    assert by_oxigraph(store, text)[1] == [["<http://example.org/s>", *map(_integer, (3, 2))]]


def _integer(n: int) -> str:
    return f'"{n}"^^<http://www.w3.org/2001/XMLSchema#integer>'


def test_triple_terms_are_not_replicated(tmp_path: Path) -> None:
    a = ox.NamedNode("http://example.org/a")
    inner = ox.Store()
    inner.add(ox.Quad(a, a, ox.Triple(a, a, a)))
    with pytest.raises(NotReplicable):
        write(Store(inner), tmp_path / "r.duckdb")
    assert not (tmp_path / "r.duckdb").exists()


def _patterns(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """One to three random triple patterns over the seeds' vocabulary, each after the first
    sharing its subject with one before (no cross products: Oxigraph would take minutes),
    and their variables."""
    patterns: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        used = [w for p in patterns for w in p.split() if w.startswith("?")] or None
        subject = draw(st.sampled_from(used)) if used else "?" + draw(st.sampled_from(VARIABLES))
        predicate = draw(st.sampled_from([*PREDICATES, "?p"]))
        obj = draw(st.sampled_from(["?" + v for v in VARIABLES] + CONSTANTS))
        patterns.append(f"{subject} {predicate} {obj}")
    return patterns, sorted({w[1:] for p in patterns for w in p.split() if w.startswith("?")})


@st.composite
def join_queries(draw: st.DrawFn) -> str:
    """Random SELECTs of variables over a pattern, without aggregates."""
    patterns, bound = _patterns(draw)
    projected = draw(st.lists(st.sampled_from(bound), unique=True, min_size=1, max_size=3))
    distinct = "DISTINCT " if draw(st.booleans()) else ""
    head = " ".join(f"?{v}" for v in projected)
    return f"SELECT {distinct}{head} WHERE {{ {' . '.join(patterns)} }}"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=join_queries())
def test_random_joins_agree_with_oxigraph(replica: Replica, oxigraph: Store, text: str) -> None:
    names, rows = by_oxigraph(oxigraph, text)
    answer = _unordered(by_replica(replica, text))
    if len(rows) > CAP:  # the replica stops one row past the cap
        assert (answer[0], len(answer[1])) == (names, CAP + 1)
    else:
        assert answer == (names, sorted(rows))


@st.composite
def aggregate_queries(draw: st.DrawFn) -> str:
    """Random aggregate queries inside the subset over the seeds' vocabulary."""
    patterns, bound = _patterns(draw)
    groups = draw(st.lists(st.sampled_from(bound), unique=True, max_size=2))
    counted = draw(st.sampled_from(["*", *bound]))
    distinct = "DISTINCT " if counted != "*" and draw(st.booleans()) else ""
    head = " ".join(f"?{g}" for g in groups) + f" (COUNT({distinct}{_var(counted)}) AS ?n)"
    text = f"SELECT {head} WHERE {{ {' . '.join(patterns)} }}"
    if groups:
        text += " GROUP BY " + " ".join(f"?{g}" for g in groups)
    if draw(st.booleans()):
        op = draw(st.sampled_from(["=", "!=", "<", ">", "<=", ">="]))
        text += f" HAVING (COUNT({distinct}{_var(counted)}) {op} {draw(st.integers(0, 4))})"
    if draw(st.booleans()):  # a total order, so that a LIMIT picks the same rows
        text += " ORDER BY DESC(?n) " + " ".join(f"?{g}" for g in groups)
        text += f" LIMIT {draw(st.integers(1, 20))}"
    return text


def _var(name: str) -> str:
    return name if name == "*" else f"?{name}"


@settings(
    max_examples=120, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(text=aggregate_queries())
def test_random_aggregates_agree_with_oxigraph(
    replica: Replica, oxigraph: Store, text: str
) -> None:
    expected = by_oxigraph(oxigraph, text)
    answer = by_replica(replica, text)
    if answer is not None and len(expected[1]) > CAP:  # the replica stops one row past the cap
        assert (answer[0], len(answer[1])) == (expected[0], CAP + 1)
        return
    if answer is None:  # only when it must order by a literal or a blank node
        unsliced = text.rsplit(" LIMIT", 1)[0]
        assert "ORDER BY" in text and _any_non_iri(by_oxigraph(oxigraph, unsliced))
        return
    if "ORDER BY" in text:
        assert answer == expected
    else:
        assert (answer[0], sorted(answer[1])) == (expected[0], sorted(expected[1]))


def _any_non_iri(table: tuple[list[str], list[list[Any]]]) -> bool:
    names, rows = table
    terms = [i for i, n in enumerate(names) if n != "n"]
    return any(not row[i].startswith("<") for row in rows for i in terms)
