"""The query editor at /sparql for browsers: a GET that names no query, update or graph and
whose Accept header asks for HTML by name, at least as much as for anything else. Every other
request to /sparql is the SPARQL 1.1 Protocol, exactly as before."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from api.negotiation import parse_accept, quality
from api.pages.render import render
from graph.namespaces import PREFIXES
from graph.read.examples import examples
from graph.read.ontology import terms
from graph.store import Store

PROTOCOL_PARAMETERS = frozenset(
    {"query", "update", "graph", "default", "default-graph-uri", "named-graph-uri"}
)
HTML = ("text/html", "application/xhtml+xml")


def wants_editor(request: Request) -> bool:
    """Whether a request to /sparql is a person's browser asking for the editor."""
    if request.method != "GET" or PROTOCOL_PARAMETERS & set(request.query_params):
        return False
    ranges = parse_accept(request.headers.get("accept", ""))
    named = [r for r in ranges if r.type != "*" and r.subtype != "*"]
    html = max((r.q for r in named if f"{r.type}/{r.subtype}" in HTML), default=0.0)
    return html > 0 and html >= quality(ranges, "text/turtle")


def editor(request: Request, store: Store) -> Response:
    """The editor page, with the prefixes, cnd: terms and example queries its script uses."""
    config = {
        "prefixes": {p: iri for p, iri in PREFIXES.items() if p != "id"},
        "terms": [
            {"name": f"cnd:{t.name}", "kind": t.kind, "label": t.en, "definition": t.definition}
            for t in terms(store)
        ],
        "examples": [e.model_dump() for e in examples()],
    }
    return render(request, "editor.html", {"config": config}, headers={"Vary": "Accept"})
