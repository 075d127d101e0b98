"""One plan as a row of the portfolio: small, picklable, kept when the plan is not.

`intl compare` reads plans one at a time, summarises each and lets it go, so
a thousand plans cost the memory of their summaries, not of their models.
A summary holds what the table shows and what the cross-plan views need:
each target region with its code, share, pillars and offices.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from decimal import Decimal
from typing import Any

from attrs import frozen

from intl_sdk.checks.context import as_decimal, not_given
from intl_sdk.findings import Finding
from intl_sdk.model import Plan
from intl_sdk.pillars import IMPACT_MEASURES, PILLAR_IDS

__all__ = ["PlanSummary", "RegionSummary", "summarise"]


@frozen
class RegionSummary:
    """A target region as the cross-plan views see it."""

    id: str
    name: str
    code: str | None
    share: Decimal | None
    share_not_given: bool
    pillars: tuple[str, ...]  # of the actions in it, in the pillars' order
    offices: tuple[str, ...]  # where the plan's offices in it are (location, else name, else id)


@frozen
class PlanSummary:
    """A plan's row: who, where, when, how much, how covered, and its findings."""

    path: str
    name: str
    organisation: str
    home_region: str
    home_code: str | None
    as_of: _dt.date | None
    period: tuple[int | None, int | None]
    budget: Decimal | None
    currency: str
    staff: Decimal | None
    not_given: frozenset[str]  # the strategy's `not_given`: keys the source does not give (period, budget...)
    regions: tuple[RegionSummary, ...]
    pillar_actions: tuple[int, ...]  # actions serving each pillar, in PILLAR_IDS order
    measure_indicators: tuple[int, ...]  # indicators covering each minimum measure, in order
    offices: int
    agreement_tiers: tuple[tuple[int, int], ...]  # (tier, agreements); tier 0: kind or framework unknown
    findings: tuple[int, int, int]  # errors, warnings, infos

    def gives_no(self, key: str) -> bool:
        """Whether the strategy records that its source gives no `key` (`period` covers `period.start`)."""
        parts = key.split(".")
        return any(".".join(parts[:n]) in self.not_given for n in range(1, len(parts) + 1))

    @property
    def shares_total(self) -> Decimal | None:
        shares = [r.share for r in self.regions if r.share is not None]
        return sum(shares, Decimal(0)) if shares else None

    @property
    def shares_not_given(self) -> int:
        return sum(1 for r in self.regions if r.share is None and r.share_not_given)

    def largest_shares(self, count: int = 3) -> list[RegionSummary]:
        given = [r for r in self.regions if r.share is not None]
        return sorted(given, key=lambda r: -r.share)[:count]  # type: ignore[operator]

    def as_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready data (numbers as numbers, dates as ISO text)."""
        return {
            "path": self.path,
            "name": self.name,
            "organisation": self.organisation,
            "home_region": self.home_region,
            "home_code": self.home_code,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "period": {"start": self.period[0], "end": self.period[1]},
            "budget": {"amount": _json_number(self.budget), "currency": self.currency or None},
            "staff_fte": _json_number(self.staff),
            "not_given": sorted(self.not_given),
            "regions": [
                {
                    "id": r.id,
                    "name": r.name,
                    "code": r.code,
                    "share": _json_number(r.share),
                    "share_not_given": r.share_not_given,
                    "pillars": list(r.pillars),
                    "offices": list(r.offices),
                }
                for r in self.regions
            ],
            "shares_total": _json_number(self.shares_total),
            "pillars": dict(zip(PILLAR_IDS, self.pillar_actions)),
            "measures": {m.id: n for m, n in zip(IMPACT_MEASURES, self.measure_indicators)},
            "offices": self.offices,
            "agreements_by_tier": {str(tier): n for tier, n in self.agreement_tiers},
            "findings": dict(zip(("error", "warning", "info"), self.findings)),
        }


def _json_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _offices(plan: Plan) -> list[Any]:
    """The plan's `[[offices]]`: a model field once it has one, else the unknown key."""
    offices = getattr(plan, "offices", None)
    if offices is None:
        offices = plan.extra.get("offices", [])
    return offices if isinstance(offices, list) else []


def _office_field(office: Any, key: str) -> Any:
    return office.get(key) if isinstance(office, dict) else getattr(office, key, None)


def summarise(plan: Plan, path: str, findings: list[Finding], frameworks: dict[str, Any] | None = None) -> PlanSummary:
    """The summary of a loaded, checked plan. `frameworks` (id to Framework)
    gives agreements their tier; without it every tier is 0 (unknown)."""
    strategy = plan.strategy
    period = strategy.period
    budget = strategy.budget
    pillars_by_region: dict[Any, set[str]] = {}
    pillar_counts: Counter[str] = Counter()
    for action in plan.actions:
        served = {p for p in action.pillars if isinstance(p, str)}
        pillar_counts.update(served)
        pillars_by_region.setdefault(action.region, set()).update(served)
    offices = _offices(plan)
    offices_by_region: dict[Any, list[str]] = {}
    for office in offices:
        label = next(
            (v for v in (_office_field(office, k) for k in ("location", "name", "id")) if isinstance(v, str) and v),
            "office",
        )
        offices_by_region.setdefault(_office_field(office, "region"), []).append(label)
    regions = tuple(
        RegionSummary(
            id=_text(region.id),
            name=_text(region.name) or _text(region.id),
            code=region.code if isinstance(region.code, str) else None,
            share=as_decimal(region.share),
            share_not_given=not_given(region, "share"),
            pillars=tuple(p for p in PILLAR_IDS if p in pillars_by_region.get(region.id, ())),
            offices=tuple(offices_by_region.get(region.id, ())),
        )
        for region in plan.regions
    )
    measures: Counter[str] = Counter()
    for indicator in plan.indicators:
        measures.update({m for m in indicator.measures if isinstance(m, str)})
    tiers: Counter[int] = Counter()
    for agreement in plan.agreements:
        framework = (frameworks or {}).get(agreement.framework)
        kind = framework.kind(agreement.kind) if framework is not None else None
        tiers[kind.tier if kind is not None else 0] += 1
    severities = Counter(f.severity.value for f in findings)
    return PlanSummary(
        path=path,
        name=_text(strategy.name),
        organisation=_text(strategy.organisation),
        home_region=_text(strategy.home_region),
        home_code=strategy.home_code if isinstance(strategy.home_code, str) else None,
        as_of=plan.as_of if isinstance(plan.as_of, _dt.date) else None,
        period=(period.start, period.end) if period is not None else (None, None),
        budget=as_decimal(budget.amount) if budget is not None else None,
        currency=_text(budget.currency) if budget is not None else "",
        staff=as_decimal(strategy.staff_fte),
        not_given=frozenset(key for key in strategy.not_given if isinstance(key, str)),
        regions=regions,
        pillar_actions=tuple(pillar_counts[p] for p in PILLAR_IDS),
        measure_indicators=tuple(measures[m.id] for m in IMPACT_MEASURES),
        offices=len(offices),
        agreement_tiers=tuple(sorted(tiers.items())),
        findings=(severities["error"], severities["warning"], severities["info"]),
    )
