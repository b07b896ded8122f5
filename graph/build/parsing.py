"""Parse YAML seed files into pydantic models, turning every problem into a line naming file,
field and reason; and write them back as plain YAML."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from graph.errors import RecordError

M = TypeVar("M", bound=BaseModel)
# libyaml's loader when PyYAML was built with it: several times faster on the larger files.
LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_REFERENCE_BYTES = 64 * 1024 * 1024
"""The largest reference file read (the largest today is a few tens of kilobytes)."""


class _NoAliases(LOADER):  # type: ignore[misc]
    """YAML without anchors and aliases: seeds never need them, and a few nested aliases
    expand to billions of nodes for whatever walks the result. An alias is the one way a node
    is constructed twice (or within itself)."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        """Refuse a node constructed before: it is reached through an alias."""
        if node in self.constructed_objects or node in self.recursive_objects:
            mark = node.start_mark
            raise yaml.YAMLError(
                "aliases are not allowed (one repeats the node at "
                f"line {mark.line + 1}, column {mark.column + 1})"
            )
        return super().construct_object(node, deep)


MISMATCH = frozenset({"list_type", "literal_error", "string_type", "dict_type", "model_type"})
"""Errors that say only that a value is not of one alternative's kind."""


def _tag(part: int | str) -> bool:
    """Whether a location step names an alternative of a union (`list[…]`, `literal['…']`),
    not a field: field names never hold brackets."""
    return isinstance(part, str) and "[" in part


def _field(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(p) for p in loc if not _tag(p)) or "(file)"


def _relevant(errors: list[ErrorDetails]) -> list[ErrorDetails]:
    """The errors worth reading: where a value fits no alternative of a union (evidence is
    quotes or "none-at-hand"), an alternative the value is not even of the kind of is left
    out when another one says what is wrong with it."""

    def branch(e: ErrorDetails) -> tuple[int | str, ...] | None:
        tags = [i for i, part in enumerate(e["loc"]) if _tag(part)]
        return e["loc"][: tags[0] + 1] if tags else None

    def mismatch(e: ErrorDetails) -> bool:
        return e["loc"] == branch(e) and e["type"] in MISMATCH

    telling = [b for e in errors if (b := branch(e)) is not None and not mismatch(e)]
    return [
        e
        for e in errors
        if not mismatch(e) or not any(b[:-1] == e["loc"][:-1] and b != e["loc"] for b in telling)
    ]


def read_yaml(path: Path, limit: int = MAX_REFERENCE_BYTES) -> Any:
    """Parse one YAML file of at most `limit` bytes, turning every problem (too large, not
    UTF-8, not YAML, aliases, nested too deeply) into a RecordError naming the file."""
    size = path.stat().st_size
    if size > limit:
        raise RecordError([f"{path}: (file): {size} bytes; at most {limit} are allowed"])
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_NoAliases)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        reason = str(exc).splitlines()
        if any("maximum nesting depth" in line for line in reason):  # libyaml's own limit
            raise RecordError([f"{path}: (file): nested too deeply"]) from None
        raise RecordError([f"{path}: (file): not valid YAML: {reason[0]}"]) from exc
    except RecursionError:
        raise RecordError([f"{path}: (file): nested too deeply"]) from None


class _Plain(yaml.SafeDumper):
    """YAML without anchors and aliases, which seed files may not use."""

    def ignore_aliases(self, data: Any) -> bool:
        """Write a value shared by two fields out in full at both."""
        return True


def dump_yaml(data: Any) -> str:
    """The text of a seed file: block style, keys in their order, no anchors or aliases (which
    read_yaml refuses)."""
    text: str = yaml.dump(data, Dumper=_Plain, allow_unicode=True, sort_keys=False, width=100)
    return text


def parse_model(model: type[M], data: Any, path: Path) -> M:
    """Validate data against a model; raise RecordError with one line per problem."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        lines = [f"{path}: {_field(e['loc'])}: {e['msg']}" for e in _relevant(exc.errors())]
        raise RecordError(lines) from exc
