"""Checks that what an item names exists: regions, pillars, drivers, indicators, measures, agreements."""

from __future__ import annotations

from intl_sdk.checks.context import CheckContext, did_you_mean
from intl_sdk.checks.registry import rule
from intl_sdk.drivers import DRIVER_IDS
from intl_sdk.findings import Severity
from intl_sdk.methodology import METHODOLOGY_KEYS, REFERENCE_COLLECTIONS, parse_reference
from intl_sdk.pillars import IMPACT_MEASURE_IDS, PILLAR_IDS


@rule("unknown-reference", Severity.ERROR)
def unknown_reference(ctx: CheckContext) -> None:
    """An item names a region, pillar, driver, indicator, measure, agreement or item that does not exist.

    ## What it does
    Checks every reference by id: an action's `region`, `pillars`,
    `indicators` and `drivers`; the strategy's `drivers` (the seven global
    drivers, seed 001 lines 1024–1076); an office's `region`; an indicator's
    `measures`; an agreement's `builds_on` and `framework` (which the plan's
    `frameworks` must list); and each reference in a `[methodology]` list,
    written `"collection.id"` (`"indicators.exporters"`). A near miss gets a
    "did you mean".

    ## Why is this bad?
    A misspelt reference silently detaches an action from its region or
    pillar: the region looks unfunded and the pillar uncovered.

    ## Example
    ```toml
    [[actions]]
    region = "north-amercia"
    pillars = ["competitive-sector"]
    ```

    ## Use instead
    ```toml
    [[actions]]
    region = "north-america"
    pillars = ["competitive-sectors"]
    ```
    """
    plan = ctx.plan
    regions, indicators, agreements = ctx.region_ids, ctx.indicator_ids, ctx.agreement_ids
    pillars = set(PILLAR_IDS)
    for index, action in enumerate(plan.actions):
        if isinstance(action.region, str) and action.region not in regions:
            ctx.report(
                ("actions", index, "region"),
                f"action {_label(action, index)} names region {action.region!r}, which the plan does not have"
                + ctx.did_you_mean_id(action.region, "regions"),
                "use the id of one of the plan's [[regions]], or add that region",
            )
        for position, pillar in enumerate(action.pillars):
            if pillar not in pillars:
                ctx.report(
                    ("actions", index, "pillars", position),
                    f"action {_label(action, index)} names pillar {pillar!r}, which is not one of the six"
                    + did_you_mean(pillar, PILLAR_IDS),
                    "pillars are: " + ", ".join(PILLAR_IDS),
                )
        for position, indicator in enumerate(action.indicators):
            if indicator not in indicators:
                ctx.report(
                    ("actions", index, "indicators", position),
                    f"action {_label(action, index)} names indicator {indicator!r}, which the plan does not have"
                    + ctx.did_you_mean_id(indicator, "indicators"),
                    "use the id of one of the plan's [[indicators]], or add that indicator",
                )
    _drivers(ctx, ("strategy",), plan.strategy.drivers, "the strategy")
    for index, action in enumerate(plan.actions):
        _drivers(ctx, ("actions", index), action.drivers, f"action {_label(action, index)}")
    for index, office in enumerate(plan.offices):
        if isinstance(office.region, str) and office.region not in regions:
            ctx.report(
                ("offices", index, "region"),
                f"office {_label(office, index)} names region {office.region!r}, which the plan does not have"
                + did_you_mean(office.region, regions),
                "use the id of one of the plan's [[regions]], or add that region",
            )
    _methodology_references(ctx)
    for index, indicator in enumerate(plan.indicators):
        for position, measure in enumerate(indicator.measures):
            if measure not in IMPACT_MEASURE_IDS:
                ctx.report(
                    ("indicators", index, "measures", position),
                    f"indicator {_label(indicator, index)} names measure {measure!r}, which is not a minimum impact measure"
                    + did_you_mean(measure, IMPACT_MEASURE_IDS),
                    "measures are: " + ", ".join(sorted(IMPACT_MEASURE_IDS)),
                )
    listed = set(plan.frameworks)
    for index, agreement in enumerate(plan.agreements):
        for position, earlier in enumerate(agreement.builds_on):
            if earlier not in agreements:
                ctx.report(
                    ("agreements", index, "builds_on", position),
                    f"agreement {_label(agreement, index)} builds on {earlier!r}, which the plan does not have"
                    + ctx.did_you_mean_id(earlier, "agreements"),
                    "use the id of one of the plan's [[agreements]]",
                )
        framework = agreement.framework
        if isinstance(framework, str) and framework not in listed:
            ctx.report(
                ("agreements", index, "framework"),
                f"agreement {_label(agreement, index)} uses framework {framework!r}, which the plan's frameworks do not list"
                + did_you_mean(framework, listed),
                f'add "{framework}" to frameworks = [...] at the top of the plan',
            )


def _drivers(ctx: CheckContext, where: tuple, drivers: list[str], who: str) -> None:
    for position, driver in enumerate(drivers):
        if driver not in DRIVER_IDS:
            ctx.report(
                where + ("drivers", position),
                f"{who} names driver {driver!r}, which is not one of the seven global drivers"
                + did_you_mean(driver, DRIVER_IDS),
                "drivers are: " + ", ".join(DRIVER_IDS),
            )


def _methodology_references(ctx: CheckContext) -> None:
    methodology = ctx.plan.methodology
    if methodology is None:
        return
    for key in METHODOLOGY_KEYS:
        value = getattr(methodology, key)
        if not isinstance(value, list):
            continue
        for position, text in enumerate(value):
            where = ("methodology", key, position)
            reference = parse_reference(text)
            if reference is None or reference[0] not in REFERENCE_COLLECTIONS:
                ctx.report(
                    where,
                    f"[methodology] {key} lists {text!r}, which is not a reference to an item"
                    + (did_you_mean(reference[0], REFERENCE_COLLECTIONS) if reference else ""),
                    'write references as "collection.id" (collections: '
                    + ", ".join(REFERENCE_COLLECTIONS)
                    + f'); to say it in words, write {key} = "..." as text',
                )
                continue
            collection, item_id = reference
            ids = ctx.id_counts[collection]
            if item_id not in ids:
                ctx.report(
                    where,
                    f"[methodology] {key} refers to {text!r}, which the plan does not have"
                    + did_you_mean(text, [f"{collection}.{other}" for other in ids]),
                    f"use the id of one of the plan's [[{collection}]]",
                )


def _label(item, index: int) -> str:
    return repr(item.id) if isinstance(item.id, str) and item.id else f"#{index + 1}"
