"""JSON-LD compacted with the project's context (ontology/context.jsonld), in linear time.

Oxigraph writes expanded JSON-LD (full IRIs, one value object per value); this module compacts
it for the one context the project publishes: IRIs under a declared prefix become compact IRIs
(`cnd:Zone`, `id:zone/…`), and a property takes its term (`prefLabel`, `designee`, …) when
every value fits the term's definition (`@type: @id`, a datatype, a language map); otherwise
it keeps its compact IRI and the value objects. General-purpose compaction (pyld) reads the
same context but takes minutes on the whole graph; what this writes expands to the same quads,
which the tests check by reading it back with Oxigraph's and pyld's JSON-LD parsers.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

import pyoxigraph as ox

from graph.paths import CONTEXT_FILE, ONTOLOGY_DIR

Json = dict[str, Any]
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@dataclass(frozen=True)
class Term:
    """One expanded term definition of the context."""

    name: str
    iri: str
    type: str | None
    container: frozenset[str]


@dataclass(frozen=True)
class Context:
    """The context as published, its prefixes (longest first) and its terms by property IRI."""

    document: Json
    prefixes: tuple[tuple[str, str], ...]
    terms: dict[str, Term]
    aliases: dict[str, str]


@cache
def context() -> Context:
    """The project's context, read once."""
    document = json.loads((ONTOLOGY_DIR / CONTEXT_FILE).read_text("utf-8"))
    entries: Json = document["@context"]
    prefixes = {
        name: value
        for name, value in entries.items()
        if isinstance(value, str) and not value.startswith("@") and value[-1:] in "#/"
    }
    ordered = tuple(sorted(prefixes.items(), key=lambda item: -len(item[1])))

    def expand(value: str) -> str:
        prefix, _, rest = value.partition(":")
        return (
            prefixes[prefix] + rest if prefix in prefixes and not rest.startswith("//") else value
        )

    terms: dict[str, Term] = {}
    for name, value in entries.items():
        if not isinstance(value, dict):
            continue
        container = value.get("@container", [])
        kind = value.get("@type")
        term = Term(
            name=name,
            iri=expand(value["@id"]),
            type=kind if kind in (None, "@id") else expand(kind),
            container=frozenset([container] if isinstance(container, str) else container),
        )
        terms.setdefault(term.iri, term)
    aliases = {
        value: name
        for name, value in entries.items()
        if value in ("@id", "@type") and not name.startswith("@")
    }
    return Context(document=document, prefixes=ordered, terms=terms, aliases=aliases)


def _key(keyword: str) -> str:
    """The context's alias of `@id` or `@type` (`iri`, `type`), else the keyword."""
    return context().aliases.get(keyword, keyword)


def compact_iri(iri: str) -> str:
    """`prefix:local` under the longest declared prefix, else the IRI itself."""
    for prefix, base in context().prefixes:
        if iri.startswith(base) and len(iri) > len(base) and not iri[len(base) :].startswith("//"):
            return f"{prefix}:{iri[len(base) :]}"
    return iri


def _fits(term: Term, value: Json) -> bool:
    if term.type == "@id":
        return set(value) == {"@id"}
    if "@language" in term.container:
        return set(value) == {"@value", "@language"}
    if term.type is not None:
        return set(value) == {"@value", "@type"} and value["@type"] == term.type
    return True


def _value(value: Json) -> Any:
    """A value object with its IRIs compacted; a plain string as a string."""
    if "@id" in value:
        return {_key("@id"): compact_iri(value["@id"])}
    if set(value) == {"@value"} and isinstance(value["@value"], str):
        return value["@value"]
    if "@type" in value:
        return {"@value": value["@value"], _key("@type"): compact_iri(value["@type"])}
    return dict(value)


def _property(iri: str, values: list[Json]) -> tuple[str, Any]:
    term = context().terms.get(iri)
    if term is None or not all(_fits(term, v) for v in values):
        compacted = [_value(v) for v in values]
        return compact_iri(iri), compacted[0] if len(compacted) == 1 else compacted
    if "@language" in term.container:
        by_language: dict[str, list[str]] = {}
        for v in values:
            by_language.setdefault(v["@language"], []).append(v["@value"])
        listed = "@set" in term.container
        return term.name, {
            lang: texts if listed or len(texts) > 1 else texts[0]
            for lang, texts in by_language.items()
        }
    if term.type == "@id":
        out: list[Any] = [compact_iri(v["@id"]) for v in values]
    elif term.type is not None:
        out = [v["@value"] for v in values]
    else:
        out = [_value(v) for v in values]
    return term.name, out if "@set" in term.container or len(out) > 1 else out[0]


def _node(node: Json) -> Json:
    out: Json = {}
    for key, value in node.items():
        if key == RDF_TYPE and all(set(v) == {"@id"} for v in value):
            key, value = "@type", [v["@id"] for v in value]
        if key == "@id":
            out[_key("@id")] = compact_iri(value)
        elif key == "@type":
            types = [compact_iri(t) for t in value]
            out[_key("@type")] = types[0] if len(types) == 1 else types
        elif key == "@graph":
            out["@graph"] = [_node(n) for n in value]
        else:
            name, compacted = _property(key, value)
            out[name] = compacted
    return out


def compact(quads: Iterable[ox.Quad] | Iterable[ox.Triple]) -> Json:
    """The quads (or triples) as one JSON-LD document: the project's context and a `@graph`
    of node objects, named graphs as graph objects; one node alone is the document itself."""
    expanded = json.loads(ox.serialize(quads, format=ox.RdfFormat.JSON_LD) or b"[]")
    nodes = [_node(n) for n in expanded]
    head = {"@context": context().document["@context"]}
    if len(nodes) == 1 and "@graph" not in nodes[0]:
        return head | nodes[0]
    return head | {"@graph": nodes}


def dumps(quads: Iterable[ox.Quad] | Iterable[ox.Triple]) -> bytes:
    """`compact` as indented UTF-8 JSON."""
    return json.dumps(compact(quads), ensure_ascii=False, indent=2).encode("utf-8")
