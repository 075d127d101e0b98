"""Checks on the strategy as a whole: its period, resources, frameworks and settings."""

from __future__ import annotations

from intl_sdk.checks.context import CheckContext, did_you_mean, not_given
from intl_sdk.checks.registry import rule
from intl_sdk.findings import Severity


@rule("period-reversed", Severity.ERROR)
def period_reversed(ctx: CheckContext) -> None:
    """A period that ends before it starts.

    ## What it does
    Reports a strategy whose `period.end` is an earlier year than its `start`.

    ## Why is this bad?
    Every date check (targets, actuals, actions) measures against the
    period; a reversed one makes them all wrong, usually because the two
    years were swapped.

    ## Example
    ```toml
    period = { start = 2028, end = 2024 }
    ```

    ## Use instead
    ```toml
    period = { start = 2024, end = 2028 }
    ```
    """
    start, end = ctx.period_years
    if start is not None and end is not None and end < start:
        ctx.report(
            ("strategy", "period"),
            f"the period ends in {end}, before it starts in {start}",
            f"swap the years: period = {{ start = {end}, end = {start} }}",
        )


@rule("resources-missing", Severity.WARNING)
def resources_missing(ctx: CheckContext) -> None:
    """A strategy with neither a budget nor staff.

    ## What it does
    Reports a strategy that gives neither `budget` (with an `amount`) nor
    `staff_fte`, unless the strategy records both in `not_given` (the NWDA's
    published plan gives shares but no budget or staff, seed 001, lines
    1203-1285).

    ## Why is this bad?
    International co-operation needs dedicated resource, funds and people
    (recommendation 1, conclusion 3: dedicated funding). Without totals the
    shares cannot be turned into money or staff per region, and the budget
    and staff checks cannot run.

    ## Example
    ```toml
    [strategy]
    name = "Internationalisation plan"
    ```

    ## Use instead
    ```toml
    [strategy]
    name = "Internationalisation plan"
    budget = { amount = 2_000_000, currency = "EUR" }
    staff_fte = 8
    ```
    """
    strategy = ctx.plan.strategy
    has_budget = strategy.budget is not None and strategy.budget.amount is not None
    recorded = not_given(strategy, "budget.amount") and not_given(strategy, "staff_fte")
    if not has_budget and strategy.staff_fte is None and not recorded:
        ctx.report(
            ("strategy",),
            "the strategy gives no budget and no staff: its shares cannot be turned into resources",
            'add budget = { amount = ..., currency = "..." } and staff_fte = ... under [strategy]; '
            'if the source gives neither, record that: not_given = ["budget", "staff_fte"]',
        )


@rule("framework-missing", Severity.ERROR)
def framework_missing(ctx: CheckContext) -> None:
    """The plan uses a framework that no installed plugin provides.

    ## What it does
    Reports each id in `frameworks` that no installed plugin defines, naming
    the distribution to install by the naming convention `intl-<id>`.

    ## Why is this bad?
    The framework defines the agreement kinds, their order and their rules;
    without it the plan's agreements are kept as they are but not checked.

    ## Example
    ```toml
    frameworks = ["corallia"]   # with intl-corallia not installed
    ```

    ## Use instead
    ```sh
    pip install intl-corallia
    ```
    """
    for index, framework in enumerate(ctx.plan.frameworks):
        if framework not in ctx.frameworks:
            ctx.report(
                ("frameworks", index),
                f"the plan uses framework {framework!r}, which no installed plugin provides"
                + did_you_mean(framework, ctx.frameworks),
                f"install the plugin that provides it (by convention `pip install intl-{framework}`); "
                "until then its agreements are kept but not checked",
            )


@rule("unknown-code", Severity.WARNING)
def unknown_code(ctx: CheckContext) -> None:
    """The plan's `ignore` or `[severity]` names a code no check has, or a severity that does not exist.

    ## What it does
    Reports codes in `ignore` and in `[severity]` that are neither core
    checks nor checks of an installed plugin, and `[severity]` values other
    than `error`, `warning` and `info`. Codes of a framework whose plugin is
    missing are left to `framework-missing`.

    ## Why is this bad?
    A misspelt code silently ignores nothing, or leaves a severity as it was.

    ## Example
    ```toml
    ignore = ["pillar-uncoverd"]
    ```

    ## Use instead
    ```toml
    ignore = ["pillar-uncovered"]
    ```
    """
    known = ctx.known_codes
    missing_plugins = {f for f in ctx.plan.frameworks if f not in ctx.frameworks}

    def unknown(code: str) -> bool:
        prefix = code.split("/", 1)[0] if "/" in code else None
        return code not in known and prefix not in missing_plugins

    for index, code in enumerate(ctx.plan.ignore):
        if unknown(code):
            ctx.report(
                ("ignore", index),
                f"ignore names {code!r}, which is not a check's code" + did_you_mean(code, known),
                "see `intl explain --list` for the codes",
            )
    for code, level in ctx.plan.severity.items():
        if unknown(code):
            ctx.report(
                ("severity", code),
                f"[severity] names {code!r}, which is not a check's code" + did_you_mean(code, known),
                "see `intl explain --list` for the codes",
            )
        if level not in ("error", "warning", "info"):
            ctx.report(
                ("severity", code),
                f"[severity] sets {code!r} to {level!r}, which is not error, warning or info",
                'write "error", "warning" or "info"',
            )
