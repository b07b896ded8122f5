"""Where a page may link for an IRI: the project's own IRIs to their page on this server,
other http(s) IRIs as they are, and nothing else.

IRIs come from the store, which anyone with the update token (or a record, or a loaded file)
can fill: `<javascript:alert(1)>` is a valid IRI, and as an `href` it would run in the page.

>>> href("https://w3id.org/china-designations/id/zone/x")
'/id/zone/x'
>>> href("https://w3id.org/china-designations/def#Zone")
'/def#Zone'
>>> href("http://www.wikidata.org/entity/Q148")
'http://www.wikidata.org/entity/Q148'
>>> href("javascript:alert(1)") is None, href("JavaScript:alert(1)") is None
(True, True)
>>> href("data:text/html,<script>alert(1)</script>") is None, href("urn:isbn:1") is None
(True, True)
"""

from __future__ import annotations

from graph.namespaces import CND, ID

LINKED_SCHEMES = ("http://", "https://")


def href(iri: str) -> str | None:
    """The link target for an IRI, or None when it must be shown as text only."""
    if iri.startswith(str(ID)):
        return "/id/" + iri[len(ID) :]
    if iri.startswith(str(CND._NS)):
        return "/def#" + iri[len(CND._NS) :]
    if iri.lower().startswith(LINKED_SCHEMES) and not any(c.isspace() for c in iri):
        return iri
    return None
