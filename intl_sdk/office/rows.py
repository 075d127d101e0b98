"""One table row to the plan data of one item, with a note for each cell it could not read.

Known columns become fields, unknown columns the item's unknown keys (under
their header), year columns an indicator's actuals, `Party N` columns an
agreement's parties. A cell that cannot be read leaves its field out, keeps
its text under `<field>_as_written`, and becomes a note with its position.
"""

from __future__ import annotations

from typing import Any

from attrs import define, field

from intl_sdk.office.cells import Source
from intl_sdk.office.headers import Column, field_type
from intl_sdk.office.locate import Located
from intl_sdk.office.numbers import NotReadable
from intl_sdk.office.values import Figure, read_figure, read_value, text_of, toml_value, typed_value

__all__ = ["Note", "RowData", "read_row", "row_columns"]


@define
class Note:
    """Something the import could not do with a cell or table: `skipped` when content was left out."""

    where: str
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class _Where:
    """A cell's position, made into text (`plan.xlsx!Sheet!C7`) only when a note or a key needs it."""

    __slots__ = ("source", "table", "row", "column")

    def __init__(self, source: Source, table, row: int, column: int) -> None:
        self.source, self.table, self.row, self.column = source, table, row, column

    def __str__(self) -> str:
        return self.source.position(self.table, self.row, self.column)


@define
class RowData:
    """A row read: plan data (as `tomllib` would give it), figures of an indicator, and where it is."""

    data: dict[str, Any] = field(factory=dict)
    extra: dict[str, Any] = field(factory=dict)
    figures: dict[str, Figure] = field(factory=dict)  # baseline.value, target.value
    years: dict[str, tuple[int, str | None]] = field(factory=dict)  # baseline.year, target.year
    header_years: dict[str, int] = field(factory=dict)
    measurement_extra: dict[str, dict[str, Any]] = field(factory=lambda: {"baseline": {}, "target": {}})
    actuals: dict[int, Any] = field(factory=dict)
    parties: dict[int, dict[str, Any]] = field(factory=dict)
    positions: dict[str, Any] = field(factory=dict)  # field key -> cell position (str() gives the text)
    empty: bool = True


#: Field types whose text cells are read as written (`id`: stripped), without `read_value`.
_AS_WRITTEN = {"text": False, "region": False, "id": True}


def row_columns(located: Located) -> list[tuple[int, Column, str | None, bool | None]]:
    """The table's columns with what every row needs of them, worked out once per table:
    each field's type, and whether its text cells are taken as written (None) or stripped."""
    out = []
    for index, column in located.columns:
        type_ = field_type(located.kind, column.key) if column.role == "field" else None  # type: ignore[arg-type]
        as_written = _AS_WRITTEN.get(type_) if type_ is not None and not column.toml else None  # type: ignore[arg-type]
        out.append((index, column, type_, as_written))
    return out


def read_row(source: Source, located: Located, row: int, notes: list[Note], *, decimal_comma: bool,
             columns: list[tuple[int, Column, str | None, bool | None]] | None = None) -> RowData:
    """Read one row of a located table. Empty cells are left out; so is a row of them (`empty`).
    `columns` is `row_columns(located)`, which a caller reading many rows makes once."""
    table = located.table
    cells = table.rows[row] if row < len(table.rows) else ()
    width = len(cells)
    out = RowData()
    data, positions = out.data, out.positions
    for index, column, type_, strip in columns if columns is not None else row_columns(located):
        if index >= width:
            continue
        cell = cells[index]
        value = cell.value
        if value is None or value == "":
            continue
        out.empty = False
        if strip is not None and type(value) is str and not cell.error:  # text as written: most cells
            if strip:
                value = value.strip()
                if not value:
                    continue
            data[column.key] = value  # type: ignore[index]
            positions[column.key] = _Where(source, table, row, index)  # type: ignore[index]
            continue
        where = _Where(source, table, row, index)
        try:
            if column.role == "derived":
                continue
            if column.toml:
                value = toml_value(cell)
            elif column.role == "field":
                if type_ == "quantity":
                    figure = read_figure(cell, decimal_comma=decimal_comma)
                    if figure is not None:
                        out.figures[column.key] = figure  # type: ignore[index]
                        if column.year is not None:
                            out.header_years[column.key] = column.year  # type: ignore[index]
                        positions[column.key] = where  # type: ignore[index]
                    continue
                value = read_value(cell, type_, decimal_comma=decimal_comma)  # type: ignore[arg-type]
            elif column.role == "actual":
                figure = read_figure(cell, decimal_comma=decimal_comma)
                if figure is None or figure.value is None:
                    if figure is not None:
                        raise NotReadable(f"{text_of(cell)!r} is not a figure")
                    continue
                out.actuals[column.year] = figure.value  # type: ignore[index]
                continue
            else:
                value = typed_value(cell)
        except NotReadable as error:
            notes.append(Note(str(where), str(error)))
            text = text_of(cell)
            if column.role == "field" and text is not None:
                out.extra[f"{column.key.replace('.value', '')}_as_written"] = text  # type: ignore[union-attr]
            elif text is not None:
                out.extra[f"{column.key}_as_written"] = text
            continue
        if value is None:
            continue
        if column.role == "field":
            if type_ == "year":
                out.years[column.key] = value  # type: ignore[index]
            else:
                data[column.key] = value  # type: ignore[index]
            positions[column.key] = where  # type: ignore[index]
        elif column.role == "extra":
            out.extra[column.key] = value  # type: ignore[index]
        elif column.role == "measurement-extra":
            out.measurement_extra[column.part][column.key] = value  # type: ignore[index]
        elif column.role == "actual":
            out.actuals[column.year] = value  # type: ignore[index]
        elif column.role == "party":
            party = out.parties.setdefault(column.part, {})  # type: ignore[arg-type]
            if column.key in ("name", "level"):
                party[column.key] = value if column.toml else text_of(cell)
            else:
                party.setdefault("extra", {})[column.key] = value
    return out
