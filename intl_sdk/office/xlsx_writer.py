"""The export's tables as one .xlsx workbook (openpyxl, write-only: 10,000 rows stream out).

Plan text is always a string cell, set explicitly (openpyxl would otherwise
take a name starting with `=` for a formula); the only formulas are the
export's own (the share total and money and staff from the shares). Headers
are bold and frozen, columns sized to their contents, numbers stored as
numbers, shares as percent; the share total turns red when it is not 100%.
"""

from __future__ import annotations

import datetime as _dt
import io
from decimal import Decimal
from typing import Any

from intl_sdk.office.cellout import OutCell
from intl_sdk.office.sheets import Export, OutTable

__all__ = ["write_xlsx"]

_FORMATS = {"date": "yyyy-mm-dd", "datetime": "yyyy-mm-dd hh:mm:ss", "time": "hh:mm:ss"}
_WIDTH_SAMPLE = 2000


def _number_format(code: str | None) -> str | None:
    if code is None or code == "text":
        return None
    if code.startswith("percent:"):
        places = int(code.split(":")[1])
        return "0%" if places == 0 else "0." + "0" * places + "%"
    return _FORMATS[code]


def _value(cell: OutCell) -> Any:
    value = cell.value
    if cell.format and cell.format.startswith("percent:") and value is not None:
        value = Decimal(value) / 100
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and abs(value) < 2**53 else float(value)
    return value


def _shown_width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, str):
        return max((len(line) for line in value.splitlines()), default=0)
    if isinstance(value, (_dt.date, _dt.time)):
        return 19 if isinstance(value, _dt.datetime) else 10
    return len(str(value))


def _dimension(table: OutTable) -> str:
    """The sheet's extent, `A1:H10001`, for its `<dimension>` element.

    A write-only sheet declares no size, and openpyxl's read-only reader then
    parses the whole sheet at `load_workbook` just to measure it (a tenth of
    importing our own 10,000-action workbook). openpyxl's sheet writer writes
    the element when the sheet has `calculate_dimension`, so the export gives
    it one before its first row. Excel and LibreOffice write the element too."""
    from openpyxl.utils import get_column_letter

    rows = [table.headers, *table.rows, *([table.total] if table.total is not None else [])]
    width = max(1, max(len(row) for row in rows))
    return f"A1:{get_column_letter(width)}{len(rows)}"


def _sheet(workbook, table: OutTable, fonts: dict) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(table.sheet)
    widths = [len(header) for header in table.headers]
    for number, row in enumerate(table.rows[:_WIDTH_SAMPLE]):
        for index, cell in enumerate(row):
            if index < len(widths):
                widths[index] = max(widths[index], _shown_width(cell.value))
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 8), 60)
    sheet.freeze_panes = "A2"
    sheet.calculate_dimension = lambda: _dimension(table)  # see _dimension

    def out(cell: OutCell, bold: bool = False):
        if cell.formula is not None:
            written = WriteOnlyCell(sheet, value=cell.formula)
        else:
            written = WriteOnlyCell(sheet, value=_value(cell))
            if isinstance(cell.value, str):
                written.data_type = "s"  # text, never a formula, whatever it starts with
        number_format = _number_format(cell.format)
        if number_format:
            written.number_format = number_format
        if bold:
            written.font = fonts["bold"]
        return written

    header_cells = []
    for text in table.headers:
        header = WriteOnlyCell(sheet, value=text)
        header.data_type = "s"
        header.font = fonts["bold"]
        header_cells.append(header)
    sheet.append(header_cells)
    for row in table.rows:
        sheet.append([out(cell) for cell in row])
    if table.total is not None:
        total_row = len(table.rows) + 2
        sheet.append([out(cell, bold=True) for cell in table.total])
        reference = f"C{total_row}"
        sheet.conditional_formatting.add(
            reference,
            FormulaRule(formula=[f"ROUND($C${total_row},10)<>1"], font=fonts["alarm"],
                        fill=PatternFill(bgColor="FFC7CE"), stopIfTrue=True),
        )


def write_xlsx(export: Export) -> bytes:
    """The workbook's bytes (the caller writes them atomically)."""
    import warnings

    from openpyxl import Workbook
    from openpyxl.styles import Font

    fonts = {"bold": Font(bold=True), "alarm": Font(bold=True, color="9C0006")}
    workbook = Workbook(write_only=True)
    if export.title:
        workbook.properties.title = export.title
    workbook.properties.creator = "intl-sdk"
    for table in export.tables:
        _sheet(workbook, table, fonts)
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        workbook.save(buffer)
    return buffer.getvalue()
