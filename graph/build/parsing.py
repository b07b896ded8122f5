"""Parse YAML seed files into pydantic models, turning every problem into a line naming file,
field and reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from graph.errors import RecordError

M = TypeVar("M", bound=BaseModel)
# libyaml's loader when PyYAML was built with it: several times faster on the larger files.
LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _field(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(p) for p in loc) or "(file)"


def read_yaml(path: Path) -> Any:
    """Parse one YAML file, turning syntax errors into a RecordError naming the file."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        reason = str(exc).splitlines()[0]
        raise RecordError([f"{path}: (file): not valid YAML: {reason}"]) from exc


def parse_model(model: type[M], data: Any, path: Path) -> M:
    """Validate data against a model; raise RecordError with one line per problem."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        lines = [f"{path}: {_field(e['loc'])}: {e['msg']}" for e in exc.errors()]
        raise RecordError(lines) from exc
