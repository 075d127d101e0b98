"""Plans in from spreadsheets and Word tables, and out again to workbooks and CSV.

`intl import` and `intl export` use this package; nothing else imports it, and
openpyxl and python-docx (the `office` extra) are imported only inside the
readers and the workbook writer, so `import intl_sdk` and `intl check` never
pay for them. One job a module:

- `cells`: the cells and tables every reader produces, and their positions;
- `numbers`: shares, figures with units and currencies, years, financial years;
- `headers` and `strategy_sheet`: which column (or Strategy row) is which field,
  the same specs for export and import;
- `xlsx_reader`, `csv_reader`, `docx_reader` (chosen by `sources`): files to tables;
- `locate`: which table is which kind, and its header row (or the user's mapping);
- `values`, `rows`, `ids`, `strategy_reader`, `builder`: tables to a plan, with
  notes on what was skipped;
- `cellout`, `sheets`: a plan as the tables an export writes, and what a cell cannot keep;
- `xlsx_writer`, `csv_writer`: those tables to files.
"""

from __future__ import annotations

__all__ = ["MISSING_EXTRA"]

#: What to tell a user whose intl-sdk was installed without the extra.
MISSING_EXTRA = "install the office extra: pip install 'intl-sdk[office]'"

