"""The verification rollup: a designation's status computed from the claims that support it."""

from __future__ import annotations

PRECEDENCE = ("retracted", "confirmed-primary", "disputed", "corroborated")


def rollup_status(statuses: set[str], origins: set[str], retracted: bool) -> str:
    """One designation's status: the strongest claim status, or corroborated by two origins.

    The rule as written for one designation; graph/derive/status.py applies it to every
    designation at once, and the tests check the two agree on the seeds.

    >>> rollup_status({"unverified"}, {"doc/a", "doc/b"}, False)
    'corroborated'
    """
    if retracted:
        return "retracted"
    for status in PRECEDENCE:
        if status in statuses:
            return status
    return "corroborated" if len(origins) >= 2 else "unverified"


ROLLUP_DESCRIPTION = (
    "A designation takes the strongest status among its claims (retracted, confirmed from the "
    "primary source, disputed, corroborated); otherwise it is corroborated when claims come "
    "from two or more independent origins, following reposts to the outlet first reporting, "
    "and unverified when they do not."
)
