"""Plan values as the cells an export writes, and what a spreadsheet cannot keep of them.

A cell holds text up to 32,767 characters without control characters (tabs
and line breaks aside), numbers to 15 significant digits, and dates from
1900-03-01 on (earlier dates are written as ISO text, which reads back).
What does not fit is written as near as a cell allows and listed in `lost`.
Unknown keys whose values no plain cell holds exactly (lists, tables, exact
date-times, more digits) go into a ` (TOML)` column, which reads back exactly.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal, localcontext
from typing import Any

from attrs import define

from intl_sdk.office.numbers import strip_zeros

__all__ = ["OutCell", "Losses", "fits_plain_cell", "number_out", "text_out", "toml_out", "unknown_out", "date_out"]

MAX_TEXT = 32_767
MAX_DIGITS = 15
_FIRST_DATE = _dt.date(1900, 3, 1)  # before it, spreadsheets disagree on the calendar (1900 leap-year bug)
_BAD_CHARS_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")


@define
class OutCell:
    """A value to write: `format` is None, "text", "percent:N" (N decimal places), "date",
    "datetime" or "time". `formula` is for the workbook only (CSV writes `value`)."""

    value: Any = None
    format: str | None = None
    formula: str | None = None


class Losses(list):
    """What the export could not keep, one line each: `regions.india.share: ...`."""

    def add(self, where: str, message: str) -> None:
        self.append(f"{where}: {message}")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def text_fits(text: str) -> bool:
    return text != "" and len(text) <= MAX_TEXT and _BAD_CHARS_RE.search(text) is None


def text_out(text: Any, where: str, lost: Losses) -> OutCell:
    if text is None:
        return OutCell()
    if not isinstance(text, str):
        text = str(text)
    if text == "":
        lost.add(where, "an empty text is written as an empty cell")
        return OutCell()
    if _BAD_CHARS_RE.search(text):
        lost.add(where, "control characters a cell cannot hold are written as visible escapes (\\x1b)")
        text = _BAD_CHARS_RE.sub(_escape, text)
    if len(text) > MAX_TEXT:
        lost.add(where, f"{len(text):,} characters; a cell holds {MAX_TEXT:,}: the rest is cut")
        text = text[:MAX_TEXT]
    return OutCell(text, "text")


def significant_digits(number: Decimal) -> int:
    """Digits from the first to the last non-zero one (`normalize` would round to the
    context's 28 digits first, and call a 29-digit integer short)."""
    if not number:
        return 1
    digits = "".join(map(str, number.as_tuple().digits)).strip("0")
    return len(digits)


def _as_cell_number(number: Decimal) -> int | float:
    if number == number.to_integral_value() and abs(number) < 2**53:
        return int(number)
    return float(number)


def number_out(value: Any, where: str, lost: Losses, *, percent: bool = False) -> OutCell:
    if value is None:
        return OutCell()
    number = Decimal(value) if not isinstance(value, Decimal) else value
    digits = significant_digits(number)
    if digits > MAX_DIGITS:
        with localcontext() as context:
            context.prec = MAX_DIGITS
            rounded = +number
        lost.add(where, f"{number} has {digits} significant digits; a spreadsheet keeps {MAX_DIGITS}: "
                        f"written as {strip_zeros(rounded)}")
        number = rounded
    if percent:
        places = max(0, -strip_zeros(number).as_tuple().exponent)  # type: ignore[operator]
        return OutCell(number, f"percent:{min(places, 13)}")  # the share: the workbook divides by 100
    return OutCell(_as_cell_number(number))


def date_out(value: _dt.date | None) -> OutCell:
    if value is None:
        return OutCell()
    if value >= _FIRST_DATE:
        return OutCell(value, "date")
    return OutCell(value.isoformat(), "text")


def fits_plain_cell(value: Any) -> bool:
    """Whether a plain cell holds `value` exactly, with its type (else a TOML column does)."""
    kind = type(value)
    if kind is str:
        return text_fits(value)
    if kind is bool:
        return True
    if kind in (int, Decimal):
        number = Decimal(value)
        return significant_digits(number) <= MAX_DIGITS and (number == 0 or 1e-300 < abs(number) < 1e300)
    if kind is _dt.date:
        return value >= _FIRST_DATE
    if kind is _dt.datetime:
        return value.tzinfo is None and value.microsecond % 1000 == 0 and value.date() >= _FIRST_DATE
    return False  # times, lists, tables


def unknown_out(value: Any) -> OutCell:
    """A value for which `fits_plain_cell` holds, as its cell."""
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return OutCell(_as_cell_number(Decimal(value)))
    if isinstance(value, _dt.datetime):
        return OutCell(value, "datetime")
    if isinstance(value, _dt.date):
        return OutCell(value, "date")
    if isinstance(value, str):
        return OutCell(value, "text")
    return OutCell(value)


def toml_out(value: Any, where: str, lost: Losses) -> OutCell:
    from intl_sdk.rendering import format_value

    if value is None:
        return OutCell()
    text = format_value(value)
    if len(text) > MAX_TEXT:
        lost.add(where, f"{len(text):,} characters as TOML; a cell holds {MAX_TEXT:,}: not written")
        return OutCell()
    return OutCell(text, "text")
