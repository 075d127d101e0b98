"""The alliance's checks, under the prefix `alliance/`."""

from __future__ import annotations

from decimal import Decimal

from intl_sdk.checks.context import CheckContext
from intl_sdk.framework_checks import is_empty

from intl_alliance.framework import NOT_COMMITMENTS, OBLIGATIONS, SIGNATURE_FIELDS


def _partnerships(ctx: CheckContext):
    return [(i, a) for i, a in ctx.agreements_of("alliance") if a.kind == "partnership"]


def _committed(value) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, Decimal, float)):
        return value != 0
    return not is_empty(value)


def financial_commitment(ctx: CheckContext) -> None:
    """A financial commitment recorded on a Partnership Agreement.

    ## What it does
    Reports a partnership agreement with a `financial_commitment` (true, an
    amount, or a description), or a `funding` entry whose `purpose` is other
    than `self-financing` (one's own participation) or `call-co-funding`
    (co-funding a call), which are not commitments of the agreement.

    ## Why is this bad?
    The ECA Partnership Agreement is legally non-binding and "does not, for
    both sides, imply any financial commitments". Money promised on it
    belongs in a separate, binding agreement.

    ## Example
    ```toml
    funding = [{ purpose = "membership-fee", amount = 5000, currency = "EUR" }]
    ```

    ## Use instead
    ```toml
    funding = [{ purpose = "self-financing", amount = 5000, currency = "EUR" }]
    ```
    """
    for index, agreement in _partnerships(ctx):
        if _committed(agreement.extra.get("financial_commitment")):
            ctx.report(
                ("agreements", index, "financial_commitment"),
                f"partnership agreement {agreement.id or index + 1!s} records a financial commitment",
                "the ECA Partnership Agreement implies none: record the money in a separate agreement",
            )
        funding = agreement.extra.get("funding")
        for position, entry in enumerate(funding if isinstance(funding, list) else []):
            purpose = entry.get("purpose") if isinstance(entry, dict) else None
            if purpose not in NOT_COMMITMENTS:
                ctx.report(
                    ("agreements", index, "funding", position),
                    f"partnership agreement {agreement.id or index + 1!s} records funding for "
                    f"{purpose!r}, a financial commitment",
                    f"only {' and '.join(NOT_COMMITMENTS)} go on this agreement; record the rest separately",
                )


def signature_incomplete(ctx: CheckContext) -> None:
    """A signed Partnership Agreement with an incomplete signature block.

    ## What it does
    For each partnership agreement with `status = "signed"`, checks that its
    `signatory` table gives the authorised `person`, the `organisation`, the
    `position`, the `address` (or email) and the `date` (the agreement's
    `signed` date counts for the date).

    ## Why is this bad?
    The signature block is what makes the agreement attributable: who signed,
    for whom, in what capacity, and when.

    ## Example
    ```toml
    status = "signed"
    signatory = { person = "A. Person" }
    ```

    ## Use instead
    ```toml
    status = "signed"
    signatory = { person = "A. Person", organisation = "Corallia", position = "Director", address = "info@corallia.example", date = 2009-05-12 }
    ```
    """
    for index, agreement in _partnerships(ctx):
        if agreement.status != "signed":
            continue
        block = agreement.extra.get("signatory")
        block = block if isinstance(block, dict) else {}
        missing = [
            label
            for key, label in SIGNATURE_FIELDS.items()
            if is_empty(block.get(key)) and not (key == "date" and agreement.signed is not None)
        ]
        if missing:
            where = ("agreements", index, "signatory") if "signatory" in agreement.extra else ("agreements", index, "status")
            ctx.report(
                where,
                f"signed partnership agreement {agreement.id or index + 1!s} lacks the signatory's {', '.join(missing)}",
                "complete signatory = { person, organisation, position, address, date }",
            )


def obligations_unacknowledged(ctx: CheckContext) -> None:
    """A Partnership Agreement that does not list all five obligations.

    ## What it does
    Reports a partnership agreement whose `obligations` list leaves out any
    of the five obligations of Appendix 1: `support-objectives`,
    `invite-partners`, `report-activities`, `inform-partners`, `self-finance`.

    ## Why is this bad?
    The agreement is a balance of rights and obligations; a partner that
    claims the rights should acknowledge all the obligations, in particular
    to self-finance its participation.

    ## Example
    ```toml
    obligations = ["support-objectives"]
    ```

    ## Use instead
    ```toml
    obligations = ["support-objectives", "invite-partners", "report-activities", "inform-partners", "self-finance"]
    ```
    """
    for index, agreement in _partnerships(ctx):
        listed = agreement.extra.get("obligations")
        listed = listed if isinstance(listed, list) else []
        missing = [key for key in OBLIGATIONS if key not in listed]
        if missing:
            where = ("agreements", index, "obligations") if "obligations" in agreement.extra else ("agreements", index)
            ctx.report(
                where,
                f"partnership agreement {agreement.id or index + 1!s} does not acknowledge: {', '.join(missing)}",
                "list all five obligations in obligations = [...]",
            )


CHECKS = (
    ("alliance/financial-commitment", "error", financial_commitment),
    ("alliance/signature-incomplete", "error", signature_incomplete),
    ("alliance/obligations-unacknowledged", "info", obligations_unacknowledged),
)
