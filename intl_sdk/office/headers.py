"""Which column is which field: the headers an export writes and the ones an import accepts.

One table of specs serves both directions, so an exported workbook always
reads back. Headers are compared case- and punctuation-insensitively (`%`
counts as the word "percent"); a year in a header (`Where do we want to be
(2009)?`) is the default year of that column's figures. A header that names no
field becomes an unknown key of the item, under the header's own text, so a
colleague's extra columns come back under their names. ` (TOML)` at the end of
a header means its cells hold TOML values (lists, tables, exact date-times).
"""

from __future__ import annotations

import re
import unicodedata

from attrs import frozen

__all__ = ["Column", "FieldSpec", "KINDS", "TOML_SUFFIX", "TableKind", "normalise", "resolve"]

TOML_SUFFIX = " (TOML)"


@frozen
class FieldSpec:
    """A plan field in a table: its key, the header an export writes, the headers an import accepts."""

    key: str
    header: str
    accepts: tuple[str, ...]


@frozen
class TableKind:
    """A kind of table: what the export calls its sheet, its fields, and the headers of
    derived columns (money, progress...) that an import recognises and leaves out."""

    name: str
    sheet: str
    fields: tuple[FieldSpec, ...]
    derived: tuple[str, ...] = ()

    def field(self, key: str) -> FieldSpec | None:
        return next((spec for spec in self.fields if spec.key == key), None)


def _f(key: str, header: str, *accepts: str) -> FieldSpec:
    return FieldSpec(key, header, tuple(dict.fromkeys((normalise(header), *accepts))))


def normalise(header: str) -> str:
    """`Where are we now?` -> `where are we now`; `Share (%)` -> `share percent`."""
    text = unicodedata.normalize("NFKC", header).casefold().replace("%", " percent ").replace("&", " and ")
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


REGIONS = TableKind(
    "regions",
    "Action plan",
    (
        _f("id", "Id", "id", "code"),
        _f("name", "Target region", "name", "region", "regions", "target regions", "principal target region",
           "region name", "target market", "market", "country", "target country"),
        _f("share", "Share", "share", "resource share", "resources share", "share of resources", "percent",
           "share percent", "resource share percent", "percentage", "allocation", "resource allocation",
           "percent of resources", "budget share"),
        _f("summary", "Summary of main activities", "summary", "summary of main activities actions",
           "summary of activities", "main activities", "main activities actions", "activities",
           "description", "summary of actions"),
        _f("actions", "Actions", "action", "list of actions", "key actions"),
        _f("code", "Region code", "iso code", "m49 code", "country code"),
        _f("not_given", "Not given"),
    ),
    derived=("money", "staff", "total"),
)
ACTIONS = TableKind(
    "actions",
    "Actions",
    (
        _f("id", "Id", "id", "action id"),
        _f("region", "Region id"),
        _f("region_name", "Region", "region", "target region", "region name"),
        _f("title", "Title", "action", "action title", "activity", "what"),
        _f("pillars", "Pillars", "pillar"),
        _f("cost", "Cost", "cost", "costs", "budget"),
        _f("staff_fte", "Staff (FTE)", "staff", "fte"),
        _f("start", "Start", "start date", "from"),
        _f("end", "End", "end date", "until", "to"),
        _f("indicators", "Indicators", "indicator ids"),
        _f("drivers", "Drivers", "global drivers", "driver ids"),
        _f("not_given", "Not given"),
    ),
)
INDICATORS = TableKind(
    "indicators",
    "Indicators",
    (
        _f("id", "Id", "id", "indicator id"),
        _f("name", "Indicator", "name", "indicator name", "indicators"),
        _f("unit", "Unit", "units"),
        _f("direction", "Direction", "better"),
        _f("baseline.value", "Baseline", "where are we now", "where are we now baseline", "current", "now",
           "baseline value", "current value"),
        _f("baseline.year", "Baseline year", "year"),
        _f("target.value", "Target", "where do we want to be", "target value", "goal"),
        _f("target.year", "Target year", "target date"),
        _f("measures", "Measures", "impact measures", "minimum impact measures"),
        _f("source", "Source", "sources"),
        _f("monitor_only", "Monitor only", "monitor"),
        _f("baseline.change", "Baseline change"),
        _f("target.change", "Target change"),
        _f("not_given", "Not given"),
    ),
    derived=("latest", "progress", "status", "on track", "expected by now"),
)
AGREEMENTS = TableKind(
    "agreements",
    "Agreements",
    (
        _f("id", "Id", "id", "agreement id"),
        _f("framework", "Framework", "policy framework"),
        _f("kind", "Kind", "type", "agreement type", "agreement"),
        _f("partner", "Partner", "partner region", "partner organisation", "partner organization"),
        _f("status", "Status"),
        _f("signed", "Signed", "date signed", "signature date"),
        _f("builds_on", "Builds on"),
        _f("added_value", "Added value"),
        _f("resources", "Resources", "dedicated resources"),
        _f("funds", "Funds", "dedicated funds"),
        _f("staff_fte", "Staff (FTE)", "staff", "dedicated staff"),
        _f("sponsor", "Sponsor", "political sponsor"),
        _f("not_given", "Not given"),
    ),
)
OFFICES = TableKind(
    "offices",
    "Offices",
    (
        _f("id", "Id", "office id"),
        _f("name", "Office", "name", "office name", "offices"),
        _f("region", "Region id"),
        _f("region_name", "Region", "region", "target region"),
        _f("location", "Location", "city", "where"),
        _f("host", "Hosted by", "host", "hosted in"),
        _f("staff_fte", "Staff (FTE)", "staff"),
        _f("opened", "Opened", "opened on", "opening date"),
        _f("tasks", "Tasks", "task"),
        _f("not_given", "Not given"),
    ),
)
FINDINGS = TableKind(
    "findings",
    "Findings",
    tuple(_f(key, key.title()) for key in ("code", "severity", "where", "line", "message", "hint")),
)
KINDS = {kind.name: kind for kind in (REGIONS, OFFICES, ACTIONS, INDICATORS, AGREEMENTS, FINDINGS)}

_TYPES = {
    "regions": {"id": "id", "name": "text", "share": "share", "summary": "text", "actions": "text", "code": "text",
                "not_given": "ids"},
    "actions": {"id": "id", "region": "id", "region_name": "region", "title": "text", "pillars": "ids",
                "cost": "number", "staff_fte": "number", "start": "date", "end": "date", "indicators": "ids",
                "drivers": "ids", "not_given": "ids"},
    "offices": {"id": "id", "name": "text", "region": "id", "region_name": "region", "location": "text", "host": "text",
                "staff_fte": "number", "opened": "date", "tasks": "ids", "not_given": "ids"},
    "indicators": {"id": "id", "name": "text", "unit": "text", "direction": "text", "baseline.value": "quantity",
                   "baseline.year": "year", "target.value": "quantity", "target.year": "year",
                   "measures": "ids", "source": "text", "monitor_only": "bool", "baseline.change": "text",
                   "target.change": "text", "not_given": "ids"},
    "agreements": {"id": "id", "framework": "text", "kind": "text", "partner": "text", "status": "text",
                   "signed": "date", "builds_on": "ids", "added_value": "text", "resources": "text", "sponsor": "text",
                   "funds": "number", "staff_fte": "number", "not_given": "ids"},
    "findings": {},
}


def field_type(kind: str, key: str) -> str:
    """text, id, ids (comma-separated ids), share, number, quantity (a figure with a unit),
    year, date, bool, or region (a region's name or id)."""
    return _TYPES[kind].get(key, "text")


@frozen
class Column:
    """What a column holds. `role`: field (`key` is the field), extra (`key` is the unknown
    key), measurement-extra (`part` is baseline or target), actual (`year`), party (`part`
    is the party's number, `key` name, level or an unknown key), derived (left out on import)."""

    role: str
    key: str | None = None
    part: str | int | None = None
    year: int | None = None
    toml: bool = False


_ACTUAL_RE = re.compile(r"actuals? (\d{4})|((?:1[89]|2[0-9])\d{2})")
_YEAR_TOKEN_RE = re.compile(r"\b(?:1[89]|2[0-9])\d{2}\b")
_MEASUREMENT_EXTRA_RE = re.compile(r"(baseline|target)\s+(.+)", re.I | re.S)
_PARTY_RE = re.compile(r"party\s+(\d{1,3})(?:\s+(.+))?", re.I | re.S)


def _lookup(kind: TableKind, norm: str) -> FieldSpec | None:
    for spec in kind.fields:
        if norm in spec.accepts:
            return spec
    return None


def resolve(kind: TableKind, header: str) -> Column | None:
    """The column a header names in a table of `kind`; None for an empty header."""
    raw = header.strip()
    toml = raw.endswith(TOML_SUFFIX.strip()) and raw[: -len(TOML_SUFFIX.strip())].endswith(" ")
    if toml:
        raw = raw[: -len(TOML_SUFFIX.strip())].rstrip()
    if not raw:
        return None
    norm = normalise(raw)
    spec = _lookup(kind, norm)
    if spec is not None:
        return Column("field", spec.key, toml=toml)
    if kind is INDICATORS:
        actual = _ACTUAL_RE.fullmatch(norm)
        if actual:
            return Column("actual", year=int(actual.group(1) or actual.group(2)), toml=toml)
        years = _YEAR_TOKEN_RE.findall(norm)
        if len(years) == 1:
            spec = _lookup(kind, " ".join(_YEAR_TOKEN_RE.sub(" ", norm).split()))
            if spec is not None and spec.key.endswith(".value"):
                return Column("field", spec.key, year=int(years[0]), toml=toml)
        extra = _MEASUREMENT_EXTRA_RE.fullmatch(raw)
        if extra:
            return Column("measurement-extra", extra.group(2), part=extra.group(1).lower(), toml=toml)
    if kind is AGREEMENTS:
        party = _PARTY_RE.fullmatch(raw)
        if party:
            rest = party.group(2)
            key = "name" if rest is None else "level" if normalise(rest) == "level" else rest
            return Column("party", key, part=int(party.group(1)), toml=toml)
    if any(norm == prefix or norm.startswith(prefix + " ") for prefix in kind.derived):
        return Column("derived")
    if kind is FINDINGS:
        return Column("derived")
    return Column("extra", raw, toml=toml)


def header_for(column: Column, kind: TableKind) -> str:
    """The header an export writes for a column (the inverse of `resolve`)."""
    if column.role == "field":
        text = kind.field(column.key).header  # type: ignore[union-attr,arg-type]
    elif column.role == "actual":
        text = f"Actual {column.year}"
    elif column.role == "measurement-extra":
        text = f"{str(column.part).title()} {column.key}"
    elif column.role == "party":
        text = f"Party {column.part}" + ("" if column.key == "name" else " level" if column.key == "level" else f" {column.key}")
    else:
        text = str(column.key)
    return text + TOML_SUFFIX if column.toml else text
