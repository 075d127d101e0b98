"""The export's tables as CSV files in a folder, one a table (`action-plan.csv`...).

UTF-8 with a byte-order mark, so that Excel reads the accents; dates in ISO
form; shares as percent figures (24). A text that a spreadsheet would take for
a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is
written with a leading `'`, as OWASP's CSV-injection guidance says: that CSV
is for reading, and does not import back exactly (the workbook does).
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import os
from decimal import Decimal
from typing import Any

from intl_sdk.office.cellout import OutCell
from intl_sdk.office.ids import slug
from intl_sdk.office.numbers import strip_zeros
from intl_sdk.office.sheets import Export

__all__ = ["write_csv", "guard"]

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def guard(text: str) -> str:
    """Text a spreadsheet could run as a formula, made inert with a leading `'`."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _text(cell: OutCell) -> str:
    value: Any = cell.value
    if value is None:
        return ""
    if isinstance(value, str):
        return guard(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, Decimal):
        return format(strip_zeros(value), "f")
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat(sep=" ") if isinstance(value, _dt.datetime) else value.isoformat()
    return str(value)


def write_csv(export: Export, folder: str) -> list[str]:
    """Write one file a table into `folder` (made if missing); the paths written."""
    from intl_sdk.writing import write_atomic

    os.makedirs(folder, exist_ok=True)
    written = []
    for table in export.tables:
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([guard(header) for header in table.headers])
        for row in table.rows + ([table.total] if table.total else []):
            writer.writerow([_text(cell) for cell in row])
        path = os.path.join(folder, slug(table.sheet) + ".csv")
        write_atomic(path, buffer.getvalue().encode("utf-8-sig"))
        written.append(path)
    return written
