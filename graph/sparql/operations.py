"""Checks and rewrites of a client's SPARQL text before it runs.

`refuse_remote` stops SERVICE and LOAD unless remote access is allowed; `with_using` applies
the protocol's using-graph-uri and using-named-graph-uri parameters to an update by adding
USING clauses before each operation's WHERE.

>>> with_using("INSERT { GRAPH <g> { ?s a 1 } } WHERE { ?s ?p ?o }", Dataset(("http://d",)))
'INSERT { GRAPH <g> { ?s a 1 } } USING <http://d> WHERE { ?s ?p ?o }'
"""

from __future__ import annotations

from graph.errors import Forbidden, ProtocolError
from graph.sparql.jobs import Dataset
from graph.sparql.lexer import Token, has_keyword, keywords, mentions

REMOTE_KEYWORDS = ("SERVICE", "LOAD")


def refuse_remote(text: str) -> None:
    """Raise Forbidden when the text uses SERVICE or LOAD."""
    if not mentions(text, *REMOTE_KEYWORDS):
        return
    for token in keywords(text):
        if token.upper in REMOTE_KEYWORDS:
            raise Forbidden(
                f"{token.upper} is disabled on this endpoint: it does not fetch remote data "
                "(the allow_remote setting is off)"
            )


def _using_clause(dataset: Dataset) -> str:
    clauses = [f"USING <{iri}>" for iri in dataset.default_graphs]
    clauses += [f"USING NAMED <{iri}>" for iri in dataset.named_graphs]
    return " ".join(clauses) + " "


def _where_positions(tokens: list[Token]) -> list[int]:
    """Offsets of each top-level WHERE that starts the pattern of a DELETE/INSERT operation."""
    out = []
    for previous, token in zip([None, *tokens], tokens, strict=False):
        top_where = token.depth == 0 and token.upper == "WHERE"
        if top_where and (previous is None or previous.upper != "DELETE"):
            out.append(token.start)
    return out


def with_using(text: str, dataset: Dataset) -> str:
    """The update with the protocol's dataset as USING clauses.

    The protocol forbids naming a dataset both ways, so an update with its own USING or WITH
    is refused when dataset parameters are given.
    """
    if not dataset:
        return text
    if has_keyword(text, "USING", "WITH"):
        raise ProtocolError(
            "the update names its dataset with USING or WITH; do not also send "
            "using-graph-uri or using-named-graph-uri"
        )
    clause = _using_clause(dataset)
    for start in reversed(_where_positions(list(keywords(text)))):
        text = text[:start] + clause + text[start:]
    return text
