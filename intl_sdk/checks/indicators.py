"""Checks on indicators: baselines, targets, their years, and the minimum measures."""

from __future__ import annotations

from intl_sdk.checks.context import CheckContext, as_decimal, format_number, not_given
from intl_sdk.checks.registry import rule
from intl_sdk.findings import Severity
from intl_sdk.model import CHANGES
from intl_sdk.pillars import IMPACT_MEASURES


def _label(indicator, index: int) -> str:
    return indicator.name or indicator.id or f"indicator {index + 1}"


@rule("indicator-incomplete", Severity.WARNING)
def indicator_incomplete(ctx: CheckContext) -> None:
    """An indicator without a baseline, a target, or their values and years.

    ## What it does
    Reports an indicator (not `monitor_only`) that lacks a `baseline` or a
    `target`, or whose baseline or target lacks its `value` or `year`. A
    target that gives a `change` ("increase") instead of a value is complete:
    the report words some targets so ("increase in % of region's GVA
    accounted for by FDI", seed 001, line 1312). A part the indicator lists in
    `not_given` (`baseline.year`, or all of `baseline`) is one the source
    does not give, and is not asked for again: the report gives most NWDA
    baselines without a year (lines 1294-1300).

    ## Why is this bad?
    "Where are we now?" and "Where do we want to be?" are what make an
    indicator measurable (conclusion 3: measurable outputs). Without a
    baseline year, progress cannot be dated; without a target, it cannot be
    judged. An indicator that is only watched says `monitor_only = true`.

    ## Example
    ```toml
    baseline = { value = 5200 }
    target = { value = 6000, year = 2028 }
    ```

    ## Use instead
    ```toml
    baseline = { value = 5200, year = 2024 }
    target = { value = 6000, year = 2028 }
    ```
    or, where the source gives no year, record it:
    ```toml
    baseline = { value = 5200 }
    target = { value = 6000, year = 2028 }
    not_given = ["baseline.year"]
    ```
    """
    for index, indicator in enumerate(ctx.plan.indicators):
        if indicator.is_monitor_only:
            continue
        missing = []  # what is missing, as the message says it
        keys = []  # the same, as not_given would record it
        first_gap: tuple | None = None  # the first missing piece: ("baseline", "year"), or ("target",)
        for name in ("baseline", "target"):
            measurement = getattr(indicator, name)
            if measurement is None:
                if not not_given(indicator, name):
                    missing.append(f"no {name}")
                    keys.append(name)
                    first_gap = first_gap or (name,)
                continue
            parts = [
                part
                for part in ("value", "year")
                if getattr(measurement, part) is None
                and not not_given(indicator, f"{name}.{part}")
                and not (part == "value" and name == "target" and measurement.change is not None)
            ]
            if parts:
                missing.append(f"no {name} {' or '.join(parts)}")
                keys.extend(f"{name}.{part}" for part in parts)
                first_gap = first_gap or (name, parts[0])
        if missing and first_gap is not None:
            recorded = ", ".join(f'"{key}"' for key in keys)
            ctx.report(
                # the exact key to fill in; its line falls back to the nearest one written
                ("indicators", index, *first_gap),
                f"{_label(indicator, index)} has {', '.join(missing)}",
                f"add what the source gives; where it gives none, record that: not_given = [{recorded}] "
                "(an indicator that is only watched: monitor_only = true)",
            )


@rule("target-direction", Severity.WARNING)
def target_direction(ctx: CheckContext) -> None:
    """A target that is no improvement on the baseline.

    ## What it does
    Compares an indicator's target value with its baseline value in the
    indicator's `direction`: for `up` (the default) the target must be
    higher, for `down` (fewer relocations out is better) lower. A target
    worded as a `change` (seed 001, line 1312: "increase in % of region's
    GVA accounted for by FDI") must go the way `direction` says is better;
    without a `direction`, the change gives it.

    ## Why is this bad?
    A target that equals or undershoots the baseline plans for standing still
    or going backwards, usually a slip in the figures or in `direction`.

    ## Example
    ```toml
    direction = "down"
    baseline = { value = 120, year = 2024 }
    target = { value = 150, year = 2028 }
    ```

    ## Use instead
    ```toml
    direction = "down"
    baseline = { value = 120, year = 2024 }
    target = { value = 100, year = 2028 }
    ```
    """
    for index, indicator in enumerate(ctx.plan.indicators):
        if indicator.target is None or indicator.direction not in (None, "up", "down"):
            continue
        change = indicator.target.change
        if change in CHANGES and indicator.direction is not None:
            wanted = "up" if change == "increase" else "down"
            if wanted != indicator.direction:
                ctx.report(
                    ("indicators", index, "target", "change"),
                    f"{_label(indicator, index)}: the target asks for {'an' if change == 'increase' else 'a'} "
                    f"{change}, but direction {indicator.direction!r} says {'lower' if wanted == 'up' else 'higher'} is better",
                    f'correct the change, or set direction = "{wanted}"',
                )
                continue
        if indicator.baseline is None:
            continue
        baseline, target = as_decimal(indicator.baseline.value), as_decimal(indicator.target.value)
        if baseline is None or target is None:
            continue
        down = indicator.better == "down"
        if (target >= baseline) if down else (target <= baseline):
            better = "below" if down else "above"
            ctx.report(
                ("indicators", index, "target", "value"),
                f"{_label(indicator, index)}: target {format_number(target)} is not {better} the baseline "
                f"{format_number(baseline)} (direction {'down' if down else 'up'})",
                f"set a target {better} the baseline, or correct `direction`",
            )


@rule("target-outside-period", Severity.WARNING)
def target_outside_period(ctx: CheckContext) -> None:
    """A target year outside the strategy's period.

    ## What it does
    Reports an indicator whose `target.year` is before the period's start or
    after its end.

    ## Why is this bad?
    A strategy is judged on what it achieves in its period; a target set for
    another year cannot be checked at the end of this one.

    ## Example
    ```toml
    period = { start = 2024, end = 2028 }
    target = { value = 150, year = 2030 }
    ```

    ## Use instead
    ```toml
    target = { value = 150, year = 2028 }
    ```
    """
    for index, indicator in enumerate(ctx.plan.indicators):
        target = indicator.target
        if target is not None and target.year is not None and ctx.outside_period(target.year):
            ctx.report(
                ("indicators", index, "target", "year"),
                f"{_label(indicator, index)}: target year {target.year} is outside the period {ctx.period_text()}",
                "set the target for a year within the strategy's period",
            )


@rule("actuals-outside-period", Severity.WARNING)
def actuals_outside_period(ctx: CheckContext) -> None:
    """Actual values recorded for years outside the strategy's period.

    ## What it does
    Reports years in an indicator's `actuals` that fall outside the period.

    ## Why is this bad?
    Actuals track progress within the period; a value from before it is a
    baseline, one from after it belongs to the next strategy.

    ## Example
    ```toml
    period = { start = 2024, end = 2028 }
    actuals = { 2023 = 5100, 2025 = 5400 }
    ```

    ## Use instead
    ```toml
    baseline = { value = 5100, year = 2023 }
    actuals = { 2025 = 5400 }
    ```
    """
    for index, indicator in enumerate(ctx.plan.indicators):
        outside = sorted(year for year in indicator.actuals if ctx.outside_period(year))
        if outside:
            years = ", ".join(str(year) for year in outside)
            ctx.report(
                ("indicators", index, "actuals"),
                f"{_label(indicator, index)} has actuals for {years}, outside the period {ctx.period_text()}",
                "move an earlier value to `baseline`, or extend the period",
            )


@rule("minimum-indicators", Severity.WARNING)
def minimum_indicators(ctx: CheckContext) -> None:
    """The minimum impact measures of conclusion 3 are not all covered.

    ## What it does
    Collects the `measures` of every indicator and lists which of the seven
    minimum impact measures none covers: `gva`, `inward-investment`,
    `research-intensity`, `jobs`, `average-salary`, `international-sales`,
    `human-capital`.

    ## Why is this bad?
    The report's conclusion 3 asks every strategy to measure at least these
    impacts; a missing one cannot be reported on.

    ## Example
    ```toml
    [[indicators]]
    id = "exporters"
    measures = ["international-sales"]
    ```

    ## Use instead
    ```toml
    [[indicators]]
    id = "hei-research-income"
    measures = ["research-intensity"]
    ```
    """
    covered = {measure for indicator in ctx.plan.indicators for measure in indicator.measures}
    missing = [measure for measure in IMPACT_MEASURES if measure.id not in covered]
    if missing:
        names = ", ".join(f"{m.title} ({m.id})" for m in missing)
        ctx.report(
            ("indicators",),
            f"{len(missing)} of the 7 minimum impact measures {'has' if len(missing) == 1 else 'have'} no indicator: {names}",
            "add an indicator for each, with `measures = [\"...\"]` naming the measure",
            line_at=ctx.first_item("indicators"),
        )
