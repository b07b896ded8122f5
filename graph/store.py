"""The on-disk Oxigraph store: the only module that writes to it."""

from __future__ import annotations

import json
import shutil
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph.errors import LoadError, QueryError, StoreError
from graph.media import RDF_BY_SUFFIX
from graph.namespaces import PREFIXES
from graph.terms import OxTerm

QueryResult = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples
GraphName = ox.NamedNode | ox.DefaultGraph


def graph_name(iri: str) -> GraphName:
    """The graph an IRI names; "" names the default graph."""
    return ox.NamedNode(iri) if iri else ox.DefaultGraph()


class Store:
    """A SPARQL 1.1 dataset backed by pyoxigraph; its default graph is the union of all graphs."""

    def __init__(self, inner: ox.Store, path: Path | None = None) -> None:
        self.inner = inner
        self.path = path

    @classmethod
    def open(cls, path: Path, *, read_only: bool = True) -> Store:
        """Open the store in a directory; read-only unless asked (read-only never locks)."""
        if read_only and not (path / "CURRENT").exists():
            raise StoreError(f"no store at {path}: run `designations build` first")
        try:
            inner = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
        except OSError as exc:
            raise StoreError(f"cannot open the store at {path}: {exc}") from exc
        return cls(inner, path)

    @classmethod
    def ensure(cls, path: Path) -> None:
        """Create an empty store in path unless one is there: an empty directory is an empty
        store."""
        if (path / "CURRENT").exists():
            return
        try:
            path.mkdir(parents=True, exist_ok=True)
            ox.Store(str(path)).flush()
        except OSError as exc:
            raise StoreError(f"cannot create a store at {path}: {exc}") from exc

    @classmethod
    def memory(cls) -> Store:
        """A fresh in-memory store, for tests and scratch work."""
        return cls(ox.Store())

    def query(
        self,
        sparql: str,
        substitutions: Mapping[str, OxTerm] | None = None,
        *,
        union: bool = True,
        default_graph: list[ox.NamedNode] | None = None,
        named_graphs: list[ox.NamedNode] | None = None,
        base_iri: str | None = None,
    ) -> QueryResult:
        """Run a SPARQL query as written; values are bound with substitutions, never spliced."""
        options: dict[str, Any] = {"prefixes": PREFIXES, "base_iri": base_iri}
        if default_graph is not None:
            options["default_graph"] = default_graph
        else:
            options["use_default_graph_as_union"] = union
        if named_graphs is not None:
            options["named_graphs"] = named_graphs
        if substitutions:
            options["substitutions"] = {ox.Variable(k): v for k, v in substitutions.items()}
        try:
            return self.inner.query(sparql, **options)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc
        except OSError as exc:
            raise QueryError(f"query failed: {exc}") from exc

    def select(self, sparql: str, **bindings: OxTerm) -> list[dict[str, OxTerm]]:
        """Rows of a SELECT query as dicts of bound variables.

        Bindings are pyoxigraph substitutions: the variables must be projected, and Oxigraph's
        planner does not start from them. A bound variable's pattern joined with others (or a
        property path inside OPTIONAL) can be evaluated for every node first: keep a path from a
        bound variable alone in a subquery (see graph/read/reconcile.py) and measure.
        """
        result = self.query(sparql, bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        names = [v.value for v in result.variables]
        return [{n: row[n] for n in names if row[n] is not None} for row in result]

    def select_values(self, sparql: str, **bindings: OxTerm) -> list[dict[str, str]]:
        """Rows of a SELECT query as dicts of the bound variables' lexical values (IRIs and
        literals alike), read through Oxigraph's JSON results: several times faster than
        select() for tens of thousands of rows."""
        result = self.query(sparql, bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        data = json.loads(result.serialize(format=ox.QueryResultsFormat.JSON) or b"{}")
        rows: list[dict[str, dict[str, str]]] = data["results"]["bindings"]
        return [{k: term["value"] for k, term in row.items()} for row in rows]

    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        """Run a SPARQL update (relative IRIs resolve against base_iri when given)."""
        try:
            self.inner.update(sparql, base_iri=base_iri, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc
        except OSError as exc:
            raise QueryError(f"update failed: {exc}") from exc

    def extend(self, quads: Iterable[ox.Quad]) -> None:
        """Bulk-add quads."""
        self.inner.bulk_extend(quads)

    def load_file(self, path: Path, graph: ox.NamedNode) -> int:
        """Bulk-load an RDF file into a named graph (quads already in a named graph keep it).

        The file is parsed once in full before anything is written, so a syntax error
        leaves the store as it was. Returns the number of quads read.
        """
        known = RDF_BY_SUFFIX.get(path.suffix.lower())
        if known is None:
            raise LoadError(f"{path}: unknown RDF format; use one of {', '.join(RDF_BY_SUFFIX)}")
        fmt = known.ox
        count = sum(1 for _ in _parse(path, fmt))
        self.inner.bulk_extend(
            ox.Quad(q.subject, q.predicate, q.object, graph)
            if isinstance(q.graph_name, ox.DefaultGraph)
            else q
            for q in _parse(path, fmt)
        )
        return count

    def load_triples(self, data: bytes, graph: ox.NamedNode) -> None:
        """Load N-Triples into a named graph (for a store being built, not yet served).

        In memory, one transaction is the fastest way in; on disk, the bulk loader is.
        """
        if self.path is None:
            self.inner.load(input=data, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
        else:
            self.inner.bulk_load(input=data, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)

    @contextmanager
    def loader(self, graph: ox.NamedNode, ahead: int = 2) -> Iterator[Callable[[bytes], None]]:
        """A function that queues chunks of N-Triples to load into a named graph (as
        load_triples) in a background thread, at most `ahead` waiting; Oxigraph parses
        without the GIL, so the caller goes on meanwhile. Every load has finished, and the
        first error is raised, when the block ends."""
        pending: deque[Future[None]] = deque()

        def load(data: bytes) -> None:
            while len(pending) >= ahead:
                pending.popleft().result()
            pending.append(pool.submit(self.load_triples, data, graph))

        with ThreadPoolExecutor(1, thread_name_prefix="loader") as pool:
            try:
                yield load
            finally:
                while pending:
                    pending.popleft().result()

    def has_graph(self, graph: GraphName) -> bool:
        """Whether the graph exists; the default graph always does."""
        return isinstance(graph, ox.DefaultGraph) or self.inner.contains_named_graph(graph)

    def put_graph(self, graph: GraphName, triples: Iterable[ox.Triple]) -> bool:
        """Replace a graph's triples (the Graph Store Protocol's PUT); True when it is new.

        Clearing and adding are two transactions: a crash between them leaves the graph empty.
        """
        new = not self.has_graph(graph)
        self.inner.remove_graph(graph)
        self.add_to_graph(graph, triples)
        return new

    def add_to_graph(self, graph: GraphName, triples: Iterable[ox.Triple]) -> bool:
        """Add triples to a graph, all of them in one transaction (the Graph Store Protocol's
        POST); True when the graph is new."""
        new = not self.has_graph(graph)
        if isinstance(graph, ox.NamedNode):
            self.inner.add_graph(graph)
        self.inner.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples)
        return new

    def drop_graph(self, graph: GraphName) -> bool:
        """Remove a named graph, or empty the default graph; False when there was no such
        graph."""
        found = self.has_graph(graph)
        self.inner.remove_graph(graph)
        return found

    def flush(self) -> None:
        """Persist pending writes."""
        self.inner.flush()

    def named_graphs(self) -> list[str]:
        """The IRIs of every named graph, sorted."""
        return sorted(g.value for g in self.inner.named_graphs() if isinstance(g, ox.NamedNode))

    def canonical_nquads(self) -> bytes:
        """Every quad as N-Quads, one per line, sorted: byte-identical for identical data."""
        lines = sorted(str(q) + " .\n" for q in self.inner)
        return "".join(lines).encode("utf-8")

    def __len__(self) -> int:
        return len(self.inner)


def _parse(path: Path, fmt: ox.RdfFormat) -> Iterable[ox.Quad]:
    try:
        yield from ox.parse(path=str(path), format=fmt)
    except SyntaxError as exc:
        raise LoadError(f"{path}: {exc}") from exc
    except OSError as exc:
        raise LoadError(f"{path}: cannot read: {exc}") from exc


def save(source: Store, target: Path) -> None:
    """Write every quad of a store (an in-memory one, typically) into a new on-disk store at
    target with Oxigraph's bulk loader, and persist it."""
    data = source.inner.dump(format=ox.RdfFormat.N_QUADS)
    try:
        disk = ox.Store(str(target))
        disk.bulk_load(input=data, format=ox.RdfFormat.N_QUADS)
        disk.flush()
    except OSError as exc:
        raise StoreError(f"cannot write the store at {target}: {exc}") from exc
    del disk


def checkpoint(source: Store, target: Path) -> Store:
    """A copy of source at target (a new directory beside it), opened for writing. RocksDB
    makes it as a checkpoint: hard links to its immutable files, so it takes no time and
    little space whatever the store's size."""
    try:
        source.inner.backup(str(target))
    except OSError as exc:
        raise StoreError(f"cannot copy the store to {target}: {exc}") from exc
    return Store.open(target, read_only=False)


def swap_in(new: Path, target: Path) -> None:
    """Replace the store at target with the finished store at new, keeping one of them always."""
    old = target.with_name(f".{target.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    new.rename(target)
    if old.exists():
        shutil.rmtree(old)
