"""Read the rows of an official list (名单): numbered lines, a table pasted as text, CSV or XLSX.

Each row keeps its number in the file (the line, or the table row) for the report, its cells,
and the cell that names the listed entity: the first with a Chinese character or a letter
after a leading sequence number (序号) is dropped. A first row of column titles is skipped.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from graph.errors import RecordError

MAX_BYTES = 5 * 1024 * 1024
HEADER_WORDS = frozenset(
    {
        "序号",
        "编号",
        "名称",
        "名单",
        "集群名称",
        "单位名称",
        "所在地区",
        "地区",
        "省份",
        "省(区、市)",
    }
    | {"no", "no.", "number", "name", "region", "province"}
)
_NUMBER = re.compile(
    r"^\s*(?:[（(]\s*[0-9０-９]+\s*[)）]|[0-9０-９]+\s*[.、．:：)）]|[0-9０-９]+(?=\s|$))\s*"
)
_CELLS = re.compile(r"\t|\s{2,}|\s*[|｜]\s*")
_NAMED = re.compile(r"[\u3400-\u9fffA-Za-z]")


@dataclass(frozen=True)
class ListRow:
    """One row of a list: its number in the file, its text, its cells and the name cell."""

    number: int
    text: str
    cells: tuple[str, ...]
    name: str

    @property
    def others(self) -> tuple[str, ...]:
        """The cells beside the name (such as a province or city column)."""
        return tuple(c for c in self.cells if c != self.name)


def read_rows(path: Path) -> list[ListRow]:
    """The rows of a list file by its suffix: .csv, .xlsx, anything else as text."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RecordError([f"{path}: cannot read: {exc.strerror or exc}"]) from exc
    if not data.strip():
        raise RecordError([f"{path}: the file is empty"])
    if len(data) > MAX_BYTES:
        raise RecordError([f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MB"])
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        table = _xlsx(path, data)
    else:
        table = _text_table(path, data, csv_file=suffix == ".csv")
    return _rows(table)


def _text_table(path: Path, data: bytes, csv_file: bool) -> list[tuple[int, list[str]]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RecordError([f"{path}: not UTF-8 text (byte {exc.start})"]) from exc
    if "\x00" in text:
        raise RecordError([f"{path}: a binary file, not a list"])
    if csv_file:
        reader = csv.reader(io.StringIO(text))
        return [(n, row) for n, row in enumerate(reader, 1)]
    return [(n, _CELLS.split(line.strip())) for n, line in enumerate(text.splitlines(), 1)]


def _xlsx(path: Path, data: bytes) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise RecordError([f"{path}: not a readable XLSX workbook: {exc}"]) from exc
    sheet = book.worksheets[0]
    rows = [
        (n, ["" if v is None else str(v) for v in values])
        for n, values in enumerate(sheet.iter_rows(values_only=True), 1)
    ]
    book.close()
    return rows


def _rows(table: list[tuple[int, list[str]]]) -> list[ListRow]:
    rows: list[ListRow] = []
    for number, raw in table:
        cells = [c.strip() for c in raw if c and c.strip()]
        if not cells:
            continue
        if not rows and {c.lower() for c in cells} & HEADER_WORDS:
            continue  # column titles
        if len(cells) > 1 and _NUMBER.sub("", cells[0]) == "":
            cells = cells[1:]  # a 序号 column
        elif cells:
            cells[0] = _NUMBER.sub("", cells[0], count=1)
        name = next((c for c in cells if _NAMED.search(c)), "")
        rows.append(ListRow(number, "\t".join(raw).strip(), tuple(cells), name))
    return rows
