"""The alliance's checks, under the prefix `alliance/`."""

from __future__ import annotations

from decimal import Decimal

from intl_sdk.checks.context import CheckContext, did_you_mean, not_given
from intl_sdk.framework_checks import is_empty, report_party_levels

from intl_alliance.framework import ALLIANCE, NOT_COMMITMENTS, OBLIGATIONS, RIGHTS, SIGNATURE_FIELDS


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
    than `self-financing` (one's own participation, an obligation: seed 001,
    line 2316) or `call-co-funding` (co-funding a call, a right: line 2299),
    which are not commitments of the agreement.

    ## Why is this bad?
    The ECA Partnership Agreement is legally non-binding and "does not, for
    both sides, imply any financial commitments" (lines 2289-2290). Money
    promised on it belongs in a separate, binding agreement.

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
    `signatory` table gives the block of Appendix 1 (seed 001, lines
    2318-2322): the authorised `person`, the `organisation`, the `position`,
    the `signature` itself (where the signed copy is, or `true`), the
    `address` (or email) and the `date` (the agreement's `signed` date counts
    for the date).

    ## Why is this bad?
    The signature block is what makes the agreement attributable: who signed,
    for whom, in what capacity, and when; without the signature, it is not
    signed at all.

    ## Example
    ```toml
    status = "signed"
    signatory = { person = "A. Person" }
    ```

    ## Use instead
    ```toml
    status = "signed"
    signatory = { person = "A. Person", organisation = "Corallia", position = "Director", signature = "scanned copy in the shared drive", address = "info@corallia.example", date = 2009-05-12 }
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
            if (is_empty(block.get(key)) or block.get(key) is False)
            and not (key == "date" and agreement.signed is not None)
            and not not_given(agreement, f"signatory.{key}")
        ]
        if missing:
            where = ("agreements", index, "signatory") if "signatory" in agreement.extra else ("agreements", index, "status")
            ctx.report(
                where,
                f"signed partnership agreement {agreement.id or index + 1!s} lacks the signatory's {', '.join(missing)}",
                "complete signatory = { person, organisation, position, signature, address, date }",
            )


def legally_binding(ctx: CheckContext) -> None:
    """A Partnership Agreement recorded as legally binding.

    ## What it does
    Reports a partnership agreement with `legally_binding = true`.

    ## Why is this bad?
    "The ECA Partnership Agreement is a legally non-binding document" (seed
    001, lines 2289-2290): a Memorandum of Understanding that expresses the
    willingness to work together. An agreement that binds its parties is
    another agreement, and belongs under another framework or kind.

    ## Example
    ```toml
    kind = "partnership"
    legally_binding = true
    ```

    ## Use instead
    ```toml
    kind = "partnership"
    legally_binding = false   # or leave the key out
    ```
    """
    for index, agreement in _partnerships(ctx):
        if agreement.extra.get("legally_binding") is True:
            ctx.report(
                ("agreements", index, "legally_binding"),
                f"partnership agreement {agreement.id or index + 1!s} is recorded as legally binding; "
                "Appendix 1 makes it a legally non-binding document",
                "set legally_binding = false (or leave it out); record binding terms in a separate agreement",
            )


def term_outside_appendix(ctx: CheckContext) -> None:
    """A right or obligation that Appendix 1 does not list.

    ## What it does
    Reports an entry of a partnership agreement's `rights` or `obligations`
    that is not one of the appendix's: rights `participate-work-areas`,
    `events`, `calls`, `intranet`, `results` (seed 001, lines 2294-2303);
    obligations `support-objectives`, `invite-partners`, `report-activities`,
    `inform-partners`, `self-finance` (lines 2305-2316). A near miss gets a
    "did you mean"; a right listed as an obligation (or the reverse) is
    named as such.

    ## Why is this bad?
    Every partner signs the same agreement: a right or obligation of one's
    own is not part of it, and a misspelt one is not acknowledged.

    ## Example
    ```toml
    rights = ["events", "voting"]
    obligations = ["self-financing"]
    ```

    ## Use instead
    ```toml
    rights = ["events"]
    obligations = ["self-finance"]
    ```
    """
    lists = {"rights": RIGHTS, "obligations": OBLIGATIONS}
    for index, agreement in _partnerships(ctx):
        for key, allowed in lists.items():
            listed = agreement.extra.get(key)
            for position, term in enumerate(listed if isinstance(listed, list) else []):
                if term in allowed:
                    continue
                other = "obligations" if key == "rights" else "rights"
                if term in lists[other]:
                    why = f"is one of the appendix's {other}, not its {key}"
                else:
                    why = f"is not among the appendix's {key}" + did_you_mean(str(term), allowed)
                ctx.report(
                    ("agreements", index, key, position),
                    f"partnership agreement {agreement.id or index + 1!s}: {key[:-1]} {term!r} {why}",
                    f"use the appendix's {key}: {', '.join(allowed)}",
                )


def party_level(ctx: CheckContext) -> None:
    """A party that is not of a kind that signs the Partnership Agreement.

    ## What it does
    Reports a party whose `level` is not one the agreement is signed at:
    `cluster-initiative` (the agreement is "for cluster initiatives
    associated to the European Cluster Alliance", seed 001, line 2286) or a
    public organisation that develops or manages cluster policies, the
    alliance's associate members (lines 350-355): `regional-authority`,
    `development-agency`, `national-authority`.

    ## Why is this bad?
    The agreement's rights and obligations are written for cluster
    initiatives and policy bodies; a company or a cluster member takes part
    through its cluster initiative.

    ## Example
    ```toml
    parties = [{ name = "SpaceTech SA", level = "cluster-member" }]
    ```

    ## Use instead
    ```toml
    parties = [{ name = "Corallia", level = "cluster-initiative" }]
    ```
    """
    report_party_levels(ctx, ALLIANCE)


def obligations_unacknowledged(ctx: CheckContext) -> None:
    """A Partnership Agreement that does not list all five obligations.

    ## What it does
    Reports a partnership agreement whose `obligations` list leaves out any
    of the five obligations of Appendix 1: `support-objectives`,
    `invite-partners`, `report-activities`, `inform-partners`, `self-finance`.

    ## Why is this bad?
    The agreement is a balance of rights and obligations (seed 001, lines
    2294-2316); a partner that claims the rights should acknowledge all the
    obligations, in particular to self-finance its participation.

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
    ("alliance/legally-binding", "error", legally_binding),
    ("alliance/financial-commitment", "error", financial_commitment),
    ("alliance/party-level", "error", party_level),
    ("alliance/term-outside-appendix", "warning", term_outside_appendix),
    ("alliance/signature-incomplete", "error", signature_incomplete),
    ("alliance/obligations-unacknowledged", "info", obligations_unacknowledged),
)
