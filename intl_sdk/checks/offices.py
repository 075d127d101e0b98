"""Checks on the presence abroad: offices against their region's share of the resources."""

from __future__ import annotations

from decimal import Decimal

from intl_sdk.checks.context import CheckContext, as_decimal, format_number
from intl_sdk.checks.registry import rule
from intl_sdk.findings import Severity


def _label(office, index: int) -> str:
    return repr(office.id) if isinstance(office.id, str) and office.id else f"#{index + 1}"


@rule("office-without-share", Severity.WARNING)
def office_without_share(ctx: CheckContext) -> None:
    """An office abroad in a target region that has no share of the resources.

    ## What it does
    Reports an office whose `region` is one of the plan's target regions
    with no `share`, or a share of 0 or less. (A region the plan does not
    have is `unknown-reference`.)

    ## Why is this bad?
    Staff posted abroad are paid from the strategy's resources, and the
    shares say how those are divided between regions. An office in a region
    with no share is spending that the action plan does not show: the
    NWDA's 2 FTE in UKTI posts in China come out of China's 13% (seed 001,
    lines 1250–1253).

    ## Example
    ```toml
    [[regions]]
    id = "china"
    share = 0

    [[offices]]
    id = "ukti-china"
    region = "china"
    ```

    ## Use instead
    ```toml
    [[regions]]
    id = "china"
    share = 13
    ```
    """
    regions = ctx.regions_by_id
    for index, office in enumerate(ctx.plan.offices):
        region = regions.get(office.region) if isinstance(office.region, str) else None
        if region is None:
            continue
        share = as_decimal(region.share)
        if share is None or share <= 0:
            what = "no share" if share is None else f"a share of {format_number(share)}%"
            ctx.report(
                ("offices", index, "region"),
                f"office {_label(office, index)} is in {region.name or region.id}, which has {what} of the resources",
                "give the region a share (its office is paid from it), or move the office to a region that has one",
            )


@rule("office-staff-exceeded", Severity.ERROR)
def office_staff_exceeded(ctx: CheckContext) -> None:
    """Offices in a region have more staff than the region's share of the strategy's staff.

    ## What it does
    Where the strategy gives `staff_fte` and a region's offices give theirs,
    compares their total with the region's share of the strategy's staff,
    and reports it at the region's first office that gives staff.

    ## Why is this bad?
    Posts abroad are dedicated people (recommendation 1, seed 001, lines
    2261–2265) out of the same total as the rest of the plan: more staff in
    a region's offices than its share allows leaves the region's actions,
    and others, short.

    ## Example
    ```toml
    [strategy]
    staff_fte = 10
    [[regions]]
    id = "china"
    share = 13          # 1.3 FTE
    [[offices]]
    region = "china"
    staff_fte = 2
    ```

    ## Use instead
    ```toml
    [[regions]]
    id = "china"
    share = 20          # 2 FTE
    ```
    """
    total = as_decimal(ctx.plan.strategy.staff_fte)
    if total is None:
        return
    offices = ctx.plan.offices
    for region in ctx.plan.regions:
        share = as_decimal(region.share)
        if share is None or not isinstance(region.id, str):
            continue
        staffed = [
            (index, staff)
            for index, office in enumerate(offices)
            if office.region == region.id and (staff := as_decimal(office.staff_fte)) is not None
        ]
        if not staffed:
            continue
        used = sum((staff for _, staff in staffed), Decimal(0))
        allowed = total * share / 100
        if used > allowed:
            ctx.report(
                ("offices", staffed[0][0], "staff_fte"),
                f"offices in {region.name or region.id} have {format_number(used)} FTE of staff, more than its "
                f"{format_number(share)}% share of {format_number(total)} FTE ({format_number(allowed.quantize(Decimal('0.01')))} FTE)",
                "raise the region's share, add staff to the strategy, or post fewer staff there",
            )
