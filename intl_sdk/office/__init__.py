"""Plans in from spreadsheets and Word tables, and out again to workbooks and CSV.

`intl import` and `intl export` use this package; nothing else imports it, and
openpyxl and python-docx (the `office` extra) are imported only inside the
readers and the workbook writer, so `import intl_sdk` and `intl check` never
pay for them. One job a module:

- `cells`: the cells and tables every reader produces, and their positions;
- `numbers`: shares, figures with units and currencies, years, financial years;
- `headers`: which column is which field, by header or by the user's mapping;
- `xlsx_reader`, `csv_reader`, `docx_reader`: files to tables;
- `builder` (with `rows`): tables to a plan, and notes on what was skipped;
- `sheets`: a plan as the tables an export writes, and what it cannot keep;
- `xlsx_writer`, `csv_writer`: those tables to files.
"""

from __future__ import annotations

__all__ = ["MISSING_EXTRA", "office_extra_missing"]

#: What to tell a user whose intl-sdk was installed without the extra.
MISSING_EXTRA = "install the office extra: pip install 'intl-sdk[office]'"


def office_extra_missing() -> str | None:
    """The missing module's name when openpyxl or python-docx is not installed, else None."""
    import importlib.util

    for module in ("openpyxl", "docx"):
        if importlib.util.find_spec(module) is None:
            return "python-docx" if module == "docx" else module
    return None
