"""Corallia's checks, under the prefix `corallia/`."""

from __future__ import annotations

from intl_sdk.checks.context import CheckContext
from intl_sdk.framework_checks import report_party_levels, report_prerequisites, report_required_fields

from intl_corallia.framework import CORALLIA


def prerequisite(ctx: CheckContext) -> None:
    """An agreement whose earlier tier is missing, or not yet signed.

    ## What it does
    A collaboration agreement must follow an MoU, and a bilateral agreement
    both an MoU and a collaboration agreement (and a ratification its MoU):
    named in `builds_on`, or with the same `partner`. Reports a missing
    prerequisite, and one that is not yet signed (or ended) while the
    agreement that builds on it is `negotiating` or `signed`.

    ## Why is this bad?
    Corallia's Priority 1 is a ladder: the MoU between cluster initiatives
    comes first, industry co-operation follows it, and a state-level
    agreement builds on both. Skipping a rung leaves the later agreement
    without the framework that governs it.

    ## Example
    ```toml
    [[agreements]]
    id = "collab-scs"
    framework = "corallia"
    kind = "collaboration"
    status = "signed"
    builds_on = ["mou-scs"]    # the MoU is still a draft
    ```

    ## Use instead
    ```toml
    [[agreements]]
    id = "mou-scs"
    framework = "corallia"
    kind = "mou"
    status = "signed"
    ```
    """
    report_prerequisites(ctx, CORALLIA)


def party_level(ctx: CheckContext) -> None:
    """A party whose level does not fit the agreement's kind.

    ## What it does
    Reports a party whose `level` Corallia does not define, or that the
    agreement's kind is not made at: an MoU (and its ratification) at
    `cluster-initiative` level or between the bodies that implement cluster
    policy (`regional-authority`, `development-agency`); a collaboration
    agreement at `cluster-member` level; a bilateral agreement at `government` level.

    ## Why is this bad?
    Each tier binds a different kind of party: an MoU signed by a company is
    really a collaboration agreement, and a government cannot sign for its
    cluster's members.

    ## Example
    ```toml
    kind = "collaboration"
    parties = [{ name = "Corallia", level = "cluster-initiative" }]
    ```

    ## Use instead
    ```toml
    kind = "collaboration"
    parties = [{ name = "SpaceTech SA", level = "cluster-member" }]
    ```
    """
    report_party_levels(ctx, CORALLIA)


def required_field(ctx: CheckContext) -> None:
    """An agreement without a field its kind requires.

    ## What it does
    Reports empty or missing fields that the kind requires: for an MoU
    `parties`, `added_value` and `thematic_areas`; for a collaboration
    agreement `parties` and `added_value`; for a bilateral agreement
    `parties`, `resources` and `sponsor`. Where `parties` is required, each
    party needs a `name`. (A missing `partner` is the core's `missing-field`.)

    ## Why is this bad?
    International co-operation needs clear added value, dedicated resources
    and political support (recommendation 1); an MoU needs the thematic
    (technological) areas it covers.

    ## Example
    ```toml
    kind = "mou"
    added_value = ""
    ```

    ## Use instead
    ```toml
    kind = "mou"
    added_value = "Shared services for space-technology SMEs in both clusters"
    thematic_areas = ["space technologies", "microelectronics"]
    ```
    """
    report_required_fields(ctx, CORALLIA)


def no_policy_agreement(ctx: CheckContext) -> None:
    """No agreement between bodies that implement cluster policy.

    ## What it does
    Where a plan uses Corallia, looks for an agreement under it with at least
    two parties whose levels implement cluster policy (`cluster-initiative`,
    `regional-authority`, `development-agency`). An MoU between two cluster
    initiatives meets it.

    ## Why is this bad?
    At the very least, a policy framework needs an agreement between the
    parties that implement cluster development policy; without one, every
    later agreement lacks its foundation.

    ## Example
    ```toml
    frameworks = ["corallia"]
    # only a collaboration agreement between companies
    ```

    ## Use instead
    ```toml
    [[agreements]]
    kind = "mou"
    parties = [
        { name = "Corallia", level = "cluster-initiative" },
        { name = "Scottish Space Cluster", level = "cluster-initiative" },
    ]
    ```
    """
    if "corallia" not in ctx.plan.frameworks:
        return
    implementers = {level.id for level in CORALLIA.levels if level.implements_cluster_policy}
    for _, agreement in ctx.agreements_of("corallia"):
        if sum(1 for party in agreement.parties if party.level in implementers) >= 2:
            return
    ctx.report(
        ("frameworks", ctx.plan.frameworks.index("corallia")),
        "no Corallia agreement is between two bodies that implement cluster policy "
        "(cluster initiatives, regional authorities, development agencies)",
        "add an MoU whose parties are two cluster initiatives (or authorities, agencies)",
    )


def ratification_without_action(ctx: CheckContext) -> None:
    """A ratification of an MoU that names no specific action.

    ## What it does
    Reports a `ratification` agreement whose `actions` list is empty, or
    names ids that are not among the plan's actions.

    ## Why is this bad?
    An MoU is ratified, case by case, precisely to extend it to specific
    actions (e.g. a joint project); a ratification that names none changes
    nothing and cannot be followed up.

    ## Example
    ```toml
    kind = "ratification"
    builds_on = ["mou-scs"]
    ```

    ## Use instead
    ```toml
    kind = "ratification"
    builds_on = ["mou-scs"]
    actions = ["joint-satellite-project"]
    ```
    """
    action_ids = {action.id for action in ctx.plan.actions}
    for index, agreement in ctx.agreements_of("corallia"):
        if agreement.kind != "ratification":
            continue
        named = agreement.extra.get("actions")
        if not isinstance(named, list) or not named:
            ctx.report(
                ("agreements", index),
                f"ratification {agreement.id or index + 1!s} names no specific action",
                'list the plan\'s actions it extends the MoU to: actions = ["..."]',
            )
            continue
        unknown = [a for a in named if a not in action_ids]
        if unknown:
            ctx.report(
                ("agreements", index, "actions"),
                f"ratification {agreement.id or index + 1!s} names actions the plan does not have: "
                + ", ".join(repr(a) for a in unknown),
                "use the ids of the plan's [[actions]]",
            )


CHECKS = (
    ("corallia/prerequisite", "error", prerequisite),
    ("corallia/party-level", "error", party_level),
    ("corallia/required-field", "warning", required_field),
    ("corallia/no-policy-agreement", "warning", no_policy_agreement),
    ("corallia/ratification-without-action", "warning", ratification_without_action),
)
