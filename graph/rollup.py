"""The verification rollup: a designation's status computed from the claims that support it."""

from __future__ import annotations

from collections import defaultdict

from graph.namespaces import CND, concept

STATUS_QUERY = """
SELECT ?d ?status ?doc ?origin ?retracted WHERE {
  ?d cnd:supportedBy ?claim .
  FILTER EXISTS { ?d a cnd:Designation }  # as a filter: a join would scan every designation
  ?claim cnd:verificationStatus ?status ; schema:appearance ?doc .
  OPTIONAL {
    ?doc prov:wasQuotedFrom+ ?origin .
    FILTER NOT EXISTS { ?origin prov:wasQuotedFrom ?up }
  }
  OPTIONAL { ?d cnd:retracted ?retracted }
}
"""
PRECEDENCE = ("retracted", "confirmed-primary", "disputed", "corroborated")


def rollup_status(statuses: set[str], origins: set[str], retracted: bool) -> str:
    """One designation's status: the strongest claim status, or corroborated by two origins.

    >>> rollup_status({"unverified"}, {"doc/a", "doc/b"}, False)
    'corroborated'
    """
    if retracted:
        return "retracted"
    for status in PRECEDENCE:
        if status in statuses:
            return status
    return "corroborated" if len(origins) >= 2 else "unverified"


def rollup(rows: list[list[str]]) -> list[tuple[str, str, str]]:
    """The status triple (N-Triples terms) of every designation in the rows of STATUS_QUERY
    (N-Triples terms, "" where unbound, as graph.derive's projection reads them)."""
    statuses: dict[str, set[str]] = defaultdict(set)
    origins: dict[str, set[str]] = defaultdict(set)
    retracted: dict[str, bool] = defaultdict(bool)
    for d, status, doc, origin, flag in rows:
        statuses[d].add(status.rsplit("/", 1)[-1].rstrip(">"))
        origins[d].add(origin or doc)
        retracted[d] |= flag.startswith('"true"')
    predicate = f"<{CND.verificationStatus}>"
    out = []
    for d in sorted(statuses):
        status = rollup_status(statuses[d], origins[d], retracted[d])
        out.append((d, predicate, f"<{concept('verification-status', status)}>"))
    return out


ROLLUP_DESCRIPTION = (
    "A designation takes the strongest status among its claims (retracted, confirmed from the "
    "primary source, disputed, corroborated); otherwise it is corroborated when claims come "
    "from two or more independent origins, following reposts to the outlet first reporting, "
    "and unverified when they do not."
)
