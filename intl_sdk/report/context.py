"""Everything a report shows, computed once: facts, tables and chart geometry."""

from __future__ import annotations

import textwrap
from decimal import Decimal
from typing import Any

from intl_sdk.checks.context import as_decimal, format_number, not_given
from intl_sdk.display import counted, severity_counts
from intl_sdk.drivers import DRIVERS
from intl_sdk.findings import Finding
from intl_sdk.model import Plan
from intl_sdk.pillars import PILLARS
from intl_sdk.plugins import installed_plugins
from intl_sdk.report.model_parts import conditions, driver_numbers, drivers_matrix, methodology, offices
from intl_sdk.views import allocation, coverage, indicator_progress, measure_coverage, measurement_text

PILLAR_NUMBERS = {p.id: p.number for p in PILLARS}


def _num(value: Any) -> str:
    return "" if value is None else format_number(value)


def report_context(plan: Plan, findings: list[Finding]) -> dict[str, Any]:
    strategy = plan.strategy
    money = allocation(plan)
    matrix = coverage(plan)
    gap = money.unallocated_share
    by_region: dict[str, list] = {}
    for action in plan.actions:
        by_region.setdefault(action.region, []).append(action)

    regions = []
    for row in money.regions:
        region = plan.regions[row.index]
        actions = by_region.get(region.id, [])
        regions.append(
            {
                "name": row.name,
                "id": region.id or "",
                "summary": region.summary or "",
                "share": _num(region.share),
                "money": _num(row.money.quantize(Decimal(1))) if row.money is not None else "",
                "staff": _num(row.staff.quantize(Decimal("0.1"))) if row.staff is not None else "",
                "actions": [
                    {
                        "title": a.title or a.id or "",
                        "pillars": _pillar_numbers(a.pillars),
                        "drivers": driver_numbers(a.drivers),
                        "cost": _num(a.cost),
                    }
                    for a in actions
                ],
            }
        )

    counts = {level: sum(1 for f in findings if f.severity.value == level) for level in ("error", "warning", "info")}
    return {
        "strategy": {
            "name": strategy.name or "Untitled strategy",
            "organisation": strategy.organisation or "",
            "home_region": strategy.home_region or "",
            "period": _period(plan),
            "budget": f"{_num(money.budget)} {money.currency or ''}".strip() if money.budget is not None else "",
            "staff": _num(money.staff),
            "sectors": list(strategy.sectors),
            "objectives": list(strategy.objectives),
        },
        "regions": regions,
        "has_cost": any(a.cost is not None for a in plan.actions),
        "has_drivers": any(a.drivers for a in plan.actions),
        "offices": offices(plan),
        "drivers": drivers_matrix(plan),
        "driver_titles": [{"number": d.number, "title": d.title} for d in DRIVERS],
        "methodology": methodology(plan),
        "total_share": _num(money.total_share),
        "gap": gap,
        "gap_text": (
            "fully allocated"
            if gap == 0
            else counted(abs(gap), "percentage point") + (" unallocated" if gap > 0 else " over-allocated")
        ),
        "shares_chart": _shares_chart(money),
        "heatmap": _heatmap(matrix),
        "indicators": [_indicator(plan, p) for p in indicator_progress(plan)],
        "measures": [
            {"title": m.title, "id": m.id, "indicators": list(ids)} for m, ids in measure_coverage(plan).items()
        ],
        "ladders": _ladders(plan),
        "findings": [f.as_dict() for f in findings],
        "counts": counts,
        "counts_text": severity_counts(counts),
        "pillars": [{"number": p.number, "id": p.id, "title": p.title} for p in PILLARS],
    }


def _pillar_numbers(pillar_ids: list[str]) -> str:
    """`1, 3` in the pillars' order, whatever the order written; an unknown id as `?`."""
    numbers = sorted({PILLAR_NUMBERS[p] for p in pillar_ids if p in PILLAR_NUMBERS})
    unknown = ["?"] if any(p not in PILLAR_NUMBERS for p in pillar_ids) else []
    return ", ".join([*map(str, numbers), *unknown])


def _period(plan: Plan) -> str:
    strategy = plan.strategy
    period = strategy.period
    if period is None:
        return "not given" if not_given(strategy, "period") else ""
    start = period.start if period.start is not None else "…"
    end = period.end if period.end is not None else "…"
    text = f"{start}–{end}"
    unstated = [part for part in ("start", "end") if getattr(period, part) is None and not_given(strategy, f"period.{part}")]
    return text + (f" ({' and '.join(unstated)} not given)" if unstated else "")


#: Chart geometry, in SVG user units (the chart is drawn 680 wide and scaled to the page).
_WIDTH, _HEIGHT, _LEFT, _TOP = 680, 210, 36, 22
_LABEL_SIZE, _LABEL_LINES, _LINE_HEIGHT = 10, 3, 12


def _shares_chart(money) -> dict[str, Any]:
    """A vertical bar per region, and one for what is unallocated (over-allocation is noted).

    Region names wrap onto up to three lines under their bar, as wide as the
    bar's slot allows, and are cut only beyond that."""
    bars = [(r.name, r.id or "", r.share) for r in money.regions if r.share is not None and r.share > 0]
    gap = money.unallocated_share
    values = [share for _, _, share in bars] + ([gap] if gap > 0 else [])
    top = max(values + [Decimal(1)])
    bottom = 8 + _LABEL_LINES * _LINE_HEIGHT
    slot = (_WIDTH - _LEFT - 10) / max(len(values), 1)
    plot = _HEIGHT - bottom - _TOP
    characters = max(4, int(slot / (_LABEL_SIZE * 0.56)))  # Helvetica/Arial average width at this size

    def bar(position: int, share: Decimal) -> dict[str, Any]:
        h = float(share / top) * plot
        x = _LEFT + position * slot + slot * 0.15
        return {
            "x": round(x, 1), "y": round(_TOP + plot - h, 1), "w": round(slot * 0.7, 1), "h": round(h, 1),
            "value": _num(share), "share": str(share), "label_x": round(x + slot * 0.35, 1),
        }

    out = []
    for position, (name, region_id, share) in enumerate(bars):
        out.append({**bar(position, share), "label": name, "lines": _wrap(name, characters), "region": region_id, "colour": position % 10})
    unallocated = {**bar(len(bars), gap), "lines": ["Unallocated"]} if gap > 0 else None
    return {
        "width": _WIDTH, "height": _HEIGHT, "bars": out, "unallocated": unallocated,
        "over": _num(-gap) if gap < 0 else "", "axis_y": _TOP + plot, "left": _LEFT,
        "label_y": _TOP + plot + 14, "line_height": _LINE_HEIGHT,
    }


def _wrap(text: str, width: int) -> list[str]:
    lines = textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=True) or [""]
    if len(lines) > _LABEL_LINES:
        lines = lines[:_LABEL_LINES]
        lines[-1] = lines[-1][: max(width - 1, 1)].rstrip() + "…"
    return lines


def _heatmap(matrix) -> dict[str, Any]:
    peak = max(matrix.actions.values(), default=0)
    rows = []
    for pillar in matrix.pillars:
        cells = []
        for region_id, _ in matrix.regions:
            count = matrix.count(pillar.id, region_id)
            level = 0 if count == 0 else 1 + min(3, int(3 * count / peak)) if peak else 0
            cells.append({"count": count, "level": level, "cost": _num(matrix.cost.get((pillar.id, region_id))) if count else ""})
        rows.append(
            {"number": pillar.number, "title": pillar.title, "uncovered": pillar.id in matrix.uncovered, "cells": cells, "total": matrix.pillar_total(pillar.id)}
        )
    return {"regions": [name for _, name in matrix.regions], "rows": rows}


def _figure(indicator, part: str) -> str:
    """A baseline or target as the report prints it, saying what the source does not give."""
    measurement = getattr(indicator, part)
    if measurement is None:
        return "not given" if not_given(indicator, part) else ""
    text = measurement_text(measurement)
    if measurement.year is None and not_given(indicator, f"{part}.year") and text:
        text += " (year not given)"
    return text


def _indicator(plan: Plan, progress) -> dict[str, Any]:
    indicator = plan.indicators[progress.index]
    bar = None
    if progress.fraction is not None and progress.baseline is not None and progress.target is not None:
        span = progress.target - progress.baseline
        marks = []
        for year, value in sorted(indicator.actuals.items()):
            number = as_decimal(value)
            if number is None:
                continue
            fraction = float((number - progress.baseline) / span)
            marks.append({"x": round(20 + 280 * min(max(fraction, 0.0), 1.1) / 1.1, 1), "year": year, "value": _num(number)})
        reached = float(progress.fraction)
        bar = {
            "fill": round(280 * min(max(reached, 0.0), 1.1) / 1.1, 1),
            "target_x": round(20 + 280 / 1.1, 1),
            "marks": marks,
            "percent": f"{round(reached * 100)}%",
        }
    actuals = ", ".join(f"{year}: {_num(value)}" for year, value in sorted(indicator.actuals.items()))
    return {
        "name": progress.name,
        "unit": indicator.unit or "",
        "direction": indicator.direction or "up",
        "baseline": _figure(indicator, "baseline"),
        "target": _figure(indicator, "target"),
        "latest": f"{_num(progress.latest)} ({progress.latest_year})" if progress.latest is not None else "",
        "status": progress.status,
        "progress_text": _progress_text(progress, actuals),
        "on_track": progress.on_track,
        "bar": bar,
        "source": indicator.source or "",
        "actuals": actuals,
    }


def _progress_text(progress, actuals: str) -> str:
    """Progress in words where there is no bar: never a 0% that reads as "no progress"."""
    if progress.status == "no actuals":
        return "no actuals yet"
    if progress.status == "monitor only" and actuals:
        return f"monitored: {actuals}"
    return progress.status


def _ladders(plan: Plan) -> list[dict[str, Any]]:
    frameworks = installed_plugins().frameworks
    names = list(dict.fromkeys([*plan.frameworks, *(a.framework for a in plan.agreements if a.framework)]))
    ladders = []
    for framework_id in names:
        framework = frameworks.get(framework_id)
        agreements = [a for a in plan.agreements if a.framework == framework_id]
        if framework is None:
            ladders.append({"name": framework_id, "installed": False, "tiers": [{"tier": "", "kind": "", "agreements": _agreements(agreements)}]})
            continue
        tiers = []
        for kind in sorted(framework.kinds, key=lambda k: k.tier):
            of_kind = sorted((a for a in agreements if a.kind == kind.id), key=lambda a: (a.partner or "").casefold())
            tiers.append({"tier": kind.tier, "kind": kind.name, "agreements": _agreements(of_kind)})
        unknown = [a for a in agreements if framework.kind(a.kind) is None]
        if unknown:
            tiers.append({"tier": "?", "kind": "unknown kinds", "agreements": _agreements(unknown)})
        ladders.append({"name": framework.name, "installed": True, "tiers": tiers})
    return ladders


def _agreements(agreements: list) -> list[dict[str, str]]:
    return [
        {
            "id": a.id or "",
            "kind": a.kind or "",
            "partner": a.partner or "",
            "status": a.status or "",
            "builds_on": ", ".join(a.builds_on),
            "signed": a.signed.isoformat() if a.signed else "",
            "conditions": conditions(a),
        }
        for a in agreements
    ]
