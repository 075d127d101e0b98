"""A read-only rich rendering of a plan, for `intl show`.

All plan text goes through `printable` into `rich.text.Text`: never markup.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from intl_sdk.checks.context import format_number
from intl_sdk.display import counted, printable
from intl_sdk.model import Plan
from intl_sdk.pillars import PILLARS
from intl_sdk.views import measurement_text


def plain(value: object) -> Text:
    """Plan text as a rich Text, literal and with escapes made visible."""
    if value is None:
        return Text("—", style="dim")
    return Text(printable(str(value)))


def number(value: int | Decimal | None) -> str:
    return "—" if value is None else format_number(value)


def render_plan_view(plan: Plan) -> Iterator[RenderableType]:
    strategy = plan.strategy
    title = Text(printable(strategy.name or "(untitled strategy)"), style="bold")
    yield title
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim")
    facts.add_column()
    period = strategy.period
    facts.add_row("Organisation", plain(strategy.organisation))
    facts.add_row("Home region", plain(strategy.home_region))
    if period is not None:
        facts.add_row("Period", plain(f"{period.start or '?'}–{period.end or '?'}"))
    if strategy.budget is not None:
        facts.add_row("Budget", plain(f"{number(strategy.budget.amount)} {strategy.budget.currency or ''}"))
    if strategy.staff_fte is not None:
        facts.add_row("Staff (FTE)", plain(number(strategy.staff_fte)))
    if strategy.sectors:
        facts.add_row("Sectors", plain(", ".join(strategy.sectors)))
    for index, objective in enumerate(strategy.objectives):
        facts.add_row("Objectives" if index == 0 else "", plain(objective))
    yield facts

    regions = Table(title="Target regions", title_justify="left", expand=False)
    regions.add_column("Region")
    regions.add_column("Share", justify="right")
    regions.add_column("Actions", justify="right")
    total = Decimal(0)
    for region in plan.regions:
        share = region.share
        if isinstance(share, (int, Decimal)):
            total += Decimal(share)
        count = sum(1 for action in plan.actions if action.region == region.id)
        regions.add_row(plain(region.name or region.id), plain(f"{number(share)}%"), str(count))
    remainder = Decimal(100) - total
    note = "fully allocated" if remainder == 0 else _points(abs(remainder)) + (
        " unallocated" if remainder > 0 else " over-allocated"
    )
    regions.add_section()
    regions.add_row(Text("Total", style="bold"), Text(f"{number(total)}%", style="bold"), Text(note, style="dim"))
    yield regions

    if plan.offices:
        names = {region.id: region.name or region.id for region in plan.regions}
        offices = Table(title="Offices abroad", title_justify="left")
        offices.add_column("Office")
        offices.add_column("Region")
        offices.add_column("Location")
        offices.add_column("Hosted by")
        offices.add_column("Staff (FTE)", justify="right")
        for office in plan.offices:
            offices.add_row(
                plain(office.name or office.id), plain(names.get(office.region, office.region)),
                plain(office.location), plain(office.host), plain(number(office.staff_fte)),
            )
        yield offices

    titles = {p.id: p.title for p in PILLARS}
    for region in plan.regions:
        actions = [a for a in plan.actions if a.region == region.id]
        if not actions:
            continue
        table = Table(title=Text(printable(f"Actions in {region.name or region.id}")), title_justify="left")
        table.add_column("Action")
        table.add_column("Pillars")
        for action in actions:
            table.add_row(
                plain(action.title or action.id),
                plain(", ".join(titles.get(p, p) for p in action.pillars)),
            )
        yield table

    indicators = Table(title="Indicators", title_justify="left")
    indicators.add_column("Indicator")
    indicators.add_column("Baseline", justify="right")
    indicators.add_column("Target", justify="right")
    for indicator in plan.indicators:
        if indicator.is_monitor_only:
            baseline, target = "monitor only", ""
        else:
            baseline = _measurement(indicator.baseline)
            target = _measurement(indicator.target)
        indicators.add_row(plain(indicator.name or indicator.id), plain(baseline), plain(target))
    yield indicators


def _points(amount: Decimal) -> str:
    return counted(amount, "point")


def _measurement(measurement) -> str:
    return measurement_text(measurement) or "—"
