"""Corallia's checks, under the prefix `corallia/`."""

from __future__ import annotations

from intl_sdk.checks.context import CheckContext
from intl_sdk.framework_checks import (
    is_policy_agreement,
    report_party_levels,
    report_prerequisites,
    report_required_fields,
)

from intl_corallia.framework import COLLABORATION_MAINLY, CORALLIA


def prerequisite(ctx: CheckContext) -> None:
    """An agreement whose earlier tier is missing, or not yet signed.

    ## What it does
    A collaboration agreement follows an MoU, and a bilateral agreement both
    an MoU and a collaboration agreement (and a ratification its MoU): named
    in `builds_on`, or with the same `partner`. Reports a missing
    prerequisite, and one that is not yet signed (or ended) while the
    agreement that builds on it is `negotiating` or `signed`. A warning: the
    report encourages the order, it does not require it (seed 001: "it is
    encouraged that alliances are directly supported", line 1378; policy
    support "can be drawn from a Bi-lateral Agreement", lines 1386-1387).

    ## Why is this bad?
    Corallia's Priority 1 is a ladder: the MoU between cluster initiatives
    comes first, industry co-operation follows it, and a state-level
    agreement builds on both (lines 1345-1354). Skipping a rung leaves the
    later agreement without the framework that governs it.

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
    policy (`regional-authority`, `development-agency`; seed 001, lines
    1362-1368); a bilateral agreement at `government` level (line 1387). A
    collaboration agreement's parties are mainly cluster members: others are
    `corallia/collaboration-party`, an info.

    ## Why is this bad?
    Each tier binds a different kind of party: an MoU signed by a company is
    really a collaboration agreement, and a cluster initiative cannot sign a
    state-level agreement.

    ## Example
    ```toml
    kind = "bilateral"
    parties = [{ name = "Corallia", level = "cluster-initiative" }]
    ```

    ## Use instead
    ```toml
    kind = "bilateral"
    parties = [{ name = "Greece", level = "government" }]
    ```
    """
    report_party_levels(ctx, CORALLIA)


def collaboration_party(ctx: CheckContext) -> None:
    """A collaboration agreement with a party that is not a cluster member.

    ## What it does
    Notes each party of a `collaboration` agreement whose `level` is not
    `cluster-member`.

    ## Why is this bad?
    It need not be: the report supports alliances "among (mainly) industrial
    members, via a dedicated Collaboration Agreement" (seed 001, line 1379),
    peers that "speak the same language". A cluster initiative or a
    university on it may be right; the note asks whether it belongs on the
    MoU instead.

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
    known = {level.id for level in CORALLIA.levels}
    for index, agreement in ctx.agreements_of("corallia"):
        if agreement.kind != "collaboration":
            continue
        for position, party in enumerate(agreement.parties):
            if party.level is None or party.level in COLLABORATION_MAINLY or party.level not in known:
                continue  # an unknown level is corallia/party-level's
            ctx.report(
                ("agreements", index, "parties", position, "level"),
                f"collaboration agreement {agreement.id or index + 1!s} has party "
                f"{party.name or position + 1!s} at {party.level} level; the report has these mainly "
                "between industrial members",
                "keep it if it belongs there; a cluster initiative's commitments usually go on the MoU",
            )


def required_field(ctx: CheckContext) -> None:
    """An agreement without a field its kind requires.

    ## What it does
    Reports empty or missing fields that the kind requires: for an MoU
    `parties` and `added_value`; for a collaboration agreement `parties` and
    `added_value`; for a bilateral agreement `parties`, `resources` and
    `sponsor`. Where `parties` is required, each party needs a `name`. A key
    the agreement lists in `not_given` (the source names no sponsor) is not
    asked for. (A missing `partner` is the core's `missing-field`.) What an
    MoU defines (cluster priorities, thematic areas, rules of engagement,
    communication guidelines; seed 001, lines 1369-1372) has optional keys
    of its own: the report calls an MoU "general and flexible".

    ## Why is this bad?
    International co-operation needs clear added value, dedicated resources
    and political support (recommendation 1).

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
    """A plan on Corallia's framework whose Corallia agreements start with no policy agreement.

    ## What it does
    Where a plan uses Corallia, looks for a Corallia agreement (not `ended`)
    with at least two parties whose levels implement cluster policy
    (`cluster-initiative`, `regional-authority`, `development-agency`); an
    MoU between two cluster initiatives meets it. It adds two cases to the
    core's `no-policy-agreement`, which asks the same of any framework's
    agreements once a plan has some: a plan that uses Corallia but has no
    agreement yet, and one whose only policy agreement is under another
    framework. Where the core's check reports the gap, this one says nothing.

    ## Why is this bad?
    "At the very least", a policy framework "requires an agreement set
    between parties that implement cluster development policies, e.g.
    Regional Authorities, Development Agencies" (seed 001, lines 1362-1364).
    In Corallia's case that agreement is between cluster initiatives and
    "encouraged to take the form of a Memorandum of Understanding" (lines
    1365-1369): the first rung of its ladder, which every later Corallia
    agreement builds on.

    ## Example
    ```toml
    frameworks = ["corallia", "alliance"]
    # the only policy agreement is the alliance's partnership
    ```

    ## Use instead
    ```toml
    [[agreements]]
    framework = "corallia"
    kind = "mou"
    parties = [
        { name = "Corallia", level = "cluster-initiative" },
        { name = "Scottish Space Cluster", level = "cluster-initiative" },
    ]
    ```
    """
    if "corallia" not in ctx.plan.frameworks:
        return
    own = ctx.agreements_of("corallia")
    if any(is_policy_agreement(ctx, agreement) for _, agreement in own):
        return
    agreements = ctx.plan.agreements
    if agreements and not any(is_policy_agreement(ctx, agreement) for agreement in agreements):
        return  # the core's no-policy-agreement reports it, for every framework
    if not own:
        message = "the plan uses Corallia's framework but has no Corallia agreement yet"
    else:
        message = (
            "no Corallia agreement is between two bodies that implement cluster policy "
            "(the plan's policy agreement is under another framework)"
        )
    ctx.report(
        ("frameworks", ctx.plan.frameworks.index("corallia")),
        message,
        "start Corallia's ladder with an MoU whose parties are two cluster initiatives (or authorities, agencies)",
    )


def ratification_without_action(ctx: CheckContext) -> None:
    """A ratification of an MoU that names no specific action.

    ## What it does
    Reports a `ratification` agreement whose `actions` list is empty, or
    names ids that are not among the plan's actions.

    ## Why is this bad?
    An MoU is ratified, case by case, precisely to extend it to specific
    actions (e.g. a project undertaking; seed 001, lines 1374-1376); a
    ratification that names none changes nothing and cannot be followed up.

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
    ("corallia/prerequisite", "warning", prerequisite),
    ("corallia/party-level", "error", party_level),
    ("corallia/collaboration-party", "info", collaboration_party),
    ("corallia/required-field", "warning", required_field),
    ("corallia/no-policy-agreement", "warning", no_policy_agreement),
    ("corallia/ratification-without-action", "warning", ratification_without_action),
)
