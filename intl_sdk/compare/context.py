"""Everything `intl compare` shows, computed once for every output format."""

from __future__ import annotations

from typing import Any, NamedTuple

from intl_sdk.checks.context import format_number
from intl_sdk.compare.collect import Portfolio
from intl_sdk.compare.columns import COLUMNS, column, plan_labels, sort_plans
from intl_sdk.compare.places import Places
from intl_sdk.compare.views import destinations, interests, partners
from intl_sdk.pillars import IMPACT_MEASURES, PILLARS

__all__ = ["SHOWN", "comparison"]

#: Pairs the text, Markdown and HTML partner views show; JSON lists them all.
SHOWN = 50

PILLAR_NUMBERS = {p.id: p.number for p in PILLARS}
_NOT_GIVEN, _NO_SHARE = "not given", "no share"


class Cells:
    """A row's cell texts by column key, made when read: a thousand rows of 27
    cells each would otherwise be held as text all at once."""

    __slots__ = ("plan", "label")

    def __init__(self, plan: Any, label: str) -> None:
        self.plan = plan
        self.label = label

    def __getitem__(self, key: str) -> str:
        return column(key).text(self.plan, self.label)


class TargetRow(NamedTuple):
    """A plan's region under a destination (a tuple: a portfolio of a thousand plans has thousands)."""

    plan: str
    region: str
    share: Any
    share_text: str
    offices: tuple[str, ...]


def _share(value) -> str:
    return "" if value is None else f"{format_number(value)}%"


def comparison(portfolio: Portfolio, *, sort: str = "plan", descending: bool = False, places: Places | None = None) -> dict[str, Any]:
    """The table, the cross-plan views and the notes, as plain data."""
    places = places if places is not None else Places()
    plans = portfolio.plans
    labels = plan_labels(plans)
    order = sort_plans(plans, labels, sort, descending=descending)
    rows = [
        {
            "label": labels[i],
            "cells": Cells(plans[i], labels[i]),
            "pillar_actions": plans[i].pillar_actions,
            "plan": plans[i],  # the summary: JSON turns it into data, only when asked for
        }
        for i in order
    ]
    where = destinations(plans, places)
    destination_labels = {d.key: d.label for d in where}
    notes = []
    if not places.cldr:
        notes.append(
            "region names and codes were matched only where they are written the same: pip install 'intl-sdk[compare]' "
            "to match names in any language (Kitajska, Cina: China) and countries to the world regions that hold them"
        )
    for d in where:
        if not d.known:
            plans_text = ", ".join(labels[i] for i in d.plans)
            notes.append(f"code {d.code!r} ({d.label}, in {plans_text}) is no ISO 3166 country or UN M49 region CLDR knows")
    return {
        "columns": [
            {"key": c.key, "header": c.header, "title": c.title or c.header, "numeric": c.numeric} for c in COLUMNS
        ],
        "rows": rows,
        "coverage_keys": [f"p{p.number}" for p in PILLARS] + [f"m{n}" for n in range(1, len(IMPACT_MEASURES) + 1)],
        "sort": sort,
        "descending": descending,
        "pillars": [{"number": p.number, "id": p.id, "title": p.title} for p in PILLARS],
        "measures": [{"number": n, "id": m.id, "title": m.title} for n, m in enumerate(IMPACT_MEASURES, 1)],
        "destinations": [
            {
                "label": d.label,
                "code": d.code,
                "matched_by": d.matched_by,
                "total_share": d.total_share,
                "total_share_text": _share(d.total_share),
                "not_given": sum(1 for t in d.targets if t.share is None),
                "targets": [
                    TargetRow(
                        labels[t.plan],
                        t.name,
                        t.share,
                        _share(t.share) or (_NOT_GIVEN if t.share_not_given else _NO_SHARE),
                        t.offices,
                    )
                    for t in d.targets
                ],
                "within": [destination_labels[k] for k in d.within],
            }
            for d in where
        ],
        "interests": [
            {
                "a": labels[i.a],
                "b": labels[i.b],
                "a_regions": list(i.a_regions),
                "b_regions": list(i.b_regions),
                "mutual": i.mutual,
            }
            for i in interests(plans, places)
        ],
        "partners": [
            {
                "a": labels[p.a],
                "b": labels[p.b],
                "countries": [
                    {
                        "label": c.label,
                        "code": c.code,
                        "pillars": [PILLAR_NUMBERS[x] for x in c.pillars],
                        "pillar_ids": list(c.pillars),
                        "bric": c.bric,
                        "a_offices": list(c.a_offices),
                        "b_offices": list(c.b_offices),
                    }
                    for c in p.countries
                ],
            }
            for p in partners(plans, places)
        ],
        "unreadable": [{"path": u.path, "message": u.message} for u in portfolio.unreadable],
        "skipped": [{"path": path, "why": why} for path, why in portfolio.skipped],
        "notes": notes,
        "cldr": places.cldr,
        "shown": SHOWN,
    }
