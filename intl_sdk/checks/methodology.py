"""Checks on what the report's methodology asks of a strategy: the global drivers and its minimum contents."""

from __future__ import annotations

from intl_sdk.checks.context import CheckContext
from intl_sdk.checks.registry import rule
from intl_sdk.drivers import DRIVER_IDS, DRIVERS, Driver
from intl_sdk.findings import Severity
from intl_sdk.methodology import METHODOLOGY


def _name(driver: Driver) -> str:
    return f"driver {driver.number}, {driver.title} ({driver.id})"


@rule("driver-unanswered", Severity.WARNING)
def driver_unanswered(ctx: CheckContext) -> None:
    """A global driver that no action answers.

    ## What it does
    Lists, in one finding, the global drivers (seed 001, lines 1024–1076)
    that no action names in its `drivers`. When the strategy lists the
    drivers it answers (`drivers = [...]` under `[strategy]`), only those are
    expected of the actions, and each one no action answers is reported where
    the strategy's list names it.

    ## Why is this bad?
    The report's methodology begins with "mechanisms to respond/exploit global
    drivers" (line 1172): the changing balance of economic activity,
    population change, FDI flows, specialisation, innovation, skills, energy
    and the environment. A driver no action answers is either a gap in the
    plan or a choice the strategy should state.

    ## Example
    ```toml
    [strategy]
    drivers = ["global-markets", "skills"]

    [[actions]]
    id = "china-inward-investment"
    drivers = ["global-markets"]
    ```

    ## Use instead
    ```toml
    [[actions]]
    id = "international-students"
    drivers = ["skills", "population-change"]
    ```
    """
    answered = {driver for action in ctx.plan.actions for driver in action.drivers}
    claimed = [d for d in dict.fromkeys(ctx.plan.strategy.drivers) if d in DRIVER_IDS]
    if claimed:
        drivers = ctx.plan.strategy.drivers
        for driver in DRIVERS:
            if driver.id in claimed and driver.id not in answered:
                ctx.report(
                    ("strategy", "drivers", drivers.index(driver.id)),
                    f"the strategy answers {_name(driver)}, but no action does",
                    f'add "{driver.id}" to the drivers of an action that answers it, '
                    "or take it off the strategy's drivers",
                )
        return
    missing = [driver for driver in DRIVERS if driver.id not in answered]
    if missing:
        names = ", ".join(f"{d.number} {d.id}" for d in missing)
        ctx.report(
            ("actions",),
            f"{len(missing)} of the {len(DRIVERS)} global drivers {'is' if len(missing) == 1 else 'are'} "
            f"answered by no action: {names}",
            "add each to the drivers of an action that answers it (drivers = [\"...\"]); a strategy that "
            "answers only some drivers lists them under [strategy] as drivers = [...]",
            line_at=ctx.first_item("actions"),
        )


def _addressed(value: object) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return bool(value)


@rule("methodology-incomplete", Severity.INFO)
def methodology_incomplete(ctx: CheckContext) -> None:
    """The plan does not say how it addresses each of the methodology's seven minimum contents.

    ## What it does
    Looks at the optional `[methodology]` table, one key for each content
    the report says a methodology "must include as a minimum" (seed 001,
    lines 1170–1180): `driver_mechanisms`, `consensus`,
    `prioritised_framework`, `global_view`, `value_web`, `national_focus`,
    `baseline_outputs`. A key addresses its content when it holds text or a
    list of references to the plan's items (`"indicators.exporters"`).
    Reports, in one finding, the contents that are missing or empty.

    ## Why is this bad?
    The seven are the report's minimum for a strategy: without a consensus
    around benefits or links into the national focus, the action plan may be
    sound and still not carried. Saying where the plan addresses each lets a
    reviewer check it; a content left out is a question they will ask.

    ## Example
    ```toml
    [methodology]
    baseline_outputs = ["indicators.exporters", "indicators.gva-growth"]
    ```

    ## Use instead
    ```toml
    [methodology]
    driver_mechanisms = ["actions.china-inward-investment"]
    consensus = "Agreed with the boards of the six priority clusters"
    prioritised_framework = "The Regional Economic Strategy's priority sectors"
    global_view = "The summary of action plans by principal region"
    value_web = ["actions.supply-chain-excellence"]
    national_focus = ["actions.china-ukti-emerging-markets"]
    baseline_outputs = ["indicators.exporters", "indicators.gva-growth"]
    ```
    """
    methodology = ctx.plan.methodology
    if methodology is None:
        ctx.report(
            ("methodology",),
            f"the plan has no [methodology]: none of its {len(METHODOLOGY)} minimum contents is addressed",
            "add a [methodology] table saying, for each content, how the plan addresses it "
            '(text, or references such as ["actions.ID"]); `intl explain methodology-incomplete` lists the keys',
            line_at=("strategy",),
        )
        return
    missing = [content for content in METHODOLOGY if not _addressed(getattr(methodology, content.key))]
    if missing:
        listed = ", ".join(f"{c.number} {c.key}" for c in missing)
        keys = ", ".join(c.key for c in missing)
        ctx.report(
            ("methodology",),
            f"[methodology] does not address {len(missing)} of its {len(METHODOLOGY)} minimum contents: {listed}",
            f"say how the plan addresses each under [methodology] ({keys}): text, or references to items "
            'such as ["actions.ID", "indicators.ID"]',
        )
