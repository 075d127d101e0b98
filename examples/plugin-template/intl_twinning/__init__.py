"""intl-twinning: an example intl-sdk plugin with one framework and one check."""

from __future__ import annotations

from intl_sdk import hookimpl
from intl_sdk.checks.context import CheckContext
from intl_sdk.frameworks import AgreementKind, Check, Framework, PartyLevel

TWINNING = Framework(
    id="twinning",
    name="Regional twinning",
    description="A letter of intent between two regions, then a twinning agreement that builds on it.",
    levels=(
        PartyLevel("regional-authority", "Regional authority", implements_cluster_policy=True),
        PartyLevel("municipality", "Municipality"),
    ),
    kinds=(
        AgreementKind("letter-of-intent", "Letter of intent", tier=1, levels=("regional-authority", "municipality")),
        AgreementKind(
            "twinning",
            "Twinning agreement",
            tier=2,
            levels=("regional-authority", "municipality"),
            builds_on=("letter-of-intent",),
        ),
    ),
)


def no_sponsor(ctx: CheckContext) -> None:
    """A signed twinning agreement without a political sponsor.

    ## What it does
    Reports a `twinning` agreement whose `status` is `signed` and whose
    `sponsor` is missing or empty.

    ## Why is this bad?
    Co-operation between regions needs support at political level
    (recommendation 1); a twinning nobody sponsors rarely outlives its signing.

    ## Example
    ```toml
    kind = "twinning"
    status = "signed"
    ```

    ## Use instead
    ```toml
    kind = "twinning"
    status = "signed"
    sponsor = "The regional president"
    ```
    """
    for index, agreement in ctx.agreements_of("twinning"):
        if agreement.kind == "twinning" and agreement.status == "signed" and not (agreement.sponsor or "").strip():
            ctx.report(
                ("agreements", index),
                f"twinning agreement {agreement.id} is signed but has no political sponsor",
                'add sponsor = "..." naming who supports it at political level',
            )


@hookimpl
def intl_frameworks():
    return [TWINNING]


@hookimpl
def intl_checks():
    return [Check("twinning/no-sponsor", "warning", no_sponsor)]
