"""A small SPARQL lexer: enough to find keywords outside strings, IRIs and comments.

The endpoint uses it before a query reaches Oxigraph, to refuse SERVICE and LOAD, to notice
FROM clauses, and to add the protocol's USING clauses to an update. It does not parse:
anything it cannot classify is passed over, and Oxigraph still parses the text in full.

>>> [t.text for t in keywords('SELECT * { ?s <http://x/SERVICE> "LOAD" } # FROM')]
['SELECT', '{', '}']
>>> [t.text for t in keywords("ASK { ?service ex:from ?x }")]
['ASK', '{', '}']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_TOKEN = re.compile(
    r"""
    (?P<skip>
        \#[^\n]*                                  # comment
      | '''(?:[^'\\]|\\.|'(?!''))*'''             # long strings
      | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
      | '(?:[^'\\\n]|\\.)*'                       # short strings
      | "(?:[^"\\\n]|\\.)*"
      | <[^<>"{}|^`\\\x00-\x20]*>                 # IRI references
      | [?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+ # variables
      | [\w\u00b7-][\w.\-\u00b7]*:[^\s{}()\[\],;]*  # prefixed names (with a prefix)
      | :[^\s{}()\[\],;]*                         # prefixed names (empty prefix)
      | @[A-Za-z]+(?:-[A-Za-z0-9]+)*              # language tags
      | (?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?         # numbers
    )
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<brace>[{}])
  | (?P<other>\S)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class Token:
    """A keyword or a brace, with its offset in the text and its brace depth."""

    text: str
    start: int
    depth: int

    @property
    def upper(self) -> str:
        """The token in upper case, for case-insensitive keyword checks."""
        return self.text.upper()


def keywords(text: str) -> Iterator[Token]:
    """Bare words and braces of a SPARQL text, skipping strings, IRIs, names and comments."""
    depth = 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "word":
            yield Token(match.group(), match.start(), depth)
        elif kind == "brace":
            if match.group() == "}":
                depth -= 1
            yield Token(match.group(), match.start(), depth)
            if match.group() == "{":
                depth += 1


def mentions(text: str, *names: str) -> bool:
    """Whether any of the words occurs anywhere in the text, in any case: a cheap test that
    lets most texts skip the lexer (a keyword is always such an occurrence)."""
    upper = text.upper()
    return any(n.upper() in upper for n in names)


def has_keyword(text: str, *names: str) -> bool:
    """Whether any of the keywords occurs in the text as a keyword."""
    if not mentions(text, *names):
        return False
    wanted = {n.upper() for n in names}
    return any(t.upper in wanted for t in keywords(text))
