"""The label index: exact, prefix and typo-tolerant search over the built seeds."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib.namespace import RDF, SKOS

from graph import Store
from graph.namespaces import CND
from graph.read.search import LabelIndex, label_index, normalise

ZONE = "https://w3id.org/china-designations/id/zone/baotou-rare-earth-htz"
BAOTOU = "https://w3id.org/china-designations/id/adm/150200"
MIIT = "https://w3id.org/china-designations/id/org/miit"
NEIMENGGU = "https://w3id.org/china-designations/id/adm/150000"


@pytest.fixture(scope="module")
def index(built_dir: Path) -> LabelIndex:
    return LabelIndex.from_store(Store.open(built_dir))


@pytest.mark.parametrize(
    ("text", "kinds", "top"),
    [
        ("包头稀土高新区", (), (ZONE, "exact", 1.0)),
        ("包头 稀土 高新区", (), (ZONE, "exact", 1.0)),
        ("包頭稀土高新區", (), (ZONE, "exact", 1.0)),
        ("Baotou Rare Earth Hi-Tech Zone", (), (ZONE, "exact", 1.0)),
        ("baotou rare earth hi tech zone", (), (ZONE, "exact", 1.0)),
        ("Bāotóu Xītǔ Gāoxīn Jìshù Chǎnyè Kāifāqū", (), (ZONE, "exact", 1.0)),
        ("baotou xitu gaoxin", (), (ZONE, "prefix", 0.9333)),
        ("Baotuo Rare Earth Hi-Tech Zone", (), (ZONE, "fuzzy", 0.66)),
        ("baotou", ("zone",), (ZONE, "prefix", 0.85)),
        ("bautou", (), (BAOTOU, "fuzzy", 0.5357)),
        ("工信部", (), (MIIT, "exact", 1.0)),
        ("miit", (), (MIIT, "exact", 1.0)),
        ("150000", (), (NEIMENGGU, "exact", 1.0)),
        ("Nei Menggu", (), (NEIMENGGU, "prefix", 0.8844)),
    ],
)
def test_search_finds_the_entity_first(
    index: LabelIndex, text: str, kinds: tuple[str, ...], top: tuple[str, str, float]
) -> None:
    hit = index.search(text, frozenset(kinds), limit=1)[0]
    assert (hit.iri, hit.match, hit.score) == top


def test_search_orders_by_score_then_iri_and_keeps_one_hit_per_entity(index: LabelIndex) -> None:
    hits = index.search("baotou", limit=5)
    assert [(h.iri.rsplit("/id/", 1)[1], h.match) for h in hits] == [
        ("adm/150200", "exact"),
        ("org/baogang-group", "prefix"),
        ("org/baotou-daily", "prefix"),
        ("zone/baotou-rare-earth-htz", "prefix"),
        ("org/baotou-rare-earth-research-institute", "prefix"),
    ]
    assert len({h.iri for h in hits}) == len(hits)


def test_search_of_nothing_finds_nothing(index: LabelIndex) -> None:
    assert (index.search("  -- "), index.search("zzqqxxyy")) == ([], [])


def test_normalise_folds_case_tones_punctuation_and_traditional() -> None:
    assert [normalise(t) for t in ("Hi-Tech  Zone", "Nèi Měnggǔ", "內蒙古")] == [
        "hitechzone",
        "neimenggu",
        "内蒙古",
    ]


def test_label_index_is_built_once_per_store_instance() -> None:
    zone = ox.NamedNode(ZONE)
    quads = [
        ox.Quad(zone, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(CND.Zone)), ox.DefaultGraph()),
        ox.Quad(
            zone, ox.NamedNode(str(SKOS.prefLabel)), ox.Literal("Quoll Park"), ox.DefaultGraph()
        ),
    ]
    first, second = Store.memory(), Store.memory()
    first.extend(quads)
    index = label_index(first)
    second.extend(quads[:1])
    assert (label_index(first) is index, [h.iri for h in index.search("Quoll Park")]) == (
        True,
        [ZONE],
    )
    assert label_index(second).search("Quoll Park") == []
