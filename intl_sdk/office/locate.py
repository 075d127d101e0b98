"""Finding the tables: which kind each is, which row holds its headers, which column is which.

Each of the first 20 rows is tried as the header row of each kind; a kind
needs its anchors (a region table names the region and its share, summary or
actions) and the row naming the most fields wins. A mapping the user gives
(`--map share=C`) overrides the headers of the columns it names.
"""

from __future__ import annotations

from attrs import define, field

from intl_sdk.office.cells import SourceTable, column_index, column_letter
from intl_sdk.office.headers import KINDS, Column, normalise, resolve
from intl_sdk.office.strategy_sheet import is_strategy_header, resolve_label
from intl_sdk.office.values import text_of

__all__ = ["Located", "locate"]

_SCAN_ROWS = 20


@define
class Located:
    """A table of a known kind. `header_row` is -1 when the table has none."""

    table: SourceTable
    kind: str
    header_row: int
    columns: list[tuple[int, Column]] = field(factory=list)

    def column(self, key: str) -> int | None:
        return next((index for index, column in self.columns if column.role == "field" and column.key == key), None)


def _anchored(kind: str, keys: set[str], actuals: int) -> bool:
    if kind == "regions":
        return "name" in keys and bool(keys & {"share", "summary", "actions"})
    if kind == "actions":
        return "title" in keys and bool(keys & {"region", "region_name", "pillars", "id", "cost", "start"})
    if kind == "indicators":
        return "name" in keys and (bool(keys & {"baseline.value", "target.value", "unit", "monitor_only", "baseline.year"}) or actuals > 0)
    if kind == "offices":
        return bool(keys & {"location", "host"}) and bool(keys & {"region", "region_name"})
    if kind == "agreements":
        return len(keys & {"partner", "framework", "kind", "status", "signed", "builds_on"}) >= 2 and bool(keys & {"partner", "kind"})
    if kind == "findings":
        return {"code", "message"} <= keys
    return False


def _columns(kind: str, headers: list[str | None], width: int) -> list[tuple[int, Column]]:
    spec = KINDS[kind]
    out: list[tuple[int, Column]] = []
    seen: set[str] = set()
    for index in range(width):
        header = headers[index] if index < len(headers) else None
        column = resolve(spec, header) if header else None
        if column is None:
            column = Column("extra", f"column {column_letter(index)}", part="unnamed")
        elif column.role == "field":
            if column.key in seen:  # a second column for one field: kept, under its header and letter
                column = Column("extra", f"{header.strip()} (column {column_letter(index)})")  # type: ignore[union-attr]
            seen.add(column.key)  # type: ignore[arg-type]
        out.append((index, column))
    return out


def _score(kind: str, columns: list[tuple[int, Column]]) -> int | None:
    keys = {column.key for _, column in columns if column.role == "field"}
    actuals = sum(1 for _, column in columns if column.role == "actual")
    if not _anchored(kind, keys, actuals):  # type: ignore[arg-type]
        return None
    return len(keys) + actuals


def _headers(table: SourceTable, row: int) -> list[str | None]:
    return [text_of(cell) if not cell.empty else None for cell in (table.rows[row] if row < len(table.rows) else [])]


def _strategy(table: SourceTable) -> Located | None:
    for row in range(min(_SCAN_ROWS, len(table.rows))):
        headers = _headers(table, row)
        if any(headers):
            if is_strategy_header(headers[0] if headers else None, headers[1] if len(headers) > 1 else None):
                return Located(table, "strategy", row)
            break
    labels = [text_of(r[0]) for r in table.rows[:_SCAN_ROWS] if r and not r[0].empty]
    known = sum(1 for label in labels if (resolved := resolve_label(label)) is not None and resolved.role == "field")
    if known >= 2 and all(len(r) <= 2 for r in table.rows if r):
        return Located(table, "strategy", -1)
    return None


def locate(table: SourceTable) -> Located | None:
    """The table's kind, header row and columns, found by its headers; None if none fits."""
    strategy = _strategy(table)
    if strategy is not None:
        return strategy
    best: tuple[int, int, str, list] | None = None
    width = table.width
    for row in range(min(_SCAN_ROWS, len(table.rows))):
        headers = _headers(table, row)
        if sum(1 for h in headers if h) < 2:
            continue
        for kind in KINDS:
            columns = _columns(kind, headers, width)
            score = _score(kind, columns)
            if score is not None and (best is None or score > best[0]):
                best = (score, row, kind, columns)
    if best is None:
        return None
    return Located(table, best[2], best[1], best[3])


def locate_mapped(table: SourceTable, kind: str, mapping: dict[str, str], header_row: int | None) -> Located | str:
    """The table read with the user's mapping (field -> column letter or header); a reason if it does not fit."""
    width = table.width
    if header_row is not None:
        row = header_row - 1
    else:
        row = 0
        best = -1
        for candidate in range(min(_SCAN_ROWS, len(table.rows))):
            columns = _columns(kind, _headers(table, candidate), width)
            score = sum(1 for _, column in columns if column.role == "field")
            if score > best:
                best, row = score, candidate
        if best <= 0:
            row = next((r for r, cells in enumerate(table.rows) if any(not c.empty for c in cells)), 0)
    headers = _headers(table, row) if row >= 0 else []
    columns = dict(_columns(kind, headers, width)) if row >= 0 else {i: Column("extra", f"column {column_letter(i)}", part="unnamed") for i in range(width)}
    for key, reference in mapping.items():
        index = column_index(reference)
        if index is None:
            wanted = normalise(reference)
            index = next((i for i, h in enumerate(headers) if h and normalise(h) == wanted), None)
            if index is None:
                return f"no column headed {reference!r} for {key}"
        for other, column in list(columns.items()):
            if column.role == "field" and column.key == key and other != index:
                columns[other] = Column("extra", (headers[other] or f"column {column_letter(other)}").strip())
        columns[index] = Column("field", key)
        width = max(width, index + 1)
    ordered = sorted(columns.items())
    if _score(kind, ordered) is None:
        return "the mapping and the headers do not name the columns a table of " + kind + " needs"
    return Located(table, kind, row, ordered)
