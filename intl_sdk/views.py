"""Derived views of a plan, computed in one place for the TUI, the reports and the API.

- `allocation`: money and staff per target region from the shares and the
  strategy's totals, with the unallocated (or over-allocated) remainder;
- `coverage`: the pillar x region matrix (number and cost of actions) and the
  pillars no action serves;
- `indicator_progress`: how far each indicator has come from its baseline
  toward its target, and whether it is on track on a straight-line path (a
  target worded as a change is met once the figures move that way);
- `measure_coverage`: which indicators cover each minimum impact measure;
- `driver_coverage`: the driver x pillar matrix (actions that answer each global
  driver through each pillar) and the drivers no action answers;
- `methodology_status`: each of the methodology's seven minimum contents, with
  the plan's text or the items it refers to;
- `presence`: the offices abroad in each target region, against the region's
  share of the strategy's staff.

All arithmetic is exact (`Decimal`), as in the checker.
"""

from __future__ import annotations

from decimal import Decimal

from attrs import frozen

from intl_sdk.checks.context import as_decimal, format_number
from intl_sdk.drivers import DRIVER_IDS, DRIVERS, Driver
from intl_sdk.methodology import METHODOLOGY, REFERENCE_COLLECTIONS, MethodologyContent, parse_reference
from intl_sdk.model import CHANGES, Measurement, Plan
from intl_sdk.pillars import IMPACT_MEASURES, PILLARS, ImpactMeasure, Pillar

__all__ = [
    "Allocation",
    "Coverage",
    "DriverCoverage",
    "IndicatorProgress",
    "MethodologyStatus",
    "Reference",
    "RegionPresence",
    "RegionResources",
    "allocation",
    "coverage",
    "driver_coverage",
    "indicator_progress",
    "measure_coverage",
    "measurement_text",
    "methodology_status",
    "presence",
    "progress",
]

HUNDRED = Decimal(100)


@frozen
class RegionResources:
    """One target region's share turned into money and staff, beside what its actions need."""

    index: int
    id: str | None
    name: str
    share: Decimal | None
    money: Decimal | None  # None when the strategy gives no budget, or the region no share
    staff: Decimal | None
    actions: int
    actions_cost: Decimal
    actions_staff: Decimal


@frozen
class Allocation:
    regions: tuple[RegionResources, ...]
    total_share: Decimal
    budget: Decimal | None
    currency: str | None
    staff: Decimal | None

    @property
    def unallocated_share(self) -> Decimal:
        """Percentage points not given to any region (negative: over-allocated)."""
        return HUNDRED - self.total_share

    @property
    def unallocated_money(self) -> Decimal | None:
        return None if self.budget is None else self.budget * self.unallocated_share / HUNDRED

    @property
    def unallocated_staff(self) -> Decimal | None:
        return None if self.staff is None else self.staff * self.unallocated_share / HUNDRED


def allocation(plan: Plan) -> Allocation:
    strategy = plan.strategy
    budget = as_decimal(strategy.budget.amount) if strategy.budget else None
    currency = strategy.budget.currency if strategy.budget else None
    staff = as_decimal(strategy.staff_fte)
    by_region: dict[str, list] = {}
    for action in plan.actions:
        if isinstance(action.region, str):
            by_region.setdefault(action.region, []).append(action)
    rows = []
    total = Decimal(0)
    for index, region in enumerate(plan.regions):
        share = as_decimal(region.share)
        if share is not None:
            total += share
        actions = by_region.get(region.id, []) if isinstance(region.id, str) else []
        rows.append(
            RegionResources(
                index=index,
                id=region.id,
                name=region.name or region.id or f"region {index + 1}",
                share=share,
                money=None if budget is None or share is None else budget * share / HUNDRED,
                staff=None if staff is None or share is None else staff * share / HUNDRED,
                actions=len(actions),
                actions_cost=sum((as_decimal(a.cost) or Decimal(0) for a in actions), Decimal(0)),
                actions_staff=sum((as_decimal(a.staff_fte) or Decimal(0) for a in actions), Decimal(0)),
            )
        )
    return Allocation(tuple(rows), total, budget, currency, staff)


@frozen
class Coverage:
    """Actions per pillar and region. Keys are (pillar id, region id)."""

    pillars: tuple[Pillar, ...]
    regions: tuple[tuple[str, str], ...]  # (id, name)
    actions: dict[tuple[str, str], int]
    cost: dict[tuple[str, str], Decimal]
    uncovered: tuple[str, ...]

    def count(self, pillar_id: str, region_id: str) -> int:
        return self.actions.get((pillar_id, region_id), 0)

    def pillar_total(self, pillar_id: str) -> int:
        return sum(n for (p, _), n in self.actions.items() if p == pillar_id)


def coverage(plan: Plan) -> Coverage:
    regions = tuple((r.id, r.name or r.id) for r in plan.regions if isinstance(r.id, str))
    actions: dict[tuple[str, str], int] = {}
    cost: dict[tuple[str, str], Decimal] = {}
    served = set()
    for action in plan.actions:
        amount = as_decimal(action.cost) or Decimal(0)
        for pillar_id in dict.fromkeys(action.pillars):
            served.add(pillar_id)
            if isinstance(action.region, str):
                key = (pillar_id, action.region)
                actions[key] = actions.get(key, 0) + 1
                cost[key] = cost.get(key, Decimal(0)) + amount
    uncovered = tuple(p.id for p in PILLARS if p.id not in served)
    return Coverage(PILLARS, regions, actions, cost, uncovered)


@frozen
class IndicatorProgress:
    """Where an indicator stands. `fraction` is the share of the way from the
    baseline to the target reached by the latest actual (1 = target met, may
    exceed 1 or fall below 0); `expected` is where a straight line from the
    baseline year to the target year would be by then."""

    index: int
    id: str | None
    name: str
    status: str  # "monitor only", "incomplete", "no actuals", "achieved", "on track", "behind"
    baseline: Decimal | None
    target: Decimal | None
    latest_year: int | None
    latest: Decimal | None
    fraction: Decimal | None
    expected: Decimal | None

    @property
    def on_track(self) -> bool | None:
        if self.status in ("achieved", "on track"):
            return True
        if self.status == "behind":
            return False
        return None


def progress(indicator, index: int = 0) -> IndicatorProgress:
    """The progress of one indicator (`index` is its place in the plan)."""
    name = indicator.name or indicator.id or f"indicator {index + 1}"
    actuals = {year: as_decimal(v) for year, v in indicator.actuals.items() if as_decimal(v) is not None}
    latest_year = max(actuals) if actuals else None
    latest = actuals[latest_year] if latest_year is not None else None
    baseline = as_decimal(indicator.baseline.value) if indicator.baseline else None
    target = as_decimal(indicator.target.value) if indicator.target else None
    common = dict(index=index, id=indicator.id, name=name, baseline=baseline, target=target, latest_year=latest_year, latest=latest)
    if indicator.is_monitor_only:
        return IndicatorProgress(status="monitor only", fraction=None, expected=None, **common)
    if target is None and baseline is not None and indicator.target is not None and indicator.target.change in CHANGES:
        return _qualitative(indicator, common)
    if baseline is None or target is None or target == baseline:
        return IndicatorProgress(status="incomplete", fraction=None, expected=None, **common)
    if latest is None:
        return IndicatorProgress(status="no actuals", fraction=None, expected=None, **common)
    fraction = (latest - baseline) / (target - baseline)
    expected = None
    start = indicator.baseline.year
    end = indicator.target.year
    if start is not None and end is not None and end > start and latest_year is not None:
        expected = min(max(Decimal(latest_year - start) / Decimal(end - start), Decimal(0)), Decimal(1))
    if fraction >= 1:
        status = "achieved"
    elif expected is None:
        status = "on track" if fraction > 0 else "behind"
    else:
        status = "on track" if fraction >= expected else "behind"
    return IndicatorProgress(status=status, fraction=fraction, expected=expected, **common)


def _qualitative(indicator, common: dict) -> IndicatorProgress:
    """A target worded as a change ("increase in % of GVA from FDI", seed 001,
    line 1312): met once the latest actual has moved that way from the
    baseline; there is no distance to go, so no fraction."""
    latest, baseline = common["latest"], common["baseline"]
    if latest is None:
        return IndicatorProgress(status="no actuals", fraction=None, expected=None, **common)
    increase = indicator.target.change == "increase"
    moved = latest > baseline if increase else latest < baseline
    return IndicatorProgress(status="achieved" if moved else "behind", fraction=None, expected=None, **common)


def measurement_text(measurement: Measurement | None) -> str:
    """A baseline or target as people read it: `10,000 (2009)`, `increase (2009)`,
    `(2009)` for a year alone; empty when there is nothing to say."""
    if measurement is None:
        return ""
    if measurement.value is not None:
        what = format_number(measurement.value)
    elif measurement.change is not None:
        what = str(measurement.change)
    else:
        what = ""
    year = f"({measurement.year})" if measurement.year is not None else ""
    return f"{what} {year}".strip()


def indicator_progress(plan: Plan) -> list[IndicatorProgress]:
    return [progress(indicator, index) for index, indicator in enumerate(plan.indicators)]


def measure_coverage(plan: Plan) -> dict[ImpactMeasure, tuple[str, ...]]:
    """For each minimum impact measure, the ids of the indicators that cover it (may be empty)."""
    out: dict[ImpactMeasure, tuple[str, ...]] = {}
    for measure in IMPACT_MEASURES:
        out[measure] = tuple(
            i.id or i.name or "?" for i in plan.indicators if measure.id in i.measures
        )
    return out


@frozen
class DriverCoverage:
    """Actions per global driver and pillar. Keys are (driver id, pillar id).

    `expected` are the drivers the strategy names (all seven when it names
    none); `unanswered` those of them that no action answers."""

    drivers: tuple[Driver, ...]
    pillars: tuple[Pillar, ...]
    actions: dict[tuple[str, str], int]
    answered_by: dict[str, tuple[str, ...]]  # driver id -> ids of the actions that answer it
    expected: tuple[str, ...]
    unanswered: tuple[str, ...]

    def count(self, driver_id: str, pillar_id: str) -> int:
        return self.actions.get((driver_id, pillar_id), 0)

    def driver_total(self, driver_id: str) -> int:
        """How many actions answer the driver (each once, whatever its pillars)."""
        return len(self.answered_by.get(driver_id, ()))


def driver_coverage(plan: Plan) -> DriverCoverage:
    actions: dict[tuple[str, str], int] = {}
    answered_by: dict[str, list[str]] = {}
    for index, action in enumerate(plan.actions):
        for driver_id in dict.fromkeys(action.drivers):
            answered_by.setdefault(driver_id, []).append(action.id or f"action {index + 1}")
            for pillar_id in dict.fromkeys(action.pillars):
                key = (driver_id, pillar_id)
                actions[key] = actions.get(key, 0) + 1
    claimed = tuple(d for d in DRIVER_IDS if d in plan.strategy.drivers)
    expected = claimed or DRIVER_IDS
    unanswered = tuple(d for d in expected if d not in answered_by)
    return DriverCoverage(
        DRIVERS, PILLARS, actions, {d: tuple(ids) for d, ids in answered_by.items()}, expected, unanswered
    )


@frozen
class Reference:
    """An item named in `[methodology]` (`"indicators.exporters"`), and its label if the plan has it."""

    text: str
    collection: str | None
    id: str | None
    label: str | None  # the item's name or title; None when the plan has no such item

    @property
    def found(self) -> bool:
        return self.label is not None


@frozen
class MethodologyStatus:
    """How the plan addresses one of the methodology's minimum contents."""

    content: MethodologyContent
    text: str | None
    references: tuple[Reference, ...]

    @property
    def addressed(self) -> bool:
        return bool(self.references) or bool(self.text and self.text.strip())


def _item_labels(plan: Plan) -> dict[str, dict[str, str]]:
    labels: dict[str, dict[str, str]] = {}
    for collection in REFERENCE_COLLECTIONS:
        found: dict[str, str] = {}
        for item in getattr(plan, collection):
            if isinstance(item.id, str):
                label = getattr(item, "name", None) or getattr(item, "title", None) or getattr(item, "partner", None)
                found.setdefault(item.id, label or item.id)
        labels[collection] = found
    return labels


def methodology_status(plan: Plan) -> tuple[MethodologyStatus, ...]:
    """The seven minimum contents in the report's order, each with what the plan says of it."""
    labels = _item_labels(plan)
    rows = []
    for content in METHODOLOGY:
        value = getattr(plan.methodology, content.key) if plan.methodology is not None else None
        references: list[Reference] = []
        text = value if isinstance(value, str) else None
        for entry in value if isinstance(value, list) else []:
            parsed = parse_reference(entry)
            if parsed is None or parsed[0] not in labels:
                references.append(Reference(entry, None, None, None))
            else:
                references.append(Reference(entry, parsed[0], parsed[1], labels[parsed[0]].get(parsed[1])))
        rows.append(MethodologyStatus(content, text, tuple(references)))
    return tuple(rows)


@frozen
class RegionPresence:
    """A target region's offices abroad, beside its share of the strategy's staff."""

    index: int
    id: str | None
    name: str
    share: Decimal | None
    staff_share: Decimal | None  # the region's share of the strategy's staff_fte
    offices: tuple[int, ...]  # indexes into plan.offices
    office_staff: Decimal  # their staff_fte, added up


def presence(plan: Plan) -> list[RegionPresence]:
    """Every target region with its offices (possibly none), in the plan's order."""
    staff = as_decimal(plan.strategy.staff_fte)
    rows = []
    for index, region in enumerate(plan.regions):
        share = as_decimal(region.share)
        offices = tuple(i for i, office in enumerate(plan.offices) if isinstance(region.id, str) and office.region == region.id)
        rows.append(
            RegionPresence(
                index=index,
                id=region.id,
                name=region.name or region.id or f"region {index + 1}",
                share=share,
                staff_share=None if staff is None or share is None else staff * share / HUNDRED,
                offices=offices,
                office_staff=sum((as_decimal(plan.offices[i].staff_fte) or Decimal(0) for i in offices), Decimal(0)),
            )
        )
    return rows
