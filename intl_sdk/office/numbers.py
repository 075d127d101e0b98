"""Numbers as people type them into tables, read exactly as `Decimal`.

Shares (`24%`, `24 %`, `24`, `0.24` in a cell formatted as percent, `24,5`),
figures with a currency and a scale (`£19.6bn` is 19.6 in `GBP bn`), years
and financial years (`2005/6` ends in 2006). A comma followed by exactly three
digits groups thousands (`7,147`, `25,000`, as the 2009 report writes them);
a comma followed by one or two digits is a decimal comma; `decimal_comma`
makes every comma decimal (and dots group thousands: `1.234,5`).
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal, InvalidOperation, localcontext

from attrs import frozen

from intl_sdk.office.cells import Cell

__all__ = [
    "NotReadable",
    "Quantity",
    "exact",
    "is_blank_text",
    "is_monitor_text",
    "parse_number_text",
    "parse_quantity",
    "parse_share",
    "parse_year",
    "plain",
]


class NotReadable(ValueError):
    """A cell that holds something, but not what its column takes; the message says what."""


_SPACES = "\u00a0\u202f\u2009 "
_MINUSES = "\u2212\u2013"  # a typographic minus, and the en dash Word puts in its place
_PLAIN_RE = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_POINT_GROUPS_RE = re.compile(r"([+-]?)(\d{1,3}(?:,\d{3})+)(\.\d+)?")
_DECIMAL_COMMA_RE = re.compile(r"([+-]?)(\d+),(\d{1,2})")
_SPACE_GROUPS_RE = re.compile(r"([+-]?)(\d{1,3}(?: \d{3})+)(?:([.,])(\d+))?")
_COMMA_MODE_RE = re.compile(r"([+-]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?")
_BLANKS = {"", "-", "--", "\u2013", "\u2014", "n/a", "na", "none", "(none)", "none given", "(none given)", "not given", "(not given)"}
_MONITOR_RE = re.compile(r"\(?\s*monitor(?:ed|ing)?(?:\s+only)?\s*\)?", re.I)


def strip_zeros(number: Decimal) -> Decimal:
    """`number.normalize()` without its rounding to the context's precision (28 digits):
    a 29-digit integer under an unknown key must come back whole."""
    with localcontext() as context:
        context.prec = max(context.prec, len(number.as_tuple().digits))
        return number.normalize()


def plain(number: Decimal) -> int | Decimal:
    """A whole Decimal as `int` (`24.00` -> 24); others (and whole numbers from 10^18 on,
    which only unknown keys may hold) as a Decimal without trailing zeros."""
    if number == number.to_integral_value() and abs(number) < 10**18:
        return int(number)
    return strip_zeros(number)


def exact(value: int | float | Decimal) -> int | Decimal:
    """A number cell's value as the shortest exact decimal it displays (`0.1` stays 0.1)."""
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return plain(Decimal(repr(value)))
    return plain(value)


def is_blank_text(text: str) -> bool:
    """`-`, `n/a`, `(none given)`: an empty cell in all but form."""
    return text.strip().lower() in _BLANKS


def is_monitor_text(text: str) -> bool:
    """`(monitor)`, `monitor only`: an indicator monitored without a target."""
    return _MONITOR_RE.fullmatch(text.strip()) is not None


def parse_number_text(text: str, *, decimal_comma: bool = False) -> Decimal | None:
    """`7,147` -> 7147, `24,5` -> 24.5, `1 234` -> 1234; None when `text` is not a number."""
    text = text.strip()
    for minus in _MINUSES:
        text = text.replace(minus, "-")
    for space in _SPACES:
        text = text.replace(space, " ")
    text = re.sub(r"(?<=[+-]) +", "", text)
    try:
        if decimal_comma:
            match = _COMMA_MODE_RE.fullmatch(text)
            if match:
                sign, whole, fraction = match.groups()
                return Decimal(sign + whole.replace(".", "") + ("." + fraction if fraction else ""))
            if _PLAIN_RE.fullmatch(text):  # `24.5` groups no thousands: its dot is a decimal point
                return Decimal(text)
        else:
            if _PLAIN_RE.fullmatch(text):
                return Decimal(text)
            match = _POINT_GROUPS_RE.fullmatch(text)
            if match:
                sign, whole, fraction = match.groups()
                return Decimal(sign + whole.replace(",", "") + (fraction or ""))
            match = _DECIMAL_COMMA_RE.fullmatch(text)
            if match:
                sign, whole, fraction = match.groups()
                return Decimal(f"{sign}{whole}.{fraction}")
        match = _SPACE_GROUPS_RE.fullmatch(text)
        if match:
            sign, whole, mark, fraction = match.groups()
            if mark == "," and not (decimal_comma or len(fraction) <= 2):
                return None
            return Decimal(sign + whole.replace(" ", "") + ("." + fraction if fraction else ""))
    except InvalidOperation:
        return None
    return None


def _number_cell(cell: Cell) -> int | Decimal | None:
    value = cell.value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = exact(value)
        return plain(Decimal(number) * 100) if cell.percent else number
    return None


def parse_share(cell: Cell, *, decimal_comma: bool = False) -> int | Decimal | None:
    """A share in percent from `24%`, `24 %`, `24`, `24,5`, or 0.24 formatted as percent.

    None for an empty cell; `NotReadable` for anything else that is not a share."""
    if cell.empty:
        return None
    if cell.error:
        raise NotReadable(f"{cell.value!s} (a formula error) is not a share")
    number = _number_cell(cell)
    if number is not None:
        return number
    if not isinstance(cell.value, str):
        raise NotReadable(f"{_shown(cell.value)} is not a share")
    text = cell.value.strip()
    if is_blank_text(text):
        return None
    body = text[:-1] if text.endswith("%") else text
    parsed = parse_number_text(body, decimal_comma=decimal_comma)
    if parsed is None:
        raise NotReadable(f"{text!r} is not a share")
    return plain(parsed)


@frozen
class Quantity:
    """A figure and the unit its text gave (`£19.6bn`: 19.6, `GBP bn`); unit None when none."""

    value: int | Decimal
    unit: str | None


_CURRENCY_SYMBOLS = {"£": "GBP", "€": "EUR", "$": "USD", "¥": "JPY"}
_SCALES = {"k": "k", "thousand": "k", "m": "m", "mn": "m", "million": "m", "bn": "bn", "b": "bn", "billion": "bn"}
_QUANTITY_RE = re.compile(
    r"(?P<currency>[£€$¥]|[A-Z]{3}(?=\s*[\d.+\-\u2212]))?\s*"
    r"(?P<number>[+\-\u2212]?\s*[\d.,\u00a0\u202f\u2009 ]*\d)\s*"
    r"(?P<scale>k|thousand|mn|m|million|bn|b|billion)?\s*(?P<percent>%)?",
    re.I,
)


def parse_quantity(cell: Cell, *, decimal_comma: bool = False) -> Quantity | None:
    """A figure from a cell: a number, or text such as `£19.6bn`, `7%`, `7,147`, `€3M`.

    None for an empty cell (or `n/a`, `-`); `NotReadable` for anything else."""
    if cell.empty:
        return None
    if cell.error:
        raise NotReadable(f"{cell.value!s} (a formula error) is not a figure")
    number = _number_cell(cell)
    if number is not None:
        return Quantity(number, "%" if cell.percent else None)
    if not isinstance(cell.value, str):
        raise NotReadable(f"{_shown(cell.value)} is not a figure")
    text = cell.value.strip()
    if is_blank_text(text):
        return None
    match = _QUANTITY_RE.fullmatch(text)
    parsed = parse_number_text(match.group("number"), decimal_comma=decimal_comma) if match else None
    if parsed is None:
        raise NotReadable(f"{text!r} is not a figure")
    currency = match.group("currency")  # type: ignore[union-attr]
    currency = _CURRENCY_SYMBOLS.get(currency, currency.upper() if currency else None)
    scale = match.group("scale")  # type: ignore[union-attr]
    parts = [part for part in (currency, _SCALES[scale.lower()] if scale else None) if part]
    if match.group("percent"):  # type: ignore[union-attr]
        parts.append("%")
    return Quantity(plain(parsed), " ".join(parts) or None)


_YEAR_RE = re.compile(r"(?:FY\s*)?(\d{4})(?:\s*[/\-\u2013]\s*(\d{1,4}))?", re.I)


def parse_year(cell: Cell) -> tuple[int, str | None] | None:
    """(year, financial year as written or None): `2006` -> (2006, None), `2005/6` -> (2006, "2005/6").

    A financial year is recorded as the year it ends, as `examples/nwda.toml` does."""
    if cell.empty:
        return None
    value = cell.value
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.year, None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value == int(value) and 1000 <= value <= 9999:
            return int(value), None
        raise NotReadable(f"{_shown(value)} is not a year")
    if not isinstance(value, str):
        raise NotReadable(f"{_shown(value)} is not a year")
    text = value.strip()
    if is_blank_text(text):
        return None
    match = _YEAR_RE.fullmatch(text)
    if not match:
        raise NotReadable(f"{text!r} is not a year")
    start, end = match.groups()
    if end is None:
        return int(start), None
    following = int(start) + 1
    if not str(following).endswith(end) or (len(end) == 4 and int(end) != following):
        raise NotReadable(f"{text!r} is not a year or a financial year (such as 2005/6)")
    return following, text


def _shown(value: object) -> str:
    if isinstance(value, (_dt.date, _dt.time)):
        return f"the date {value.isoformat()}" if isinstance(value, _dt.date) else f"the time {value.isoformat()}"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return repr(value)
