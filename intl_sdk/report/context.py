"""Everything a report shows, computed once: facts, tables and chart geometry."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from intl_sdk.checks.context import as_decimal, format_number
from intl_sdk.findings import Finding
from intl_sdk.model import Plan
from intl_sdk.pillars import PILLARS
from intl_sdk.plugins import installed_plugins
from intl_sdk.views import allocation, coverage, indicator_progress, measure_coverage

HUNDRED = Decimal(100)


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
    pillar_numbers = {p.id: p.number for p in PILLARS}

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
                        "pillars": ", ".join(str(pillar_numbers.get(p, "?")) for p in a.pillars),
                        "cost": _num(a.cost),
                    }
                    for a in actions
                ],
            }
        )

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
        "total_share": _num(money.total_share),
        "gap": gap,
        "gap_text": (
            "fully allocated"
            if gap == 0
            else f"{_num(abs(gap))} percentage point{'s' if abs(gap) != 1 else ''} "
            + ("unallocated" if gap > 0 else "over-allocated")
        ),
        "shares_chart": _shares_chart(money),
        "heatmap": _heatmap(matrix),
        "indicators": [_indicator(plan, p) for p in indicator_progress(plan)],
        "measures": [
            {"title": m.title, "id": m.id, "indicators": list(ids)} for m, ids in measure_coverage(plan).items()
        ],
        "ladders": _ladders(plan),
        "findings": [f.as_dict() for f in findings],
        "counts": {level: sum(1 for f in findings if f.severity.value == level) for level in ("error", "warning", "info")},
        "pillars": [{"number": p.number, "id": p.id, "title": p.title} for p in PILLARS],
    }


def _period(plan: Plan) -> str:
    period = plan.strategy.period
    if period is None:
        return ""
    return f"{period.start if period.start is not None else '…'}–{period.end if period.end is not None else '…'}"


def _shares_chart(money) -> dict[str, Any]:
    """A vertical bar per region, and one for what is unallocated (over-allocation is noted)."""
    bars = [(r.name, r.id or "", r.share) for r in money.regions if r.share is not None and r.share > 0]
    gap = money.unallocated_share
    values = [share for _, _, share in bars] + ([gap] if gap > 0 else [])
    top = max(values + [Decimal(1)])
    width, height, left, bottom, top_margin = 680, 230, 36, 30, 20
    slot = (width - left - 10) / max(len(values), 1)
    plot = height - bottom - top_margin
    out = []
    for position, (name, region_id, share) in enumerate(bars):
        h = float(share / top) * plot
        x = left + position * slot + slot * 0.15
        out.append(
            {
                "x": round(x, 1), "y": round(top_margin + plot - h, 1), "w": round(slot * 0.7, 1), "h": round(h, 1),
                "label": name, "value": _num(share), "share": str(share), "region": region_id, "colour": position % 10,
                "label_x": round(x + slot * 0.35, 1),
            }
        )
    unallocated = None
    if gap > 0:
        h = float(gap / top) * plot
        x = left + len(bars) * slot + slot * 0.15
        unallocated = {
            "x": round(x, 1), "y": round(top_margin + plot - h, 1), "w": round(slot * 0.7, 1), "h": round(h, 1),
            "value": _num(gap), "share": str(gap), "label_x": round(x + slot * 0.35, 1),
        }
    return {
        "width": width, "height": height, "bars": out, "unallocated": unallocated,
        "over": _num(-gap) if gap < 0 else "", "axis_y": top_margin + plot, "left": left,
        "label_y": top_margin + plot + 16,
    }


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


def _indicator(plan: Plan, progress) -> dict[str, Any]:
    indicator = plan.indicators[progress.index]
    base = indicator.baseline
    target = indicator.target
    bar = None
    if progress.baseline is not None and progress.target is not None and progress.target != progress.baseline:
        span = progress.target - progress.baseline
        marks = []
        for year, value in sorted(indicator.actuals.items()):
            number = as_decimal(value)
            if number is None:
                continue
            fraction = float((number - progress.baseline) / span)
            marks.append({"x": round(20 + 280 * min(max(fraction, 0.0), 1.1) / 1.1, 1), "year": year, "value": _num(number)})
        reached = float(progress.fraction) if progress.fraction is not None else 0.0
        bar = {
            "fill": round(280 * min(max(reached, 0.0), 1.1) / 1.1, 1),
            "target_x": round(20 + 280 / 1.1, 1),
            "marks": marks,
            "percent": f"{round(reached * 100)}%",
        }
    return {
        "name": progress.name,
        "unit": indicator.unit or "",
        "direction": indicator.direction or "up",
        "baseline": f"{_num(base.value)}{f' ({base.year})' if base.year is not None else ''}" if base and base.value is not None else "",
        "target": f"{_num(target.value)}{f' ({target.year})' if target.year is not None else ''}" if target and target.value is not None else "",
        "latest": f"{_num(progress.latest)} ({progress.latest_year})" if progress.latest is not None else "",
        "status": progress.status,
        "on_track": progress.on_track,
        "bar": bar,
        "source": indicator.source or "",
        "actuals": ", ".join(f"{year}: {_num(value)}" for year, value in sorted(indicator.actuals.items())),
    }


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
        }
        for a in agreements
    ]
