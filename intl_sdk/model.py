"""The plan model: typed attrs classes for a strategy and its action plan.

Fields carry their plan-file type (`kind`) and a one-line doc in metadata; the
reader, the writer and the JSON Schema all work from these, so they cannot
drift apart. Constructors accept any value: ranges and cross-references are
the checker's job, so that a plan with mistakes can be loaded, shown and fixed.
Every class keeps the keys it does not know in `extra`, in the file's order.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from attrs import define, field

from intl_sdk import _kinds as k
from intl_sdk.drivers import DRIVER_IDS
from intl_sdk.methodology import METHODOLOGY
from intl_sdk.pillars import IMPACT_MEASURES, PILLAR_IDS

if TYPE_CHECKING:
    from intl_sdk._origin import Origin

__all__ = [
    "CHANGES",
    "Action",
    "Agreement",
    "Budget",
    "FORMAT_VERSION",
    "Indicator",
    "Measurement",
    "Methodology",
    "Number",
    "Office",
    "Party",
    "Period",
    "Plan",
    "Strategy",
    "TargetRegion",
]

#: The newest `format` this version reads and writes.
FORMAT_VERSION = 1

Number = int | Decimal
"""Numbers in a plan: written integers stay `int`, decimals are read as `Decimal`."""

_ID = k.Text(pattern=k.ID_PATTERN)
_DRIVERS = k.TextList(k.Text(enum=DRIVER_IDS))

#: A region code: ISO 3166-1 alpha-2 (CN), an ISO 3166-2 subdivision (ES-AS) or a UN M49 area (021).
REGION_CODE_PATTERN = "^([A-Z]{2}(-[A-Z0-9]{1,3})?|[0-9]{3})$"

#: The words of a qualitative target ("increase in % of regional GVA from FDI").
CHANGES = ("increase", "decrease")


def _value(kind: k.Kind, doc: str, **meta: Any) -> Any:
    """An optional scalar field (None when the file leaves it out)."""
    return field(default=None, metadata={"kind": kind, "doc": doc, **meta})


def _items(kind: k.Kind, doc: str, **meta: Any) -> Any:
    """A list field, empty when the file leaves it out."""
    return field(factory=list, metadata={"kind": kind, "doc": doc, **meta})


def _extra() -> Any:
    return field(factory=dict, repr=False)


def _not_given() -> Any:
    return _items(
        k.TextList(),
        "Keys the source gives no figure for (`baseline.year`, `period.start`): recorded, so checks do not ask for them.",
    )


@define(kw_only=True)
class Period:
    """The years a strategy runs, inclusive."""

    start: int | None = _value(k.Year(), "First year of the strategy.")
    end: int | None = _value(k.Year(), "Last year of the strategy (inclusive).")
    extra: dict[str, Any] = _extra()


@define(kw_only=True)
class Budget:
    """The strategy's resources in money."""

    amount: Number | None = _value(k.Number(), "Total budget over the period.")
    currency: str | None = _value(k.Text(), "ISO 4217 code, such as GBP or EUR.")
    extra: dict[str, Any] = _extra()


@define(kw_only=True)
class Strategy:
    """Who writes the strategy, for which region, when, and with what."""

    name: str | None = _value(k.Text(), "Title of the strategy.", required=True)
    organisation: str | None = _value(k.Text(), "The agency or cluster organisation.")
    home_region: str | None = _value(k.Text(), "The region the strategy is for.")
    home_code: str | None = _value(
        k.Text(pattern=REGION_CODE_PATTERN),
        "ISO 3166 code of the home region: a country (SI) or a subdivision (ES-AS); `intl compare` matches on it.",
    )
    period: Period | None = _value(k.Table(Period), "Years the strategy runs, inclusive.")
    budget: Budget | None = _value(k.Table(Budget), "Total money for the strategy.")
    staff_fte: Number | None = _value(k.Number(), "Staff for the strategy, in full-time equivalents.")
    sectors: list[str] = _items(k.TextList(), "Priority sectors.")
    objectives: list[str] = _items(k.TextList(), "What the strategy sets out to achieve.")
    drivers: list[str] = _items(_DRIVERS, "Ids of the global drivers the strategy answers (seed 001, lines 1024-1076).")
    not_given: list[str] = _not_given()
    extra: dict[str, Any] = _extra()


@define(kw_only=True)
class TargetRegion:
    """A principal target region: a column of the action plan, with its share."""

    id: str | None = _value(_ID, "Lowercase id, referred to by actions.", required=True, schema_required=True)
    name: str | None = _value(k.Text(), "Display name.", required=True)
    share: Number | None = _value(k.Number(), "Percent of the strategy's resources (24 means 24%).", required=True)
    summary: str | None = _value(k.Text(), "Summary of the main activities in this region.")
    code: str | None = _value(
        k.Text(pattern=REGION_CODE_PATTERN),
        "ISO 3166 alpha-2 code for a country (CN), UN M49 code for a world region (021): `intl compare` matches on it.",
    )
    not_given: list[str] = _not_given()
    extra: dict[str, Any] = _extra()


@define(kw_only=True)
class Action:
    """An action in one target region, serving one or more pillars."""

    id: str | None = _value(_ID, "Lowercase id.", required=True, schema_required=True)
    region: str | None = _value(_ID, "Id of the target region.", required=True)
    pillars: list[str] = _items(k.TextList(k.Text(enum=PILLAR_IDS)), "Ids of the pillars it serves.", always=True)
    title: str | None = _value(k.Text(), "What the action does.", required=True)
    cost: Number | None = _value(k.Number(), "Cost in the budget's currency.")
    staff_fte: Number | None = _value(k.Number(), "Staff it needs, in full-time equivalents.")
    start: _dt.date | None = _value(k.Date(), "First day.")
    end: _dt.date | None = _value(k.Date(), "Last day.")
    indicators: list[str] = _items(k.TextList(), "Ids of the indicators it moves.")
    drivers: list[str] = _items(_DRIVERS, "Ids of the global drivers it answers.")
    not_given: list[str] = _not_given()
    extra: dict[str, Any] = _extra()


@define(kw_only=True)
class Office:
    """A presence abroad: staff in a target region, in an embassy, a partner agency or an office of one's own."""

    id: str | None = _value(_ID, "Lowercase id.", required=True, schema_required=True)
    name: str | None = _value(k.Text(), "Display name, such as the NOE Japan presence.")
    region: str | None = _value(_ID, "Id of the target region it is in.", required=True)
    location: str | None = _value(k.Text(), "City or country, such as Shanghai.")
    host: str | None = _value(k.Text(), "Who hosts it: an embassy, a consulate, a partner agency.")
    staff_fte: Number | None = _value(k.Number(), "Staff in post, in full-time equivalents.")
    opened: _dt.date | None = _value(k.Date(), "The day it opened.")
    tasks: list[str] = _items(k.TextList(), "What it does, such as inward-investment lead generation.")
    not_given: list[str] = _not_given()
    extra: dict[str, Any] = _extra()


@define(kw_only=True)
class Measurement:
    """A value of an indicator in a year (a baseline or a target).

    A target may give a `change` instead of a `value` where the source words
    it so ("increase in % of region's GVA accounted for by FDI", seed 001,
    line 1312): such a target is complete, and progress is judged by the
    change's direction alone."""

    value: Number | None = _value(k.Number(), "The figure.")
    change: str | None = _value(
        k.Text(enum=CHANGES), 'A target without a figure: "increase" or "decrease" (on a target only).'
    )
    year: int | None = _value(k.Year(), "The year it refers to.")
    extra: dict[str, Any] = _extra()


@define(kw_only=True)
class Indicator:
    """A monitored figure with a baseline and a target, or monitored only."""

    id: str | None = _value(_ID, "Lowercase id, referred to by actions.", required=True, schema_required=True)
    name: str | None = _value(k.Text(), "Display name.", required=True)
    unit: str | None = _value(k.Text(), "Unit of the values (companies, GBP bn, %).")
    direction: str | None = _value(k.Text(enum=("up", "down")), 'Which way is better: "up" or "down".')
    baseline: Measurement | None = _value(k.Table(Measurement), "Where we are now.")
    target: Measurement | None = _value(k.Table(Measurement), "Where we want to be.")
    actuals: dict[int, Number] = field(
        factory=dict, metadata={"kind": k.YearMap(), "doc": "Measured values by year."}
    )
    measures: list[str] = _items(k.TextList(k.Text(enum=tuple(m.id for m in IMPACT_MEASURES))), "Ids of the minimum impact measures it covers.")
    source: str | None = _value(k.Text(), "Where the figures come from.")
    monitor_only: bool | None = _value(k.Boolean(), "Monitored without a baseline and target.")
    not_given: list[str] = _not_given()
    extra: dict[str, Any] = _extra()

    @property
    def is_monitor_only(self) -> bool:
        return bool(self.monitor_only)

    @property
    def better(self) -> str:
        """Which way is better, "up" or "down": `direction`, else the target's
        `change`, else up."""
        if self.direction in ("up", "down"):
            return self.direction
        change = self.target.change if self.target is not None else None
        return "down" if change == "decrease" else "up"


@define(kw_only=True)
class Party:
    """A party to an agreement, at a level the framework defines."""

    name: str | None = _value(k.Text(), "Name of the party.")
    level: str | None = _value(k.Text(), "Its level, from the framework (e.g. cluster-initiative).")
    extra: dict[str, Any] = _extra()


@define(kw_only=True)
class Agreement:
    """A partnership agreement of a kind that a policy framework defines."""

    id: str | None = _value(_ID, "Lowercase id, referred to by builds_on.", required=True, schema_required=True)
    framework: str | None = _value(k.Text(), "Id of the framework that defines `kind`.", required=True)
    kind: str | None = _value(k.Text(), "Agreement kind from the framework (mou, collaboration, bilateral).", required=True)
    partner: str | None = _value(k.Text(), "The partner region or organisation.", required=True)
    parties: list[Party] = _items(k.TableList(Party), "The parties and their levels.")
    status: str | None = _value(
        k.Text(enum=("draft", "negotiating", "signed", "ended")), "draft, negotiating, signed or ended."
    )
    signed: _dt.date | None = _value(k.Date(), "Date of signature.")
    builds_on: list[str] = _items(k.TextList(), "Ids of the agreements it follows.")
    added_value: str | None = _value(k.Text(), "The clear added value of the co-operation.")
    resources: str | None = _value(k.Text(), "Dedicated resources (funds and people), in words.")
    funds: Number | None = _value(k.Number(), "Money dedicated to the co-operation, in the budget's currency.")
    staff_fte: Number | None = _value(k.Number(), "People dedicated to the co-operation, in full-time equivalents.")
    sponsor: str | None = _value(k.Text(), "Political sponsor.")
    not_given: list[str] = _not_given()
    extra: dict[str, Any] = _extra()


_CONTENTS = {content.key: content for content in METHODOLOGY}


def _content(key: str) -> Any:
    content = _CONTENTS[key]
    return _value(
        k.TextOrList(),
        f"{content.number}. {content.title}: how the plan addresses it, as text or a list of "
        f'references to items ("actions.ID", "indicators.ID"). Seed 001, line {content.source[4:]}.',
    )


@define(kw_only=True)
class Methodology:
    """How the plan addresses the methodology's seven minimum contents (seed 001, lines 1170-1180)."""

    driver_mechanisms: str | list[str] | None = _content("driver_mechanisms")
    consensus: str | list[str] | None = _content("consensus")
    prioritised_framework: str | list[str] | None = _content("prioritised_framework")
    global_view: str | list[str] | None = _content("global_view")
    value_web: str | list[str] | None = _content("value_web")
    national_focus: str | list[str] | None = _content("national_focus")
    baseline_outputs: str | list[str] | None = _content("baseline_outputs")
    extra: dict[str, Any] = _extra()


@define(kw_only=True)
class Plan:
    """A region's internationalisation strategy and its action plan."""

    format: int = field(default=FORMAT_VERSION, metadata={"kind": k.Integer(minimum=1), "doc": "File format version.", "schema_required": True, "always": True})
    frameworks: list[str] = _items(k.TextList(), "Ids of the policy frameworks (from plugins) it uses.", always=True)
    as_of: _dt.date | None = _value(
        k.Date(), "The day the plan's figures describe; checks that need a date use it, never the clock, when it is there."
    )
    ignore: list[str] = _items(k.TextList(), "Finding codes to skip for this plan.")
    severity: dict[str, str] = field(
        factory=dict,
        metadata={"kind": k.TextMap(k.Text(enum=("error", "warning", "info"))), "doc": 'Finding code = "error", "warning" or "info".'},
    )
    strategy: Strategy = field(factory=Strategy, metadata={"kind": k.Table(Strategy, empty_is_absent=True), "doc": "The strategy itself.", "always": True})
    methodology: Methodology | None = _value(k.Table(Methodology), "How the plan addresses the methodology's seven minimum contents.")
    regions: list[TargetRegion] = _items(k.TableList(TargetRegion), "Target regions with their resource shares.")
    offices: list[Office] = _items(k.TableList(Office), "Presence abroad: offices and staff posted in target regions.")
    actions: list[Action] = _items(k.TableList(Action), "Actions, each in one target region.")
    indicators: list[Indicator] = _items(k.TableList(Indicator), "Indicators with a baseline and a target.")
    agreements: list[Agreement] = _items(k.TableList(Agreement), "Partnership agreements.")
    extra: dict[str, Any] = _extra()
    origin: Origin | None = field(default=None, eq=False, repr=False)
    """The file text this plan was read from, so that saving keeps its layout."""
