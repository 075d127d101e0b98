"""Checks on target regions and their resource shares."""

from __future__ import annotations

import re
from decimal import Decimal

from intl_sdk.checks.context import CheckContext, as_decimal, format_number
from intl_sdk.checks.registry import rule
from intl_sdk.display import counted
from intl_sdk.findings import Severity
from intl_sdk.model import REGION_CODE_PATTERN

#: Shares may total 100 give or take this many percentage points.
SHARES_TOLERANCE = Decimal("0.01")


def _points(amount: Decimal) -> str:
    return counted(amount, "percentage point")


@rule("shares-sum", Severity.ERROR)
def shares_sum(ctx: CheckContext) -> None:
    """Target-region shares do not total 100%.

    ## What it does
    Adds up the `share` of every target region, exactly as written (decimal
    arithmetic, so 25.55 + 74.45 is 100), and reports a total that is more
    than 0.01 percentage points away from 100. When every share is a whole
    number and the total is within half a point per region of 100, the
    finding adds that the gap may come from rounding each share to a whole
    number for print (six shares rounded to whole percentages can lose up to
    3 points), and stays a finding: the plan still divides 99%, not 100%.

    ## Why is this bad?
    The shares divide the strategy's resources between the target regions.
    A total under 100 leaves resources unallocated; over 100 promises more
    than there is. The NWDA's published action plan totals 99% (seed 001,
    line 1285: 24%, 23%, 12%, 13%, 9%, 18%).

    ## Example
    ```toml
    [[regions]]
    id = "north-america"
    share = 40.5
    [[regions]]
    id = "europe"
    share = 58
    ```

    ## Use instead
    ```toml
    [[regions]]
    id = "north-america"
    share = 42
    [[regions]]
    id = "europe"
    share = 58
    ```
    """
    total = Decimal(0)
    shares = []
    for region in ctx.plan.regions:
        share = as_decimal(region.share)
        if share is not None:
            total += share
            shares.append(share)
    if not shares:
        return
    gap = Decimal(100) - total
    if abs(gap) <= SHARES_TOLERANCE:
        return
    first = next(i for i, r in enumerate(ctx.plan.regions) if as_decimal(r.share) is not None)
    if gap > 0:
        message = f"target-region shares total {format_number(total)}%: {_points(gap)} unallocated"
        hint = f"add {format_number(gap)} to one or more shares, or a region for the rest, so they total 100"
    else:
        message = f"target-region shares total {format_number(total)}%: {_points(-gap)} over-allocated"
        hint = f"take {format_number(-gap)} off one or more shares so they total 100"
    if _maybe_rounded(shares, gap):
        message += (
            f"; every share is a whole number, so the gap may come from rounding each to a whole "
            f"percentage ({len(shares)} shares: up to {_points(Decimal(len(shares)) / 2)})"
        )
        hint += "; if the shares were rounded for print, write them as the strategy has them"
    ctx.report(("regions",), message, hint, line_at=("regions", first, "share"))


def _maybe_rounded(shares: list[Decimal], gap: Decimal) -> bool:
    """Whether rounding each share to a whole number could explain the gap:
    each share moves by at most half a point, so n shares by at most n/2."""
    return all(share == share.to_integral_value() for share in shares) and abs(gap) * 2 <= len(shares)


@rule("share-range", Severity.ERROR)
def share_range(ctx: CheckContext) -> None:
    """A share below 0% or above 100%.

    ## What it does
    Reports a region whose `share` is negative or more than 100.

    ## Why is this bad?
    A share is a percentage of the strategy's resources: no region can have
    less than none or more than all of them. A share of 120 is usually a
    typing slip (12.0) or an amount of money written where a percentage goes.

    ## Example
    ```toml
    share = 120
    ```

    ## Use instead
    ```toml
    share = 12
    ```
    """
    for index, region in enumerate(ctx.plan.regions):
        share = as_decimal(region.share)
        if share is not None and not (0 <= share <= 100):
            ctx.report(
                ("regions", index, "share"),
                f"{_name(region)} has a share of {format_number(share)}%, outside 0–100",
                "write the region's share as a percentage between 0 and 100",
            )


@rule("share-precision", Severity.INFO)
def share_precision(ctx: CheckContext) -> None:
    """A share written more precisely than a plan can mean.

    ## What it does
    Reports a share with more than two decimal places (finer than a hundredth
    of a percentage point, the checker's tolerance for the total).

    ## Why is this bad?
    Resource shares are planning figures. 12.345% suggests a precision that
    the budget behind it does not have, and makes the table hard to read and
    to add up by hand.

    ## Example
    ```toml
    share = 12.345
    ```

    ## Use instead
    ```toml
    share = 12.35
    ```
    """
    for index, region in enumerate(ctx.plan.regions):
        share = as_decimal(region.share)
        if share is not None and share.as_tuple().exponent < -2:  # type: ignore[operator]
            ctx.report(
                ("regions", index, "share"),
                f"{_name(region)}'s share {share} has more than two decimal places",
                f"round it, e.g. to {share.quantize(Decimal('0.01'))}",
            )


@rule("region-without-actions", Severity.WARNING)
def region_without_actions(ctx: CheckContext) -> None:
    """A target region with a share of the resources but no actions.

    ## What it does
    Reports a region with a share above zero that no action names in its
    `region`.

    ## Why is this bad?
    The action plan says what the region's resources are spent on. A share
    with no actions is money without a plan.

    ## Example
    ```toml
    [[regions]]
    id = "japan"
    share = 9
    ```

    ## Use instead
    ```toml
    [[regions]]
    id = "japan"
    share = 9

    [[actions]]
    id = "japan-inward-investment"
    region = "japan"
    pillars = ["strategic-countries"]
    title = "Inward investment via the NOE Japan presence"
    ```
    """
    actions = ctx.actions_by_region
    for index, region in enumerate(ctx.plan.regions):
        share = as_decimal(region.share)
        if share is not None and share > 0 and region.id not in actions:
            ctx.report(
                ("regions", index),
                f"{_name(region)} has a {format_number(share)}% share but no actions",
                f'add an action with region = "{region.id}", or set its share to 0',
            )


@rule("region-name-empty", Severity.WARNING)
def region_name_empty(ctx: CheckContext) -> None:
    """A target region whose name is empty.

    ## What it does
    Reports a region whose `name` is an empty or blank string.

    ## Why is this bad?
    The name is what readers of the plan and its reports see; an empty one
    leaves a blank column in the action plan.

    ## Example
    ```toml
    name = ""
    ```

    ## Use instead
    ```toml
    name = "North America"
    ```
    """
    for index, region in enumerate(ctx.plan.regions):
        if isinstance(region.name, str) and not region.name.strip():
            ctx.report(
                ("regions", index, "name"),
                f"region {region.id or index + 1!s} has an empty name",
                "give the region the name readers know it by",
            )


_CODE_RE = re.compile(REGION_CODE_PATTERN)


@rule("region-code-invalid", Severity.WARNING)
def region_code_invalid(ctx: CheckContext) -> None:
    """A region code that is neither an ISO 3166 code nor a UN M49 area code.

    ## What it does
    Reads the `code` of each target region and the strategy's `home_code`,
    and reports one that is not written as an ISO 3166-1 alpha-2 country
    code (`CN`), an ISO 3166-2 subdivision (`ES-AS`, `DE-NW`) or a
    three-digit UN M49 area code (`021` for Northern America, `150` for
    Europe). Whether the code exists is for `intl compare` to say: it
    reads the codes from CLDR.

    ## Why is this bad?
    `intl compare` matches target regions across plans by their codes, and
    finds that a country lies in a world region by its code (China, `CN`,
    is in Eastern Asia, `030`). A code in another form (`cn`, `CHN`,
    `China`, `21`) matches nothing, and the plan drops out of the
    portfolio's partner search without a word.

    ## Example
    ```toml
    name = "China"
    code = "CHN"
    ```

    ## Use instead
    ```toml
    name = "China"
    code = "CN"
    ```
    """
    wrong = []
    if isinstance(ctx.plan.strategy.home_code, str):
        wrong.append((("strategy", "home_code"), ctx.plan.strategy.home_code, "the home region"))
    for index, region in enumerate(ctx.plan.regions):
        if isinstance(region.code, str):
            wrong.append((("regions", index, "code"), region.code, _name(region)))
    for location, code, what in wrong:
        if not _CODE_RE.match(code):
            ctx.report(
                location,
                f"{what} has code {code!r}, which is not an ISO 3166 code (CN, ES-AS) or a UN M49 area (021)",
                f'write the two-letter country code in capitals ("{code[:2].upper()}" if that is the country), '
                "a subdivision as ES-AS, or a world region's three digits",
            )


def _name(region) -> str:
    return region.name or region.id or "a region"
