"""The cells and tables every reader produces, so the builder never sees a file format.

A cell keeps its value as the file typed it (text, number, boolean, date) and
whether its number format is a percent, because a share of 0.24 in a cell
formatted as percent means 24. Positions are spreadsheet-style (`C7`) in
every format, so a note can say `plan.docx!Table 1!C7`.
"""

from __future__ import annotations

import datetime as _dt
import functools
from typing import Union

from attrs import define, field, frozen

__all__ = ["Cell", "SourceError", "SourceTable", "Source", "column_letter", "column_index"]

CellValue = Union[str, int, float, bool, _dt.datetime, _dt.date, _dt.time, None]


class SourceError(Exception):
    """The file cannot be read at all (not the format it claims, encrypted, corrupt)."""


@functools.lru_cache(maxsize=1024)
def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_index(letters: str) -> int | None:
    """A -> 0, AA -> 26; None for anything that is not column letters."""
    letters = letters.strip().upper()
    if not letters.isascii() or not letters.isalpha() or len(letters) > 3:
        return None
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - 64
    return index - 1


@frozen(slots=True)
class Cell:
    """One cell. `error` is a formula error such as `#REF!`; `percent` a percent number format;
    `date_only` a date format without a time (spreadsheets store dates as date-times)."""

    value: CellValue = None
    percent: bool = False
    error: bool = False
    date_only: bool = False

    @property
    def empty(self) -> bool:
        return self.value is None or self.value == ""


EMPTY = Cell()


@define
class SourceTable:
    """A grid of cells: a worksheet, a CSV file, or a table of a Word document."""

    name: str | None  # the sheet or "Table 2"; None for a CSV file
    rows: list[list[Cell]] = field(factory=list)

    def cell(self, row: int, column: int) -> Cell:
        cells = self.rows[row] if row < len(self.rows) else ()
        return cells[column] if column < len(cells) else EMPTY

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)


@define
class Source:
    """What a reader found in a file: its tables and the document's title, if any."""

    label: str  # the file's name, as positions show it
    tables: list[SourceTable] = field(factory=list)
    title: str | None = None

    def position(self, table: SourceTable, row: int, column: int) -> str:
        """`plan.xlsx!Action plan!C7` for 0-based `row` and `column`."""
        where = f"{column_letter(column)}{row + 1}"
        return f"{self.label}!{table.name}!{where}" if table.name is not None else f"{self.label}!{where}"
