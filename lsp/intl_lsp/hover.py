"""Hover: a finding's docs (`intl explain`), what an id names, the running total of shares.

Always plain text: plan text is never read as Markdown or HTML by the
editor, and control characters are shown as escapes (`printable`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, Mapping

from intl_lsp.ids import Mention, mention_at

if TYPE_CHECKING:
    from intl_sdk import Plan

    from intl_lsp.analysis import Analysis

__all__ = ["hover_text"]


def hover_text(analysis: Analysis, offset: int, rules: Mapping[str, Any], frameworks: Mapping[str, Any]) -> tuple[str, tuple[int, int]] | None:
    """What to show at `offset`, and the offsets it is about; None for nothing."""
    places = analysis.places
    if places is None or analysis.plan is None:
        return None
    parts: list[str] = []
    where: tuple[int, int] | None = None
    for finding in analysis.findings:
        start, end = places.finding(finding)
        if start <= offset <= end:
            parts.append(_finding(finding, rules.get(finding.code)))
            where = where or (start, end)
    path = places.path_at(offset)
    mention = mention_at(analysis.plan, path)
    if mention is not None:
        parts.append(_mention(analysis.plan, mention, frameworks))
        where = where or places.value(mention.path)
    elif path and len(path) == 3 and path[0] == "regions" and path[2] == "share":
        parts.append(_shares(analysis.plan, path[1]))
        where = where or places.statement(path)
    if not parts or where is None:
        return None
    return "\n\n---\n\n".join(parts), where


def _finding(finding, rule) -> str:
    from intl_sdk.display import printable

    head = f"{finding.code} ({finding.severity.value}): {printable(finding.message)}\nhint: {printable(finding.hint)}"
    if rule is None:
        return head
    return head + "\n\n" + printable(rule.explanation(), keep_newlines=True)


def _number(value: Any) -> str:
    from intl_sdk.checks.context import format_number

    return format_number(value)


def _shares(plan: Plan, index: int) -> str:
    from intl_sdk.checks.context import as_decimal
    from intl_sdk.display import printable

    running = Decimal(0)
    total = Decimal(0)
    for position, region in enumerate(plan.regions):
        share = as_decimal(region.share) or Decimal(0)
        total += share
        if position <= index:
            running += share
    region = plan.regions[index]
    gap = Decimal(100) - total
    if gap > 0:
        rest = f"{_number(gap)} percentage point{'s' if gap != 1 else ''} unallocated"
    elif gap < 0:
        rest = f"{_number(-gap)} percentage point{'s' if gap != -1 else ''} over-allocated"
    else:
        rest = "nothing unallocated"
    return (
        f"share of {printable(str(region.name or region.id or f'region {index + 1}'))}: {_number(region.share)}%\n"
        f"running total to this region: {_number(running)}%\n"
        f"all {len(plan.regions)} regions: {_number(total)}%, {rest}"
    )


def _measurement(measurement) -> str:
    if measurement is None:
        return "none"
    value = _number(measurement.value) if measurement.value is not None else "no value"
    return f"{value} ({measurement.year})" if measurement.year is not None else f"{value} (no year)"


def _mention(plan: Plan, mention: Mention, frameworks: Mapping[str, Any]) -> str:
    from intl_sdk import DRIVERS, IMPACT_MEASURES, PILLARS
    from intl_sdk.checks.context import closest
    from intl_sdk.display import printable

    shown = printable(mention.id)
    if mention.kind == "driver":
        driver = next((d for d in DRIVERS if d.id == mention.id), None)
        if driver is None:
            return f"driver '{shown}' is not one of the seven global drivers" + _near(mention.id, [d.id for d in DRIVERS])
        return f"global driver {driver.number}: {driver.title}\n{driver.summary}"
    if mention.kind == "pillar":
        pillar = next((p for p in PILLARS if p.id == mention.id), None)
        if pillar is None:
            return f"pillar '{shown}' is not one of the six" + _near(mention.id, [p.id for p in PILLARS])
        return f"pillar {pillar.number}: {pillar.title}\n{pillar.summary}"
    if mention.kind == "measure":
        measure = next((m for m in IMPACT_MEASURES if m.id == mention.id), None)
        if measure is None:
            return f"measure '{shown}' is not a minimum impact measure" + _near(mention.id, [m.id for m in IMPACT_MEASURES])
        return f"minimum impact measure {measure.id}: {measure.title}"
    if mention.kind == "framework":
        framework = frameworks.get(mention.id)
        if framework is None:
            return f"framework '{shown}': no installed plugin provides it"
        lines = [f"framework {shown}: {printable(framework.name)}"]
        if framework.description:
            lines.append(printable(framework.description))
        lines.append("agreement kinds, in order: " + ", ".join(k.id for k in sorted(framework.kinds, key=lambda k: k.tier)))
        return "\n".join(lines)
    if mention.kind == "kind":
        agreement = plan.agreements[mention.path[1]]
        framework = frameworks.get(agreement.framework) if isinstance(agreement.framework, str) else None
        kind = framework.kind(mention.id) if framework is not None else None
        if kind is None:
            where = f"framework '{printable(str(agreement.framework))}'" if agreement.framework else "no framework"
            return f"agreement kind '{shown}': not a kind of {where}"
        text = f"agreement kind {shown}: {printable(kind.name)}, tier {kind.tier} of {printable(framework.name)}"
        if kind.builds_on:
            text += "\nbuilds on: " + ", ".join(kind.builds_on)
        if kind.required:
            text += "\nrequires: " + ", ".join(kind.required)
        return text + (f"\n{printable(kind.description)}" if kind.description else "")
    items = [item for item in getattr(plan, mention.kind + "s") if item.id == mention.id]
    if not items:
        ids = [item.id for item in getattr(plan, mention.kind + "s") if isinstance(item.id, str)]
        near = closest(mention.id, ids)
        return f"{mention.kind} '{shown}' is not in the plan" + (f" (did you mean '{printable(near)}'?)" if near else "")
    return _item(plan, mention.kind, items[0]) + (f"\n({len(items)} items share this id)" if len(items) > 1 else "")


def _near(value: str, ids: list[str]) -> str:
    from intl_sdk.checks.context import closest
    from intl_sdk.display import printable

    near = closest(value, ids)
    return f" (did you mean '{printable(near)}'?)" if near else ""


def _item(plan: Plan, kind: str, item) -> str:
    from intl_sdk.display import printable

    def text(value: Any) -> str:
        return printable(str(value))

    if kind == "region":
        total = sum((r.share for r in plan.regions if isinstance(r.share, (int, Decimal)) and not isinstance(r.share, bool)), Decimal(0))
        actions = sum(1 for action in plan.actions if action.region == item.id)
        return (
            f"region {text(item.id)}: {text(item.name or '(no name)')}\n"
            f"share: {_number(item.share) if item.share is not None else 'none'}% (all regions: {_number(total)}%)\n"
            f"{actions} action{'s' if actions != 1 else ''}"
            + (f"\n{text(item.summary)}" if item.summary else "")
        )
    if kind == "indicator":
        unit = f" ({text(item.unit)})" if item.unit else ""
        if item.is_monitor_only:
            figures = "monitored only"
        else:
            figures = f"baseline {_measurement(item.baseline)} → target {_measurement(item.target)}"
        direction = f", {item.direction} is better" if item.direction in ("up", "down") else ""
        measures = f"\nmeasures: {', '.join(text(m) for m in item.measures)}" if item.measures else ""
        return f"indicator {text(item.id)}: {text(item.name or '(no name)')}{unit}\n{figures}{direction}{measures}"
    if kind == "office":
        staff = f", {_number(item.staff_fte)} FTE" if item.staff_fte is not None else ""
        host = f", hosted by {text(item.host)}" if item.host else ""
        return f"office {text(item.id)}: {text(item.name or item.location or '(no name)')}\nregion: {text(item.region or '(none)')}{host}{staff}"
    if kind == "agreement":
        lines = [f"agreement {text(item.id)}: {text(item.kind or '(no kind)')} with {text(item.partner or '(no partner)')}"]
        lines.append(f"framework: {text(item.framework or '(none)')}, status: {text(item.status or '(none)')}")
        if item.builds_on:
            lines.append("builds on: " + ", ".join(text(earlier) for earlier in item.builds_on))
        return "\n".join(lines)
    pillars = ", ".join(text(p) for p in item.pillars) or "none"
    return f"action {text(item.id)}: {text(item.title or '(no title)')}\nregion: {text(item.region or '(none)')}, pillars: {pillars}"
