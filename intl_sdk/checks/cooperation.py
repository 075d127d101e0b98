"""Checks on the conditions for international co-operation, whatever the agreement's framework.

Recommendation 1 (seed 001, lines 2261–2265): co-operation "must have clear
added value, dedicated resource (funds and people) and be supported at a
political level to be successful". Conclusion 2 (lines 2240–2243): a policy
framework "at the very least requires an agreement set between parties that
implement cluster development policies". Plugins add their framework's own
rules on top (`corallia/required-field`, ...).
"""

from __future__ import annotations

from typing import Any

from intl_sdk.checks.context import CheckContext, as_decimal, not_given
from intl_sdk.checks.registry import rule
from intl_sdk.findings import Severity

__all__ = ["CORE_CONDITIONS", "POLICY_LEVELS", "UNDER_WAY", "is_policy_agreement"]

#: The statuses at which recommendation 1's conditions must be met.
UNDER_WAY = ("negotiating", "signed")

#: Agreement keys these checks report for every framework once an agreement is
#: under way; a framework's required-field check leaves them alone there.
CORE_CONDITIONS = ("added_value", "sponsor")

#: Party levels taken to implement cluster policy when the agreement's framework
#: is not installed, or declares no levels: the report's "Regional Development
#: Agencies (RDA's) for the most part" (seed 001, lines 2240-2243) and their peers.
POLICY_LEVELS = ("cluster-initiative", "regional-authority", "development-agency", "national-authority")


def is_policy_agreement(ctx: CheckContext, agreement: Any) -> bool:
    """Whether an agreement, not ended, is between at least two parties that implement
    cluster policy: at levels its framework marks `implements_cluster_policy` (or, for a
    framework that is not installed or declares no levels, one of `POLICY_LEVELS`)."""
    if agreement.status == "ended":
        return False
    framework = ctx.frameworks.get(agreement.framework) if isinstance(agreement.framework, str) else None
    if framework is not None and framework.levels:
        implementers = {level.id for level in framework.levels if level.implements_cluster_policy}
    else:
        implementers = set(POLICY_LEVELS)
    return sum(1 for party in agreement.parties if party.level in implementers) >= 2


def _under_way(ctx: CheckContext):
    for index, agreement in enumerate(ctx.plan.agreements):
        if agreement.status in UNDER_WAY:
            yield index, agreement


def _label(agreement: Any, index: int) -> str:
    return repr(agreement.id) if isinstance(agreement.id, str) and agreement.id else f"#{index + 1}"


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _missing(ctx: CheckContext, key: str, says: str, hint: str) -> None:
    for index, agreement in _under_way(ctx):
        value = getattr(agreement, key)
        if _blank(value) and not not_given(agreement, key):
            ctx.report(
                ("agreements", index, key) if value is not None else ("agreements", index),
                f"agreement {_label(agreement, index)} is {agreement.status} but {says}",
                hint,
            )


@rule("agreement-added-value", Severity.WARNING)
def agreement_added_value(ctx: CheckContext) -> None:
    """An agreement under way that does not say its added value.

    ## What it does
    Reports an agreement whose `status` is `negotiating` or `signed`, in any
    framework, with no `added_value` (missing or blank), unless its
    `not_given` records that the source gives none.

    ## Why is this bad?
    Recommendation 1 (seed 001, lines 2261–2265): international cluster
    co-operation "must have clear added value" to succeed. An agreement that
    cannot say what it adds for both sides will not keep their attention once
    it is signed.

    ## Example
    ```toml
    [[agreements]]
    id = "mou-scs"
    status = "signed"
    ```

    ## Use instead
    ```toml
    [[agreements]]
    id = "mou-scs"
    status = "signed"
    added_value = "Shared test facilities for space-technology SMEs in both clusters"
    ```
    """
    _missing(
        ctx,
        "added_value",
        "says no added value",
        'add added_value = "...": what the co-operation brings that neither side has alone (recommendation 1)',
    )


@rule("agreement-resources", Severity.INFO)
def agreement_resources(ctx: CheckContext) -> None:
    """An agreement under way with no dedicated resources: no funds, no staff, no words about either.

    ## What it does
    Reports an agreement whose `status` is `negotiating` or `signed`, in any
    framework, that gives none of: `funds` (money dedicated to it, in the
    budget's currency) above zero, `staff_fte` (people dedicated to it) above
    zero, or `resources` (the same in words), and whose `not_given` does not
    record `resources` (or both `funds` and `staff_fte`). Info by default: a
    framework such as the alliance's Partnership Agreement carries no
    financial commitment by design, and says so in `resources`.

    ## Why is this bad?
    Recommendation 1 (seed 001, lines 2261–2265): co-operation needs
    "dedicated resource (funds and people)". An agreement nobody is paid or
    staffed to carry out stays on paper.

    ## Example
    ```toml
    [[agreements]]
    id = "mou-scs"
    status = "signed"
    ```

    ## Use instead
    ```toml
    [[agreements]]
    id = "mou-scs"
    status = "signed"
    funds = 40_000
    staff_fte = 0.5
    ```
    """
    for index, agreement in _under_way(ctx):
        funds, staff = as_decimal(agreement.funds), as_decimal(agreement.staff_fte)
        if (funds is not None and funds > 0) or (staff is not None and staff > 0) or not _blank(agreement.resources):
            continue
        if not_given(agreement, "resources") or (not_given(agreement, "funds") and not_given(agreement, "staff_fte")):
            continue
        given = [key for key in ("funds", "staff_fte", "resources") if getattr(agreement, key) is not None]
        ctx.report(
            ("agreements", index, given[0]) if given else ("agreements", index),
            f"agreement {_label(agreement, index)} is {agreement.status} but dedicates no resources "
            "(no funds, no staff_fte, no resources)",
            "add funds = AMOUNT and staff_fte = FTE, or say in resources = \"...\" what carries it "
            "(recommendation 1: dedicated funds and people)",
        )


@rule("agreement-sponsor", Severity.WARNING)
def agreement_sponsor(ctx: CheckContext) -> None:
    """An agreement under way with no political sponsor.

    ## What it does
    Reports an agreement whose `status` is `negotiating` or `signed`, in any
    framework, with no `sponsor` (missing or blank), unless its `not_given`
    records that the source gives none.

    ## Why is this bad?
    Recommendation 1 (seed 001, lines 2261–2265): co-operation must "be
    supported at a political level to be successful". Naming the sponsor
    says who answers for the agreement when budgets are set.

    ## Example
    ```toml
    [[agreements]]
    id = "bilateral-states"
    status = "negotiating"
    ```

    ## Use instead
    ```toml
    [[agreements]]
    id = "bilateral-states"
    status = "negotiating"
    sponsor = "Ministry of Development, General Secretariat for Research and Technology"
    ```
    """
    _missing(
        ctx,
        "sponsor",
        "names no political sponsor",
        'add sponsor = "...": who supports it at political level (recommendation 1)',
    )


@rule("no-policy-agreement", Severity.WARNING)
def no_policy_agreement(ctx: CheckContext) -> None:
    """A plan with agreements, none of them between bodies that implement cluster policy.

    ## What it does
    Where a plan has agreements, looks for one (not `ended`, in any framework)
    with at least two parties at levels that implement cluster policy: the
    levels its framework marks so (`intl plugins` lists them), or, where the
    framework is not installed, `cluster-initiative`, `regional-authority`,
    `development-agency` and `national-authority`.

    ## Why is this bad?
    Conclusion 2 (seed 001, lines 2240–2243): a policy framework "at the very
    least requires an agreement set between parties that implement cluster
    development policies e.g. Regional Development Agencies". Agreements
    between companies or governments alone have no such foundation.

    ## Example
    ```toml
    [[agreements]]
    kind = "collaboration"
    parties = [{ name = "SpaceTech SA", level = "cluster-member" }]
    ```

    ## Use instead
    ```toml
    [[agreements]]
    kind = "mou"
    parties = [
        { name = "Northwest Development Agency", level = "development-agency" },
        { name = "Corallia", level = "cluster-initiative" },
    ]
    ```
    """
    agreements = ctx.plan.agreements
    if not agreements or any(is_policy_agreement(ctx, agreement) for agreement in agreements):
        return
    ctx.report(
        ("agreements",),
        "no agreement is between two bodies that implement cluster policy "
        "(regional authorities, development agencies, cluster initiatives)",
        "add an agreement, or complete one's parties, between the bodies that implement cluster "
        "policy on each side (with their levels), e.g. an MoU between two development agencies",
        line_at=("agreements", 0),
    )
