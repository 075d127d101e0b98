"""What each list's table shows, one row at a time, and in which order.

Rows are computed one at a time so that typing in a 5,000-action plan
redraws one row, not the table.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Callable

from rich.text import Text

from intl_sdk.checks.context import as_decimal, format_number
from intl_sdk.display import printable
from intl_sdk.drivers import DRIVERS
from intl_sdk.model import Plan
from intl_sdk.pillars import PILLARS
from intl_sdk.plugins import installed_plugins
from intl_sdk.views import measurement_text, progress

__all__ = ["COLUMNS", "FLEX", "ORDER", "ROW", "SHOWN", "SIDE_BY_SIDE"]

_PILLAR_NUMBERS = {p.id: str(p.number) for p in PILLARS}
_DRIVER_NUMBERS = {d.id: str(d.number) for d in DRIVERS}


def plain(value: Any, style: str = "") -> Text:
    if value is None or value == "":
        return Text("—", style="dim")
    return Text(printable(str(value)), style=style, no_wrap=True, overflow="ellipsis")


def number(value: Any, suffix: str = "") -> Text:
    if value is None:
        return Text("—", style="dim", justify="right")
    return Text(f"{format_number(value)}{suffix}", justify="right")


def bar(fraction: Decimal, width: int = 8) -> Text:
    clipped = min(max(fraction, Decimal(0)), Decimal(1))
    filled = int(round(clipped * width))
    text = Text("█" * filled, style="green" if fraction >= 1 else "cyan")
    text.append("░" * (width - filled), style="dim")
    text.append(f" {int(round(fraction * 100))}%")
    return text


COLUMNS: dict[str, tuple[str, ...]] = {
    "regions": ("Region", "Share", "Money", "Staff", "Actions", "Id"),
    "actions": ("Region", "Action", "Pillars", "Drivers", "Cost", "Staff"),
    "indicators": ("Indicator", "Unit", "Better", "Baseline", "Target", "Latest", "Progress"),
    "agreements": ("Framework", "Tier", "Kind", "Partner", "Status", "Builds on"),
    "offices": ("Office", "Region", "Location", "Host", "Staff", "Opened"),
}
# The columns each width shows ("narrow" from 80 columns, "medium" from 100,
# "wide" from 160): what a strategist needs first, the rest as room allows.
SHOWN: dict[str, dict[str, tuple[str, ...]]] = {
    "regions": {"narrow": ("Region", "Share"), "medium": ("Region", "Share", "Money", "Staff"), "wide": COLUMNS["regions"]},
    "actions": {"narrow": ("Region", "Action"), "medium": ("Region", "Action", "Cost", "Staff"), "wide": COLUMNS["actions"]},
    "indicators": {
        "narrow": ("Indicator", "Target", "Progress"),
        "medium": ("Indicator", "Baseline", "Target", "Latest", "Progress"),
        "wide": COLUMNS["indicators"],
    },
    "agreements": {
        "narrow": ("Partner", "Kind", "Status"),
        "medium": ("Framework", "Kind", "Partner", "Status"),
        "wide": COLUMNS["agreements"],
    },
    "offices": {"narrow": ("Office", "Region"), "medium": ("Office", "Region", "Staff"), "wide": COLUMNS["offices"]},
}
# The column that takes the width the others leave (its text ends in "…" when
# longer; the form shows it whole).
FLEX = {"regions": "Region", "actions": "Action", "indicators": "Indicator", "agreements": "Partner", "offices": "Office"}
# Where the form sits beside the list rather than under it.
SIDE_BY_SIDE: dict[str, tuple[str, ...]] = {
    "regions": ("narrow", "medium", "wide"),
    "actions": ("wide",),
    "indicators": (),
    "agreements": (),
    "offices": ("medium", "wide"),
}


def region_row(plan: Plan, index: int, action_counts: dict[str, int] | None = None) -> list[Text]:
    region = plan.regions[index]
    strategy = plan.strategy
    share = as_decimal(region.share)
    budget = as_decimal(strategy.budget.amount) if strategy.budget else None
    currency = f" {strategy.budget.currency}" if strategy.budget and strategy.budget.currency else ""
    staff = as_decimal(strategy.staff_fte)
    if action_counts is None:
        count = sum(1 for action in plan.actions if action.region == region.id)
    else:
        count = action_counts.get(region.id, 0)
    return [
        plain(region.name or region.id),
        number(region.share, "%"),
        number((budget * share / 100).quantize(Decimal(1)) if budget is not None and share is not None else None, printable(currency)),
        number((staff * share / 100).quantize(Decimal("0.1")) if staff is not None and share is not None else None),
        number(count),
        plain(region.id, "dim"),
    ]


def region_order(plan: Plan) -> list[int]:
    return list(range(len(plan.regions)))


def action_row(plan: Plan, index: int, names: dict[str, str] | None = None) -> list[Text]:
    action = plan.actions[index]
    if names is None:
        names = {region.id: region.name or region.id for region in plan.regions}
    known = action.region in names
    return [
        plain(names.get(action.region, action.region), "" if known else "red"),
        plain(action.title or action.id),
        plain(" ".join(_PILLAR_NUMBERS.get(p, "?") for p in action.pillars)),
        plain(" ".join(_DRIVER_NUMBERS.get(d, "?") for d in action.drivers)),
        number(action.cost),
        number(action.staff_fte),
    ]


def action_order(plan: Plan) -> list[int]:
    """By region, in the regions' order, then as written."""
    position = {region.id: place for place, region in enumerate(plan.regions)}
    return sorted(range(len(plan.actions)), key=lambda i: (position.get(plan.actions[i].region, len(position)), i))


def indicator_row(plan: Plan, index: int, _: Any = None) -> list[Text]:
    indicator = plan.indicators[index]
    state = progress(indicator, index)
    latest = f"{format_number(state.latest)} ({state.latest_year})" if state.latest is not None else None
    if state.fraction is not None and state.status != "no actuals":
        status = bar(state.fraction)
        status.append(f" {state.status}", style="green" if state.on_track else "red")
    else:
        status = Text(state.status, style="dim")
    return [
        plain(state.name),
        plain(indicator.unit, "dim"),
        plain(indicator.direction),
        plain(_measurement(indicator.baseline)),
        plain(_measurement(indicator.target)),
        plain(latest),
        status,
    ]


def indicator_order(plan: Plan) -> list[int]:
    return list(range(len(plan.indicators)))


def _measurement(measurement) -> str | None:
    return measurement_text(measurement) or None


def _tier(agreement) -> int:
    framework = installed_plugins().frameworks.get(agreement.framework)
    return framework.tier_of(agreement.kind) if framework else 99


def agreement_row(plan: Plan, index: int, _: Any = None) -> list[Text]:
    agreement = plan.agreements[index]
    framework = installed_plugins().frameworks.get(agreement.framework)
    kind = framework.kind(agreement.kind) if framework else None
    return [
        plain(agreement.framework, "" if framework else "yellow"),
        plain(_tier(agreement) if framework else None),
        plain(kind.name if kind else agreement.kind),
        plain(agreement.partner),
        plain(agreement.status, "green" if agreement.status == "signed" else ""),
        plain(", ".join(agreement.builds_on) or None),
    ]


def agreement_order(plan: Plan) -> list[int]:
    """By framework, in the framework's tier order, then by partner."""
    agreements = plan.agreements
    return sorted(
        range(len(agreements)),
        key=lambda i: (str(agreements[i].framework or ""), _tier(agreements[i]), str(agreements[i].partner or "").casefold(), i),
    )


def office_row(plan: Plan, index: int, names: dict[str, str] | None = None) -> list[Text]:
    office = plan.offices[index]
    if names is None:
        names = {region.id: region.name or region.id for region in plan.regions}
    known = office.region in names
    return [
        plain(office.name or office.id),
        plain(names.get(office.region, office.region), "" if known else "red"),
        plain(office.location),
        plain(office.host),
        number(office.staff_fte),
        plain(office.opened.isoformat() if office.opened else None),
    ]


def office_order(plan: Plan) -> list[int]:
    """By region, in the regions' order, then as written."""
    position = {region.id: place for place, region in enumerate(plan.regions)}
    return sorted(range(len(plan.offices)), key=lambda i: (position.get(plan.offices[i].region, len(position)), i))


def context(plan: Plan, collection: str) -> Any:
    """What rows of a list share, computed once per table (names, counts)."""
    if collection == "regions":
        counts: dict[str, int] = {}
        for action in plan.actions:
            counts[action.region] = counts.get(action.region, 0) + 1
        return counts
    if collection in ("actions", "offices"):
        return {region.id: region.name or region.id for region in plan.regions}
    return None


ROW: dict[str, Callable[..., list[Text]]] = {
    "regions": region_row,
    "actions": action_row,
    "indicators": indicator_row,
    "agreements": agreement_row,
    "offices": office_row,
}
ORDER: dict[str, Callable[[Plan], list[int]]] = {
    "regions": region_order,
    "actions": action_order,
    "indicators": indicator_order,
    "agreements": agreement_order,
    "offices": office_order,
}
