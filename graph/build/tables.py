"""Read the project's reference tables: UTF-8, tab-separated, `#` comment lines (the source and
licence of the facts) and then one header row."""

from __future__ import annotations

from pathlib import Path

from graph.errors import RecordError

Row = dict[str, str]


def read_table(path: Path, columns: tuple[str, ...]) -> list[tuple[int, Row]]:
    """The rows of a table as (line number, {column: value}); a missing column, a row of the
    wrong width or an unreadable file is a RecordError naming file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise RecordError([f"{path}: (file): cannot be read: {exc}"]) from exc
    numbered = [(n, line) for n, line in enumerate(lines, 1) if line and not line.startswith("#")]
    if not numbered:
        raise RecordError([f"{path}: (file): no header row"])
    header = numbered[0][1].split("\t")
    missing = [c for c in columns if c not in header]
    if missing:
        raise RecordError([f"{path}: line {numbered[0][0]}: missing columns {', '.join(missing)}"])
    rows, problems = [], []
    for n, line in numbered[1:]:
        values = line.split("\t")
        if len(values) != len(header):
            problems.append(f"{path}: line {n}: {len(values)} fields, the header has {len(header)}")
            continue
        rows.append((n, dict(zip(header, values, strict=True))))
    if problems:
        raise RecordError(problems)
    return rows
