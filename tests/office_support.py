"""Helpers for the import and export tests: round trips in process, and plans fitted to a spreadsheet."""

from __future__ import annotations

import re
from decimal import Decimal, localcontext
from pathlib import Path

import attrs

import intl_sdk
from intl_sdk.model import Plan

_BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
ITEMS = ("regions", "offices", "actions", "indicators", "agreements")


def export_xlsx(plan: Plan, path: Path) -> list[str]:
    """Write `plan` as a workbook; what the export says it could not keep."""
    from intl_sdk.office.sheets import plan_tables
    from intl_sdk.office.xlsx_writer import write_xlsx

    export = plan_tables(plan)
    path.write_bytes(write_xlsx(export))
    return list(export.lost)


def export_csv(plan: Plan, folder: Path) -> list[str]:
    """Write `plan` as a folder of CSV files; what the export says it could not keep."""
    from intl_sdk.office.csv_writer import write_csv
    from intl_sdk.office.sheets import plan_tables

    export = plan_tables(plan)
    write_csv(export, str(folder))
    return list(export.lost)


def import_plan(path: Path, **options):
    from intl_sdk.office.builder import ImportOptions, import_file

    return import_file(str(path), ImportOptions(**options))


def without_imported_from(plan: Plan) -> Plan:
    for kind in ITEMS:
        for item in getattr(plan, kind):
            item.extra.pop("imported_from", None)
    return plan


def _text(value: str) -> str:
    return _BAD.sub("", value) or "x"


def _number(value):
    if isinstance(value, Decimal):
        with localcontext() as context:
            context.prec = 15
            return +value
    if isinstance(value, int) and len(str(abs(value)).rstrip("0")) > 15:
        with localcontext() as context:
            context.prec = 15
            return int(+Decimal(value))
    return value


def _keys(extra: dict) -> dict:
    out = {}
    for number, (key, value) in enumerate(extra.items()):
        clean = _BAD.sub("", key).strip()
        if clean != key or not clean or clean.endswith("(TOML)"):
            clean = f"x_renamed_{number}"
        out[clean] = value
    return out


def _fit(obj):
    if isinstance(obj, str):
        return _text(obj)
    if isinstance(obj, list):
        return [_fit(item) for item in obj]
    if isinstance(obj, dict):
        return {key: (_fit(value) if not isinstance(value, (dict, list)) or attrs.has(type(value)) else value)
                for key, value in obj.items()}
    if isinstance(obj, (int, Decimal)) and not isinstance(obj, bool):
        return _number(obj)
    if attrs.has(type(obj)):
        for field in attrs.fields(type(obj)):
            if field.name in ("origin",):
                continue
            value = getattr(obj, field.name)
            if field.name == "extra":
                setattr(obj, "extra", _keys(value))  # unknown values go to TOML columns, kept as they are
            elif field.name == "severity":
                continue
            else:
                setattr(obj, field.name, _fit(value))
    return obj


def _empty(item) -> bool:
    return all(
        getattr(item, f.name) in (None, [], {}) for f in attrs.fields(type(item)) if f.name not in ("origin",)
    )


def fit_to_a_spreadsheet(plan: Plan) -> Plan:
    """The plan within what a cell holds: texts non-empty and without control characters
    (line breaks and tabs aside), numbers of 15 significant digits, no empty tables or items,
    unknown keys' names without surrounding spaces. Unknown values are kept as they are."""
    _fit(plan)
    if plan.methodology is not None:  # its unknown keys have no row; an empty table none either
        plan.methodology.extra = {}
        if all(getattr(plan.methodology, key) is None for key in intl_sdk.METHODOLOGY_KEYS):
            plan.methodology = None
    for indicator in plan.indicators:
        for part in ("baseline", "target"):
            if getattr(indicator, part) is not None and _empty(getattr(indicator, part)):
                setattr(indicator, part, None)
    for agreement in plan.agreements:
        agreement.parties = [party for party in agreement.parties if not _empty(party)]
    for kind in ITEMS:
        setattr(plan, kind, [item for item in getattr(plan, kind) if not _empty(item)])
    for region in plan.regions:
        if region.id is None and region.name is not None and region.name.strip().lower() in ("total", "totals", "sum", "overall"):
            region.name += " region"
    return plan
