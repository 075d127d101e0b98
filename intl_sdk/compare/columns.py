"""The columns of the portfolio table: what each shows, and how it sorts.

Every column has a key for `--sort` (pillar and measure columns also answer
to their ids), a header, the cell text, and a sort value. Empty cells sort
last whichever way the table is sorted.
"""

from __future__ import annotations

import os
from decimal import Decimal
from typing import Any, Callable, Sequence

from attrs import frozen

from intl_sdk.checks.context import format_number
from intl_sdk.compare.summary import PlanSummary
from intl_sdk.pillars import IMPACT_MEASURES, PILLARS

__all__ = ["COLUMNS", "Column", "column", "plan_labels", "sort_plans"]

NOT_GIVEN = "not given"


@frozen
class Column:
    key: str
    header: str
    text: Callable[[PlanSummary, str], str]  # (plan, its label) -> cell
    value: Callable[[PlanSummary, str], Any]  # sort value; None sorts last
    title: str = ""  # what the header stands for, where it is short
    aliases: tuple[str, ...] = ()
    numeric: bool = False  # right-aligned


def _period(plan: PlanSummary, _label: str) -> str:
    start, end = plan.period
    if start is None and end is None:
        return NOT_GIVEN if plan.gives_no("period") else ""
    return f"{start if start is not None else '…'}–{end if end is not None else '…'}"


def _budget(plan: PlanSummary, _label: str) -> str:
    if plan.budget is None:
        return NOT_GIVEN if plan.gives_no("budget") else ""
    return f"{plan.currency} {format_number(plan.budget)}".strip()


def _staff(plan: PlanSummary, _label: str) -> str:
    if plan.staff is None:
        return NOT_GIVEN if plan.gives_no("staff_fte") else ""
    return format_number(plan.staff)


def _shares(plan: PlanSummary, _label: str) -> str:
    total = plan.shares_total
    missing = plan.shares_not_given
    if total is None:
        return NOT_GIVEN if missing else ""
    text = f"{format_number(total)}%"
    return f"{text} ({missing} not given)" if missing else text


def _largest(plan: PlanSummary, _label: str) -> str:
    return ", ".join(f"{r.name} {format_number(r.share)}%" for r in plan.largest_shares())


def _agreements(plan: PlanSummary, _label: str) -> str:
    return " ".join(f"t{tier}:{n}" if tier else f"?:{n}" for tier, n in plan.agreement_tiers)


def _number(value: Decimal | int | None) -> str:
    return "" if value is None else format_number(value)


def _pillar(index: int) -> Column:
    pillar = PILLARS[index]
    return Column(
        f"p{pillar.number}",
        f"P{pillar.number}",
        lambda plan, _l: str(plan.pillar_actions[index]) if plan.pillar_actions[index] else "·",
        lambda plan, _l: plan.pillar_actions[index],
        title=f"pillar {pillar.number}, {pillar.title}: actions serving it",
        aliases=(pillar.id,),
        numeric=True,
    )


def _measure(index: int) -> Column:
    measure = IMPACT_MEASURES[index]
    return Column(
        f"m{index + 1}",
        f"M{index + 1}",
        lambda plan, _l: str(plan.measure_indicators[index]) if plan.measure_indicators[index] else "·",
        lambda plan, _l: plan.measure_indicators[index],
        title=f"measure {index + 1}, {measure.title}: indicators covering it",
        aliases=(measure.id,),
        numeric=True,
    )


COLUMNS: tuple[Column, ...] = (
    Column("plan", "plan", lambda p, label: label, lambda p, label: label.casefold()),
    Column("organisation", "organisation", lambda p, _l: p.organisation, lambda p, _l: p.organisation.casefold() or None),
    Column("home", "home region", lambda p, _l: p.home_region, lambda p, _l: p.home_region.casefold() or None, aliases=("home_region",)),
    Column("period", "period", _period, lambda p, _l: p.period if p.period != (None, None) else None),
    Column("budget", "budget", _budget, lambda p, _l: p.budget, numeric=True),
    Column("staff", "staff", _staff, lambda p, _l: p.staff, title="staff, in full-time equivalents", numeric=True),
    Column("regions", "regions", lambda p, _l: str(len(p.regions)), lambda p, _l: len(p.regions), title="target regions", numeric=True),
    Column("shares", "shares", _shares, lambda p, _l: p.shares_total, title="shares total", numeric=True),
    Column(
        "largest", "largest shares", _largest,
        lambda p, _l: (p.largest_shares(1)[0].share if p.largest_shares(1) else None),
    ),
    *(_pillar(i) for i in range(len(PILLARS))),
    *(_measure(i) for i in range(len(IMPACT_MEASURES))),
    Column("offices", "offices", lambda p, _l: str(p.offices), lambda p, _l: p.offices, numeric=True),
    Column(
        "agreements", "agreements", _agreements, lambda p, _l: sum(n for _, n in p.agreement_tiers),
        title="agreements by tier (t1 first; ?: a framework or kind no plugin knows)",
    ),
    Column("errors", "E", lambda p, _l: str(p.findings[0]), lambda p, _l: p.findings[0], title="errors", numeric=True),
    Column("warnings", "W", lambda p, _l: str(p.findings[1]), lambda p, _l: p.findings[1], title="warnings", numeric=True),
    Column("infos", "I", lambda p, _l: str(p.findings[2]), lambda p, _l: p.findings[2], title="infos", numeric=True),
)

_BY_KEY = {name: c for c in COLUMNS for name in (c.key, *c.aliases)}
SORT_KEYS: tuple[str, ...] = tuple(c.key for c in COLUMNS)


def column(key: str) -> Column:
    """The column for a `--sort` key (a column key or a pillar or measure id); KeyError if none."""
    return _BY_KEY[key.lower()]


def plan_labels(plans: Sequence[PlanSummary]) -> list[str]:
    """Each plan's path relative to the folder all of them are in."""
    if not plans:
        return []
    paths = [os.path.abspath(p.path) for p in plans]
    common = os.path.commonpath([os.path.dirname(p) for p in paths])
    return [os.path.relpath(p, common) for p in paths]


def sort_plans(plans: Sequence[PlanSummary], labels: Sequence[str], key: str, *, descending: bool = False) -> list[int]:
    """Plan indexes in the order of one column; empty values last either way."""
    col = column(key)
    values = [col.value(plan, label) for plan, label in zip(plans, labels)]
    present = [i for i in range(len(plans)) if values[i] is not None]
    absent = [i for i in range(len(plans)) if values[i] is None]
    present.sort(key=lambda i: (_comparable(values[i]), labels[i].casefold()), reverse=descending)
    return present + absent


def _comparable(value: Any) -> Any:
    if isinstance(value, tuple):  # a period: unknown years first
        return tuple(-1 if v is None else v for v in value)
    return value
