"""The Graph Store HTTP Protocol on /sparql (indirect identification), and HEAD, against a
live server with an update token over a scratch store."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graph.namespaces import ID
from tests.errors import error_of
from tests.server import running_server

TOKEN = "graph-store-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
EX = "http://example.org/"
TURTLE = {"Content-Type": "text/turtle"}
ALICE = f'<{EX}alice> <{EX}name> "Alice", "爱丽丝"@zh ; <{EX}knows> [ <{EX}name> "Bob" ] .'
ALICE_GRAPH = Graph().parse(data=ALICE, format="turtle")


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server with an update token over a new, empty store, with three query workers."""
    store = tmp_path_factory.mktemp("graph-store") / "store"
    with running_server(
        store, "--allow-empty", "--update-token", TOKEN, env={"DESIGNATIONS_WORKERS": "3"}
    ) as url:
        yield url


def write(base: str, method: str, target: dict[str, str], body: str = "", **headers: str) -> int:
    """Send a Graph Store write with the token; its status (the body must be empty)."""
    response = httpx.request(
        method,
        base + "/sparql",
        params=target,
        content=body.encode(),
        headers={**AUTH, **TURTLE, **headers},
    )
    assert response.content == b"", response.text
    return response.status_code


def read(base: str, target: dict[str, str], accept: str = "text/turtle") -> Graph:
    """GET a graph and parse it back, checking its media type."""
    response = httpx.get(base + "/sparql", params=target, headers={"Accept": accept})
    assert (response.status_code, response.headers["content-type"].split(";")[0]) == (200, accept)
    formats = {"text/turtle": "turtle", "application/n-triples": "nt"}
    return Graph().parse(data=response.content, format=formats[accept])


def test_put_creates_then_replaces_and_delete_removes(base: str) -> None:
    target = {"graph": f"{EX}people"}
    assert write(base, "PUT", target, ALICE) == 201
    assert isomorphic(read(base, target), ALICE_GRAPH)
    assert write(base, "PUT", target, f'<{EX}carol> <{EX}name> "Carol" .') == 204
    expected = [(URIRef(f"{EX}carol"), URIRef(f"{EX}name"), Literal("Carol"))]
    assert list(read(base, target, "application/n-triples")) == expected
    assert write(base, "DELETE", target) == 204
    response = httpx.get(base + "/sparql", params=target)
    assert error_of(response) == (404, 404, "NotFound")
    deleted_again = httpx.delete(base + "/sparql", params=target, headers=AUTH)
    assert error_of(deleted_again) == (404, 404, "NotFound")


def test_post_merges_and_keeps_blank_nodes_apart(base: str) -> None:
    target = {"graph": f"{EX}merged"}
    assert write(base, "POST", target, ALICE) == 201
    assert write(base, "POST", target, ALICE) == 204
    merged = read(base, target)
    assert (len(merged), len(set(merged.subjects(URIRef(f"{EX}name"), Literal("Bob"))))) == (6, 2)


@pytest.mark.parametrize(
    ("media", "body"),
    [
        ("application/n-triples", f'<{EX}s> <{EX}p> "包头" .\n'),
        ("application/ld+json", f'{{"@id": "{EX}s", "{EX}p": "包头"}}'),
        (
            "application/rdf+xml",
            f'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:e="{EX}">'
            f'<rdf:Description rdf:about="{EX}s"><e:p>包头</e:p></rdf:Description></rdf:RDF>',
        ),
        ("text/turtle; charset=utf-8", f'<s> <{EX}p> "包头" .'),
    ],
)
def test_bodies_in_each_rdf_format(base: str, media: str, body: str) -> None:
    target = {"graph": f"{EX}s"}
    write(base, "PUT", target, body, **{"Content-Type": media})
    assert set(read(base, target)) == {(URIRef(f"{EX}s"), URIRef(f"{EX}p"), Literal("包头"))}


def test_the_default_graph_is_the_stores_own_and_queries_see_it(base: str) -> None:
    assert write(base, "PUT", {"default": ""}, f'<{EX}d> <{EX}p> "in default" .') == 204
    assert set(read(base, {"default": ""})) == {
        (URIRef(f"{EX}d"), URIRef(f"{EX}p"), Literal("in default"))
    }
    query = f"SELECT ?o WHERE {{ <{EX}d> <{EX}p> ?o }}"
    answer = httpx.get(base + "/sparql", params={"query": query}).json()
    assert answer["results"]["bindings"] == [{"o": {"type": "literal", "value": "in default"}}]
    assert write(base, "DELETE", {"default": ""}) == 204
    assert len(read(base, {"default": ""})) == 0


def test_post_to_the_store_creates_a_graph_named_in_location(base: str) -> None:
    response = httpx.post(base + "/sparql", content=ALICE.encode(), headers={**AUTH, **TURTLE})
    location = response.headers["location"]
    assert (response.status_code, location.rsplit("/", 1)[0]) == (201, f"{ID}graph/upload")
    assert isomorphic(read(base, {"graph": location}), ALICE_GRAPH)


def test_multipart_post_merges_every_part(base: str) -> None:
    parts = [
        ("text/turtle; charset=utf-8", f'<{EX}m> <{EX}zh> "稀土" .'),
        ("application/n-triples", f'<{EX}m> <{EX}en> "rare earth" .\n'),
    ]
    body = "".join(
        f'--XyZ\r\nContent-Disposition: form-data; name="f{i}"; filename="f{i}"\r\n'
        f"Content-Type: {media}\r\n\r\n{text}\r\n"
        for i, (media, text) in enumerate(parts)
    )
    target = {"graph": f"{EX}multi"}
    headers = {"Content-Type": "multipart/form-data; boundary=XyZ"}
    assert write(base, "POST", target, body + "--XyZ--\r\n", **headers) == 201
    assert set(read(base, target)) == {
        (URIRef(f"{EX}m"), URIRef(f"{EX}zh"), Literal("稀土")),
        (URIRef(f"{EX}m"), URIRef(f"{EX}en"), Literal("rare earth")),
    }


UNSUPPORTED = "UnsupportedMediaType"
NAMED_GRAPH_JSONLD = '{"@id": "http://g/", "@graph": [{"@id": "http://s", "http://p": "o"}]}'
REMOTE_CONTEXT = '{"@context": "http://127.0.0.1:9/context.jsonld", "@id": "http://s", "p": 1}'
BAD_WRITES = [
    ("PUT", {"graph": f"{EX}x"}, {}, 403, "Forbidden"),
    ("PUT", {"graph": f"{EX}x"}, {"Authorization": "Bearer wrong"}, 403, "Forbidden"),
    ("PUT", {"graph": f"{EX}x"}, {**AUTH, "Content-Type": "text/plain"}, 415, UNSUPPORTED),
    ("PUT", {"graph": f"{EX}x"}, {**AUTH, "Content-Type": "application/n-quads"}, 415, UNSUPPORTED),
    ("PUT", {"graph": f"{EX}x"}, {**AUTH, "Content-Type": "application/trig"}, 415, UNSUPPORTED),
    ("PUT", {"graph": f"{EX}x"}, {**AUTH}, 415, UNSUPPORTED),
    ("PUT", {"graph": f"{EX}x"}, {**AUTH, **TURTLE, "X-Body": "<a> <b>"}, 400, "LoadError"),
    ("PUT", {"graph": f"{EX}x"}, {**AUTH, "Content-Type": "application/ld+json",
     "X-Body": NAMED_GRAPH_JSONLD}, 400, "LoadError"),
    ("PUT", {"graph": f"{EX}x"}, {**AUTH, "Content-Type": "application/ld+json",
     "X-Body": REMOTE_CONTEXT}, 400, "LoadError"),
    ("PUT", {"graph": f"{EX}x"}, {**AUTH, "Content-Type": "text/turtle; charset=latin-1"}, 400,
     "ProtocolError"),
    ("PUT", {}, {**AUTH, **TURTLE}, 400, "ProtocolError"),
    ("PUT", {"graph": "relative"}, {**AUTH, **TURTLE}, 400, "ProtocolError"),
    ("PUT", {"graph": f"{EX}x", "default": ""}, {**AUTH, **TURTLE}, 400, "ProtocolError"),
    ("DELETE", {}, {**AUTH}, 400, "ProtocolError"),
    ("PUT", {"graph": f"{EX}x"}, {**AUTH, **TURTLE, "X-Body": "#" * (4 * 1024 * 1024 + 1)}, 413,
     "TooLarge"),
    ("POST", {"graph": f"{EX}x"}, {**AUTH, "Content-Type": "multipart/form-data; boundary=q",
     "X-Body": "nothing"}, 400, "ProtocolError"),
]  # fmt: skip


@pytest.mark.parametrize(("method", "target", "headers", "status", "error"), BAD_WRITES)
def test_bad_writes_get_a_clear_4xx_and_change_nothing(
    base: str, method: str, target: dict[str, str], headers: dict[str, str], status: int, error: str
) -> None:
    headers = dict(headers)
    body = headers.pop("X-Body", "<a> <b> <c> .").encode()
    response = httpx.request(method, base + "/sparql", params=target, headers=headers, content=body)
    assert error_of(response) == (status, status, error)
    assert error_of(httpx.get(base + "/sparql", params={"graph": f"{EX}x"}))[0] == 404


@pytest.mark.parametrize(
    "params",
    [{}, {"query": "ASK {}"}, {"graph": f"{EX}head"}, {"default": ""}, {"graph": f"{EX}none"}],
)
def test_head_answers_like_get_without_a_body(base: str, params: dict[str, str]) -> None:
    write(base, "PUT", {"graph": f"{EX}head"}, ALICE)
    accept = {"Accept": "text/turtle, application/sparql-results+json"}
    got = httpx.get(base + "/sparql", params=params, headers=accept)
    head = httpx.head(base + "/sparql", params=params, headers=accept)
    assert (head.status_code, head.headers["content-type"], head.content) == (
        got.status_code,
        got.headers["content-type"],
        b"",
    )
    # The service description's blank node labels are fresh on each request, so its length
    # varies by a few bytes; every other answer is the same bytes each time.
    length = int(head.headers["content-length"])
    assert length == len(got.content) if params else abs(length - len(got.content)) < 20


def test_direct_and_indirect_identification_name_the_same_graph(base: str) -> None:
    url = base + "/sparql/people/direct.ttl"
    put = httpx.put(url, content=ALICE.encode(), headers={**AUTH, **TURTLE})
    assert (put.status_code, put.content) == (201, b"")
    assert isomorphic(read(base, {"graph": url}), ALICE_GRAPH)
    got = httpx.get(url, headers={"Accept": "text/turtle"})
    assert isomorphic(Graph().parse(data=got.content, format="turtle"), ALICE_GRAPH)
    head = httpx.head(url, headers={"Accept": "text/turtle"})
    assert (head.status_code, head.headers["content-type"], head.content) == (
        200,
        "text/turtle; charset=utf-8",
        b"",
    )
    assert httpx.delete(url, headers=AUTH).status_code == 204
    assert error_of(httpx.get(url)) == (404, 404, "NotFound")
    assert error_of(httpx.put(url, content=ALICE.encode(), headers=TURTLE)) == (
        403,
        403,
        "Forbidden",
    )


def test_a_direct_graph_keeps_the_percent_encoding_of_its_url(base: str) -> None:
    url = base + "/sparql/people/J%C3%BCrgen%20M.ttl"
    put = httpx.put(url, content=ALICE.encode(), headers={**AUTH, **TURTLE})
    assert (put.status_code, put.content) == (201, b"")
    assert isomorphic(read(base, {"graph": url}), ALICE_GRAPH)
