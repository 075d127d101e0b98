"""Reading a plan's `[governance]` section: plugin data the core keeps as an unknown key.

The core reader keeps `[governance]` untouched in `plan.extra`, without
checking its types; this module reads it for the checks, turning each value
of the wrong type into a problem (with its path, so the finding has a line)
rather than an exception. A date may be a TOML date or a year alone (the
report dates Montreal's vision "2003"); a year stands for its last day, so a
year-only review is never called overdue before it could be.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from attrs import define, field

__all__ = ["Dated", "Governance", "read_governance", "when"]

#: Keys of `[governance]` that are lists of text, and lists of tables with a date.
TEXT_LISTS = ("stakeholders", "levels", "builds_on", "networking", "not_given")
DATED_LISTS = ("consultations", "reviews", "updates")
TABLE_LISTS = ("committees",)
KNOWN_KEYS = ("published", "document", *TEXT_LISTS, *DATED_LISTS, *TABLE_LISTS)


def when(value: Any) -> _dt.date | None:
    """A TOML date as it is; a year as its last day; anything else None."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return _dt.date(value, 12, 31)
    return None


@define
class Dated:
    """A consultation, review or update: its place in its list, its day, its table."""

    index: int
    day: _dt.date | None
    data: dict[str, Any]


@define
class Governance:
    """What a plan's `[governance]` says, each part present only when well typed."""

    present: bool = False
    published: _dt.date | None = None
    text: dict[str, list[str]] = field(factory=dict)
    dated: dict[str, list[Dated]] = field(factory=dict)
    tables: dict[str, list[dict[str, Any]]] = field(factory=dict)
    problems: list[tuple[tuple, str]] = field(factory=list)  # (path, what is wrong)

    def gives_no(self, key: str) -> bool:
        return key in self.text.get("not_given", [])

    def latest(self, key: str) -> Dated | None:
        entries = [d for d in self.dated.get(key, []) if d.day is not None]
        return max(entries, key=lambda d: d.day) if entries else None


def read_governance(plan: Any) -> Governance:
    data = plan.extra.get("governance")
    out = Governance()
    if data is None:
        return out
    out.present = True
    root = ("governance",)
    if not isinstance(data, dict):
        out.problems.append((root, "[governance] is a table, not " + _kind(data)))
        return out
    if "published" in data:
        out.published = when(data["published"])
        if out.published is None:
            out.problems.append((root + ("published",), "published is a date or a year, not " + _kind(data["published"])))
    if "document" in data and not isinstance(data["document"], str):
        out.problems.append((root + ("document",), "document is text, not " + _kind(data["document"])))
    for key in TEXT_LISTS:
        if key not in data:
            continue
        value = data[key]
        if not isinstance(value, list):
            out.problems.append((root + (key,), f"{key} is a list of text, not " + _kind(value)))
            continue
        texts = []
        for position, item in enumerate(value):
            if isinstance(item, str):
                texts.append(item)
            else:
                out.problems.append((root + (key, position), f"{key} holds text, not " + _kind(item)))
        out.text[key] = texts
    for key in DATED_LISTS + TABLE_LISTS:
        if key not in data:
            continue
        value = data[key]
        if not isinstance(value, list):
            out.problems.append((root + (key,), f"{key} is a list of tables ([[governance.{key}]]), not " + _kind(value)))
            continue
        tables, dated = [], []
        for position, item in enumerate(value):
            if not isinstance(item, dict):
                out.problems.append((root + (key, position), f"{key} holds tables, not " + _kind(item)))
                continue
            tables.append(item)
            if key in DATED_LISTS:
                raw = item.get("date", item.get("year"))
                day = when(raw) if raw is not None else None
                if raw is not None and day is None:
                    where = "date" if "date" in item else "year"
                    out.problems.append((root + (key, position, where), f"{key} {position + 1}: {where} is a date or a year, not " + _kind(raw)))
                dated.append(Dated(position, day, item))
        out.tables[key] = tables
        if key in DATED_LISTS:
            out.dated[key] = dated
    return out


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return f"text ({value!r})" if len(value) <= 30 else "text"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__
