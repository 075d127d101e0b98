"""The report's sections on the rest of the report's model: offices abroad, the
global drivers × pillars matrix, the methodology's minimum contents, and each
agreement's conditions (recommendation 1). Plain data for both templates."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from intl_sdk.checks.context import as_decimal, format_number
from intl_sdk.checks.cooperation import UNDER_WAY
from intl_sdk.drivers import DRIVERS
from intl_sdk.model import Agreement, Plan
from intl_sdk.views import driver_coverage, methodology_status, presence

DRIVER_NUMBERS = {d.id: d.number for d in DRIVERS}


def _num(value: Any) -> str:
    return "" if value is None else format_number(value)


def driver_numbers(driver_ids: list[str]) -> str:
    """`1, 3` in the drivers' order, whatever the order written; an unknown id as `?`."""
    numbers = sorted({DRIVER_NUMBERS[d] for d in driver_ids if d in DRIVER_NUMBERS})
    unknown = ["?"] if any(d not in DRIVER_NUMBERS for d in driver_ids) else []
    return ", ".join([*map(str, numbers), *unknown])


def offices(plan: Plan) -> list[dict[str, str]]:
    """Every office, in the plan's order, with its region's name and share of the staff."""
    regions = {row.id: row for row in presence(plan) if row.id is not None}
    out = []
    for office in plan.offices:
        region = regions.get(office.region)
        out.append(
            {
                "id": office.id or "",
                "name": office.name or office.id or "",
                "region": region.name if region else (office.region or ""),
                "location": office.location or "",
                "host": office.host or "",
                "staff": _num(office.staff_fte),
                "region_staff": _num(region.staff_share.quantize(Decimal("0.1"))) if region and region.staff_share is not None else "",
                "opened": office.opened.isoformat() if office.opened else "",
                "tasks": "; ".join(office.tasks),
            }
        )
    return out


def drivers_matrix(plan: Plan) -> dict[str, Any]:
    """Rows of drivers, columns of pillars: how many actions answer each driver through each pillar."""
    matrix = driver_coverage(plan)
    peak = max(matrix.actions.values(), default=0)
    rows = []
    for driver in matrix.drivers:
        cells = []
        for pillar in matrix.pillars:
            count = matrix.count(driver.id, pillar.id)
            level = 0 if count == 0 or not peak else 1 + min(3, int(3 * count / peak))
            cells.append({"count": count, "level": level})
        rows.append(
            {
                "number": driver.number,
                "title": driver.title,
                "total": matrix.driver_total(driver.id),
                "unanswered": driver.id in matrix.unanswered,
                "expected": driver.id in matrix.expected,
                "cells": cells,
            }
        )
    return {
        "pillars": [{"number": p.number, "title": p.title} for p in matrix.pillars],
        "rows": rows,
        "scoped": matrix.expected != tuple(d.id for d in DRIVERS),
        "any": bool(matrix.answered_by),
    }


def methodology(plan: Plan) -> dict[str, Any]:
    """The seven minimum contents, each with what the plan says of it."""
    rows = []
    for status in methodology_status(plan):
        items = [
            (reference.label if reference.found else f"{reference.text} (not in the plan)")
            for reference in status.references
        ]
        rows.append(
            {
                "number": status.content.number,
                "title": status.content.title,
                "key": status.content.key,
                "text": status.text or "",
                "references": items,
                "addressed": status.addressed,
            }
        )
    return {"present": plan.methodology is not None, "rows": rows, "missing": sum(1 for r in rows if not r["addressed"])}


def conditions(agreement: Agreement) -> dict[str, Any]:
    """Recommendation 1's three conditions as the report prints them; `due` when the agreement is under way."""
    resources = []
    if as_decimal(agreement.funds) is not None:
        resources.append(f"funds {_num(agreement.funds)}")
    if as_decimal(agreement.staff_fte) is not None:
        resources.append(f"{_num(agreement.staff_fte)} FTE")
    if agreement.resources and agreement.resources.strip():
        resources.append(agreement.resources.strip())
    return {
        "due": agreement.status in UNDER_WAY,
        "added_value": bool(agreement.added_value and agreement.added_value.strip()),
        "resources": "; ".join(resources),
        "sponsor": (agreement.sponsor or "").strip(),
    }
