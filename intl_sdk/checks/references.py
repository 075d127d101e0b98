"""Checks that what an item names exists: regions, pillars, indicators, measures, agreements."""

from __future__ import annotations

from intl_sdk.checks.context import CheckContext, did_you_mean
from intl_sdk.checks.registry import rule
from intl_sdk.findings import Severity
from intl_sdk.pillars import IMPACT_MEASURE_IDS, PILLAR_IDS


@rule("unknown-reference", Severity.ERROR)
def unknown_reference(ctx: CheckContext) -> None:
    """An item names a region, pillar, indicator, measure or agreement that does not exist.

    ## What it does
    Checks every reference by id: an action's `region`, `pillars` and
    `indicators`; an indicator's `measures`; an agreement's `builds_on` and
    `framework` (which the plan's `frameworks` must list). A near miss gets a
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


def _label(item, index: int) -> str:
    return repr(item.id) if isinstance(item.id, str) and item.id else f"#{index + 1}"
