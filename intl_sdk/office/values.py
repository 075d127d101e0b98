"""One cell to one plan value, by the type of its column; `NotReadable` says why not.

Text cells stay as written. Figures keep what their text says beyond the
number: a currency and scale (the unit), a year in parentheses (`112 (2005/6)`),
`(monitor)`, or a qualitative target (`increase in ...`). A column marked
` (TOML)` holds TOML values, read with the plan reader's own rules.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal
from typing import Any

from attrs import define

from intl_sdk.office.cells import Cell
from intl_sdk.office.numbers import (
    NotReadable,
    exact,
    is_blank_text,
    is_monitor_text,
    parse_quantity,
    parse_share,
    parse_year,
    plain,
)

__all__ = ["Figure", "read_figure", "read_value", "text_of", "toml_value", "typed_value"]

_SCALE = {"k": Decimal(1000), "m": Decimal(10**6), "bn": Decimal(10**9)}
_ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TRUE = {"true", "yes", "y", "x", "1", "\u2713", "\u2714", "monitor", "monitor only"}
_FALSE = {"false", "no", "n", "0", ""}
_SPLIT_RE = re.compile(r"[,;\n]")
_PARENTHESIS_RE = re.compile(r"(?P<figure>[^()]*?)\s*\((?P<inside>[^()]*)\)\s*", re.S)
_CHANGE_RE = re.compile(r"(increase|rise|grow|growth|decrease|reduce|reduction|fall|decline)\b", re.I)


def text_of(cell: Cell) -> str | None:
    """A cell as text: strings as written, numbers as the shortest decimal, dates in ISO form."""
    value = cell.value
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return str(exact(value))
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    return str(value)


def typed_value(cell: Cell) -> Any:
    """A cell for an unknown key: its own type (text, number, boolean, date, date-time, time)."""
    value = cell.value
    if cell.error:
        raise NotReadable(f"{value!s} is a formula error")
    if isinstance(value, float):
        return exact(value)
    return value


def toml_value(cell: Cell) -> Any:
    """A cell of a ` (TOML)` column: one TOML value, such as `["a", "b"]` or `{ x = 1 }`."""
    from intl_sdk import _kinds
    from intl_sdk.errors import PlanError
    from intl_sdk.reading import parse_toml

    text = text_of(cell)
    if text is None or not text.strip():
        return None
    try:
        data = parse_toml(f"value = {text}\n")
    except PlanError as error:
        raise NotReadable(f"{_short(text)} is not a TOML value ({error.message})") from None
    if set(data) != {"value"}:
        raise NotReadable(f"{_short(text)} is not one TOML value")
    try:
        _kinds.check_unknown(data["value"], ())
    except _kinds.TypeMismatch as mismatch:
        raise NotReadable(f"{_short(text)} is not {mismatch.expected}") from None
    return data["value"]


def _short(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")


def read_value(cell: Cell, type_: str, *, decimal_comma: bool = False) -> Any:
    """The value of a cell in a column of `type_` (see `headers.field_type`), None when empty."""
    value = cell.value
    if value is None or value == "":
        return None
    if cell.error and type_ not in ("share", "quantity"):
        raise NotReadable(f"{value!s} is a formula error")
    if type_ in ("text", "region"):
        return text_of(cell)
    if isinstance(value, str) and not value.strip():
        return None  # spaces in a cell that takes a number, a date or an id: empty
    try:
        reader = _VALUE_READERS[type_]
    except KeyError:
        raise ValueError(f"unknown column type {type_!r}") from None
    return reader(cell, value, decimal_comma)


def _id(cell: Cell, value: Any, decimal_comma: bool) -> str:
    return text_of(cell).strip()  # type: ignore[union-attr]


def _ids(cell: Cell, value: Any, decimal_comma: bool) -> list[str]:
    return [part for part in map(str.strip, _SPLIT_RE.split(text_of(cell) or "")) if part]


def _share(cell: Cell, value: Any, decimal_comma: bool) -> int | Decimal | None:
    return parse_share(cell, decimal_comma=decimal_comma)


def _number(cell: Cell, value: Any, decimal_comma: bool) -> int | Decimal | None:
    if type(value) is int and not cell.percent:  # most amounts: nothing to parse
        return value
    quantity = parse_quantity(cell, decimal_comma=decimal_comma)
    if quantity is None:
        return None
    scale = (quantity.unit or "").split()[-1:] or [""]
    if scale[0] == "%":
        raise NotReadable(f"{text_of(cell)!r} is a percentage, not an amount")
    return plain(Decimal(quantity.value) * _SCALE[scale[0]]) if scale[0] in _SCALE else quantity.value


def _year(cell: Cell, value: Any, decimal_comma: bool) -> tuple[int, str | None] | None:
    return parse_year(cell)


def _date(cell: Cell, value: Any, decimal_comma: bool) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    text = text_of(cell).strip()  # type: ignore[union-attr]
    if _ISO_DATE_RE.fullmatch(text):
        try:
            return _dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise NotReadable(f"{text!r} is not a date (YYYY-MM-DD)")


def _bool(cell: Cell, value: Any, decimal_comma: bool) -> bool:
    if isinstance(value, bool):
        return value
    text = (text_of(cell) or "").strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise NotReadable(f"{text!r} is not yes or no")


_VALUE_READERS = {"id": _id, "ids": _ids, "share": _share, "number": _number, "year": _year, "date": _date, "bool": _bool}


@define
class Figure:
    """An indicator's figure as a cell gives it: the number, its unit, a year, or a marker."""

    value: int | Decimal | None = None
    unit: str | None = None
    year: int | None = None
    financial_year: str | None = None
    monitor: bool = False
    change: str | None = None  # "increase" or "decrease", for a target without a figure
    as_written: str | None = None  # the text, when more than the figure was in it


def read_figure(cell: Cell, *, decimal_comma: bool = False) -> Figure | None:
    """`£19.6bn`, `7%`, `112 (2005/6)`, `(monitor)`, `increase in % of GVA`; None when empty."""
    if cell.empty:
        return None
    text = text_of(cell).strip() if isinstance(cell.value, str) else None  # type: ignore[union-attr]
    if text is not None:
        if is_blank_text(text):
            return None
        if is_monitor_text(text):
            return Figure(monitor=True)
        change = _CHANGE_RE.match(text)
        if change:
            word = change.group(1).lower()
            direction = "increase" if word in ("increase", "rise", "grow", "growth") else "decrease"
            return Figure(change=direction, as_written=None if text.lower() == direction else text)
        match = _PARENTHESIS_RE.fullmatch(text)
        if match:
            inside = match.group("inside").strip()
            first = re.split(r"[;,]", inside, maxsplit=1)[0].strip()
            try:
                year = parse_year(Cell(first))
            except NotReadable:
                year = None
            if is_monitor_text(f"({inside})"):
                figure = read_figure(Cell(match.group("figure")), decimal_comma=decimal_comma)
                return Figure(value=figure.value, unit=figure.unit, monitor=True, as_written=text) if figure else Figure(monitor=True)
            if year is not None:
                quantity = parse_quantity(Cell(match.group("figure")), decimal_comma=decimal_comma)
                if quantity is not None:
                    return Figure(quantity.value, quantity.unit, year[0], year[1], as_written=text if inside != first else None)
    quantity = parse_quantity(cell, decimal_comma=decimal_comma)
    if quantity is None:
        return None
    return Figure(quantity.value, quantity.unit)
