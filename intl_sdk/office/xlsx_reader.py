"""Worksheets of an .xlsx workbook as tables (openpyxl, read-only: a 10,000-row sheet streams).

Formulas are read as their last computed values (what the user saw); a cell
with a formula error (`#REF!`) is marked as one, so it becomes a note, not a
figure. Anything that stops the file from opening is a `SourceError`: a
renamed text file, an encrypted workbook, a corrupt archive.
"""

from __future__ import annotations

import datetime as _dt
import functools
import os
import re
import warnings

from intl_sdk.office.cells import Cell, Source, SourceError, SourceTable

__all__ = ["read_xlsx"]

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_QUOTED_RE = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


@functools.lru_cache(maxsize=256)
def _is_percent(number_format: str | None) -> bool:
    return bool(number_format) and "%" in _QUOTED_RE.sub("", number_format)  # type: ignore[arg-type]


@functools.lru_cache(maxsize=256)
def _has_time(number_format: str | None) -> bool:
    return bool(number_format) and re.search(r"[hs]", _QUOTED_RE.sub("", number_format).lower()) is not None  # type: ignore[arg-type]


_EMPTY = Cell()
_MIDNIGHT = _dt.time(0)


def _cell(cell) -> Cell:
    """A read-only openpyxl cell as ours. Most cells are text or whole numbers: those take
    the first branches, without looking up a number format (a walk through the styles)."""
    value = cell.value
    if value is None:
        return _EMPTY
    kind = type(value)
    if kind is str:
        return Cell(value, error=True) if cell.data_type == "e" else Cell(value)
    if kind is int or kind is float:
        return Cell(value, percent=_is_percent(cell.number_format))
    if kind is _dt.datetime:
        if value.time() == _MIDNIGHT and not _has_time(cell.number_format):
            return Cell(value.date(), date_only=True)
        return Cell(value)
    return _other_cell(value, cell)


def _other_cell(value, cell) -> Cell:
    """What the fast branches leave: subclasses, booleans, times, durations."""
    number_format = getattr(cell, "number_format", None)
    if isinstance(value, _dt.datetime):
        if not _has_time(number_format) and value.time() == _MIDNIGHT:
            return Cell(value.date(), date_only=True)
        return Cell(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Cell(value, percent=_is_percent(number_format))
    if isinstance(value, str):
        return Cell(value, error=getattr(cell, "data_type", None) == "e")
    return Cell(value)


def _all_rows(sheet):
    """Every row from A1, whatever dimensions the file declares (some writers declare A1 alone).

    After `reset_dimensions`, `iter_rows` reads the sheet once, to its last row,
    each row as long as the file wrote it."""
    sheet.reset_dimensions()
    return sheet.iter_rows()


def read_xlsx(path: str) -> Source:
    """Every worksheet, in order, and the workbook's title property."""
    label = os.path.basename(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError as error:
        raise SourceError(f"cannot be read: {error.strerror or error}") from None
    if head.startswith(_OLE_MAGIC):
        raise SourceError("is an encrypted workbook or an old Excel 97-2003 file: save it as .xlsx without a password")
    if not head.startswith(b"PK"):
        raise SourceError("is not an .xlsx workbook (not a zip archive): save it from your spreadsheet as .xlsx")
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it skips
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
            try:
                source = Source(label, title=(workbook.properties.title or None) if workbook.properties else None)
                for sheet in workbook.worksheets:
                    if not hasattr(sheet, "iter_rows"):  # a chart sheet
                        continue
                    rows = []
                    for row in _all_rows(sheet):
                        cells = [_cell(cell) for cell in row]
                        while cells and cells[-1].value is None:
                            cells.pop()
                        rows.append(cells)
                    while rows and not rows[-1]:
                        rows.pop()
                    source.tables.append(SourceTable(sheet.title, rows))
            finally:
                workbook.close()
    except SourceError:
        raise
    except Exception as error:  # any failure inside the archive means the file is not a readable workbook
        detail = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise SourceError(f"is not a readable .xlsx workbook ({detail[:120]})") from None
    return source
