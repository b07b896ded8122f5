"""Small constructors shared by the mapping modules: quads, dates, labels."""

from __future__ import annotations

import re

from rdflib import Literal, URIRef
from rdflib.namespace import SKOS, XSD
from rdflib.term import Node

from graph.build.labels import name_pinyin
from graph.build.records import DateValue
from graph.build.reference import Names

Quad = tuple[Node, Node, Node, URIRef]
DATE_TYPES = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}
_HAN = re.compile(r"[\u3400-\u9fff]")


def date_literal(value: DateValue) -> Literal:
    """A date at its source's precision: xsd:gYear, xsd:gYearMonth or xsd:date."""
    return Literal(value.value, datatype=DATE_TYPES[len(value.value)])


def lang_of(text: str) -> str:
    """The language tag a free-standing label gets: zh-Hans when it has Han characters."""
    return "zh-Hans" if _HAN.search(text) else "en"


def label_triples(subject: URIRef, names: Names) -> list[tuple[Node, Node, Node]]:
    """One prefLabel per language (pinyin generated when not curated) and the alternatives."""
    pinyin = names.pinyin or name_pinyin(names.zh)
    out: list[tuple[Node, Node, Node]] = [
        (subject, SKOS.prefLabel, Literal(names.zh, lang="zh-Hans")),
        (subject, SKOS.prefLabel, Literal(names.en, lang="en")),
        (subject, SKOS.prefLabel, Literal(pinyin, lang="zh-Latn-pinyin")),
    ]
    out += [(subject, SKOS.altLabel, Literal(t, lang="zh-Hans")) for t in names.alt_zh]
    out += [(subject, SKOS.altLabel, Literal(t, lang="en")) for t in names.alt_en]
    out += [(subject, SKOS.hiddenLabel, Literal(t, lang=lang_of(t))) for t in names.hidden]
    return out


def in_graph(triples: list[tuple[Node, Node, Node]], graph: URIRef) -> list[Quad]:
    """Place triples in a named graph."""
    return [(s, p, o, graph) for s, p, o in triples]
