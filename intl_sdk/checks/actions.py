"""Checks on actions: pillars served, dates, and resources against the shares."""

from __future__ import annotations

from decimal import Decimal

from intl_sdk.checks.context import CheckContext, as_decimal, format_number
from intl_sdk.checks.registry import rule
from intl_sdk.findings import Severity
from intl_sdk.pillars import PILLARS


@rule("pillar-uncovered", Severity.WARNING)
def pillar_uncovered(ctx: CheckContext) -> None:
    """A pillar of the internationalisation model that no action serves.

    ## What it does
    Reports each of the six pillars that no action lists in its `pillars`.

    ## Why is this bad?
    The model's six pillars together make an integrated strategy; a pillar
    with no action (often *Influencing the European Union*) is a gap a
    reviewer will ask about. If it is a choice, say so with
    `ignore = ["pillar-uncovered"]`.

    ## Example
    ```toml
    [[actions]]
    pillars = ["competitive-sectors"]
    ```

    ## Use instead
    ```toml
    [[actions]]
    pillars = ["competitive-sectors", "european-policy"]
    ```
    """
    served = {pillar for action in ctx.plan.actions for pillar in action.pillars}
    for pillar in PILLARS:
        if pillar.id not in served:
            ctx.report(
                ("actions",),
                f"no action serves pillar {pillar.number}, {pillar.title} ({pillar.id})",
                f'add "{pillar.id}" to the pillars of an action that serves it, or add one',
                line_at=ctx.first_item("actions"),
            )


@rule("action-without-pillars", Severity.ERROR)
def action_without_pillars(ctx: CheckContext) -> None:
    """An action that names no pillar.

    ## What it does
    Reports an action whose `pillars` list is missing or empty.

    ## Why is this bad?
    Every action serves one or more of the six pillars; one that serves none
    cannot be placed in the strategy or counted in the coverage matrix.

    ## Example
    ```toml
    [[actions]]
    id = "trade-mission"
    pillars = []
    ```

    ## Use instead
    ```toml
    [[actions]]
    id = "trade-mission"
    pillars = ["strategic-countries"]
    ```
    """
    for index, action in enumerate(ctx.plan.actions):
        if not action.pillars:
            ctx.report(
                ("actions", index, "pillars"),
                f"action {action.id or index + 1!s} names no pillar",
                "list the pillars it serves, e.g. pillars = [\"strategic-countries\"]",
            )


@rule("action-outside-period", Severity.WARNING)
def action_outside_period(ctx: CheckContext) -> None:
    """An action that starts or ends outside the strategy's period.

    ## What it does
    Reports an action whose `start` or `end` date falls in a year before the
    period's start or after its end.

    ## Why is this bad?
    The strategy's resources are for its period; an action outside it is
    either mis-dated or belongs to another plan.

    ## Example
    ```toml
    [strategy]
    period = { start = 2024, end = 2028 }
    [[actions]]
    end = 2030-03-31
    ```

    ## Use instead
    ```toml
    [[actions]]
    end = 2028-03-31
    ```
    """
    for index, action in enumerate(ctx.plan.actions):
        for key in ("start", "end"):
            when = getattr(action, key)
            if when is not None and ctx.outside_period(when.year):
                ctx.report(
                    ("actions", index, key),
                    f"action {action.id or index + 1!s} {key}s on {when.isoformat()}, outside the period {ctx.period_text()}",
                    "move the date into the strategy's period, or extend the period",
                )


def _exceeded(ctx: CheckContext, attribute: str, total, what: str, unit: str) -> None:
    total_amount = as_decimal(total)
    if total_amount is None:
        return
    actions = ctx.plan.actions
    for index, region in enumerate(ctx.plan.regions):
        share = as_decimal(region.share)
        if share is None:
            continue
        used, given = Decimal(0), False
        for i in ctx.actions_by_region.get(region.id, ()):
            figure = getattr(actions[i], attribute)
            if type(figure) is not Decimal or not figure.is_finite():  # the common case first: one test, not four
                figure = as_decimal(figure)
                if figure is None:
                    continue
            used += figure
            given = True
        if not given:
            continue
        allowed = total_amount * share / 100
        if used > allowed:
            ctx.report(
                ("regions", index, "share"),
                f"actions in {region.name or region.id} need {format_number(used)}{unit} of {what}, more than "
                f"its {format_number(share)}% share of {format_number(total_amount)}{unit} ({format_number(allowed.quantize(Decimal('0.01')))}{unit})",
                f"raise the region's share, or cut the {what} its actions need",
            )


@rule("budget-exceeded", Severity.ERROR)
def budget_exceeded(ctx: CheckContext) -> None:
    """Actions in a region cost more than the region's share of the budget.

    ## What it does
    Where the strategy has a budget `amount` and a region's actions give a
    `cost`, compares their total with the region's share of the budget.

    ## Why is this bad?
    The shares are the plan's promise of how resources are divided; actions
    that cost more than their region's share overspend the plan.

    ## Example
    ```toml
    budget = { amount = 2_000_000, currency = "EUR" }
    # Asia: share = 10, so 200,000 EUR; its actions cost 250,000
    ```

    ## Use instead
    ```toml
    # raise Asia's share to 12.5, or cut its actions' cost to 200,000
    ```
    """
    budget = ctx.plan.strategy.budget
    if budget is not None:
        unit = f" {budget.currency}" if isinstance(budget.currency, str) and budget.currency else ""
        _exceeded(ctx, "cost", budget.amount, "budget", unit)


@rule("staff-exceeded", Severity.ERROR)
def staff_exceeded(ctx: CheckContext) -> None:
    """Actions in a region need more staff than the region's share of the staff.

    ## What it does
    Where the strategy gives `staff_fte` and a region's actions give theirs,
    compares their total with the region's share of the staff.

    ## Why is this bad?
    Staff is the other half of the dedicated resources a strategy needs
    (recommendation 1); actions that need more people than their region's
    share cannot all be done.

    ## Example
    ```toml
    staff_fte = 8
    # Asia: share = 10, so 0.8 FTE; its actions need 2
    ```

    ## Use instead
    ```toml
    # raise Asia's share to 25, or add staff to the strategy
    ```
    """
    _exceeded(ctx, "staff_fte", ctx.plan.strategy.staff_fte, "staff", " FTE")


@rule("target-without-action", Severity.INFO)
def target_without_action(ctx: CheckContext) -> None:
    """An indicator that no action names in its `indicators`.

    ## What it does
    Reports each indicator (not `monitor_only`) whose id no action lists in
    its `indicators`.

    ## Why is this bad?
    A target is met by what the plan does. One that no action claims to move
    is watched, not pursued: a reader of the NWDA's plan finds targets on GVA
    from FDI and on high-salary FDI projects (seed 001, lines 1312-1315) but
    no action among the regions' (lines 1203-1285) that says it works toward
    them. Naming the indicators an action moves makes the link reviewable.

    ## Example
    ```toml
    [[indicators]]
    id = "fdi-projects"
    target = { value = 150, year = 2009 }
    ```

    ## Use instead
    ```toml
    [[actions]]
    id = "japan-inward-investment"
    indicators = ["fdi-projects"]
    ```
    """
    moved = {indicator_id for action in ctx.plan.actions for indicator_id in action.indicators}
    for index, indicator in enumerate(ctx.plan.indicators):
        if indicator.is_monitor_only or not isinstance(indicator.id, str) or indicator.id in moved:
            continue
        ctx.report(
            ("indicators", index, "target") if indicator.target is not None else ("indicators", index),
            f"no action names indicator {indicator.id!r} ({indicator.name or indicator.id}) in its `indicators`",
            f'add "{indicator.id}" to the indicators of the actions that move it, or add such an action',
        )
