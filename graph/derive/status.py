"""The verification rollup over the projection's claim columns: each designation with claims
gets the status graph.derive.rollup.rollup_status defines, computed for every designation at
once."""

from __future__ import annotations

import networkx as nx
import numpy as np

from graph.derive.columns import grouped, spans
from graph.derive.projection import Projection
from graph.derive.rollup import PRECEDENCE
from graph.namespaces import CND, concept

STATUS = f"<{CND.verificationStatus}>"
NAMES = (*PRECEDENCE, "corroborated", "unverified")
CORROBORATED, UNVERIFIED = len(PRECEDENCE), len(PRECEDENCE) + 1


def origins(p: Projection, documents: list[int]) -> dict[int, list[int]]:
    """The outlets first reporting each document: the ends of its chains of quotes, or the
    document itself when it quotes nothing (or only in a circle)."""
    quotes: nx.DiGraph[int] = nx.DiGraph(p.quotes)
    out: dict[int, list[int]] = {}
    for document in documents:
        ends = []
        if document in quotes:
            reached = nx.descendants(quotes, document)
            ends = sorted(n for n in reached if quotes.out_degree(n) == 0)
        out[document] = ends or [document]
    return out


def _ranks(p: Projection, statuses: np.ndarray) -> np.ndarray:
    """Each claim status's place in PRECEDENCE (len(PRECEDENCE) when it is not there)."""
    found, inverse = np.unique(statuses, return_inverse=True)
    names = [p.iris[s].rsplit("/", 1)[-1].rstrip(">") for s in found.tolist()]
    ranks = [PRECEDENCE.index(n) if n in PRECEDENCE else len(PRECEDENCE) for n in names]
    return np.array(ranks, dtype=np.int64)[inverse.reshape(-1)]


def _origin_counts(p: Projection, rows: np.ndarray, documents: np.ndarray) -> np.ndarray:
    """How many distinct first outlets report each designation's claims."""
    found, inverse = np.unique(documents, return_inverse=True)
    inverse = inverse.reshape(-1)
    ends = origins(p, found.tolist())
    sizes = np.array([len(ends[d]) for d in found.tolist()], dtype=np.int64)
    flat = np.array([e for d in found.tolist() for e in ends[d]], dtype=np.int64)
    # Each claim link repeated once per first outlet of its document.
    link, within = spans(sizes[inverse])
    origin = flat[(np.cumsum(sizes) - sizes)[inverse][link] + within]
    pairs = grouped(rows[link], origin).keys
    return np.bincount(pairs[:, 0], minlength=len(p))


def statuses(p: Projection) -> list[tuple[str, str, str]]:
    """The status triple (N-Triples terms) of every designation that has claims."""
    rows = np.array(p.support_row, dtype=np.int64)
    best = np.full(len(p), CORROBORATED, dtype=np.int64)
    np.minimum.at(best, rows, _ranks(p, np.array(p.support_status, dtype=np.int64)))
    documents = np.array(p.support_document, dtype=np.int64)
    lone = (best == CORROBORATED) & (_origin_counts(p, rows, documents) < 2)
    best[lone] = UNVERIFIED
    best[np.array(p.retracted, dtype=np.bool_)] = PRECEDENCE.index("retracted")
    values = [f"<{concept('verification-status', name)}>" for name in NAMES]
    claimed = np.flatnonzero(np.bincount(rows, minlength=len(p)))
    return [
        (p.iris[p.designation[row]], STATUS, values[status])
        for row, status in zip(claimed.tolist(), best[claimed].tolist(), strict=True)
    ]
