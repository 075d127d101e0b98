"""Checks driven by a framework's declaration, for plugins to register under their prefix.

A framework declares, per agreement kind, the party levels it allows, the
fields it requires and the kinds it builds on. These helpers report what a
plan's agreements get wrong against that declaration; a plugin wraps each in
a documented check of its own (`corallia/party-level`, ...).
"""

from __future__ import annotations

from typing import Any

import attrs

from intl_sdk.checks.context import CheckContext, did_you_mean, not_given
from intl_sdk.checks.cooperation import CORE_CONDITIONS, POLICY_LEVELS, UNDER_WAY, is_policy_agreement
from intl_sdk.frameworks import Framework

__all__ = [
    "POLICY_LEVELS",
    "agreement_value",
    "is_empty",
    "is_policy_agreement",
    "report_party_levels",
    "report_prerequisites",
    "report_required_fields",
]

SIGNED = ("signed", "ended")


def agreement_value(agreement: Any, key: str) -> Any:
    """A key of an agreement: a model field, or one of the framework's own keys (in `extra`)."""
    if key in {f.name for f in attrs.fields(type(agreement))} and key != "extra":
        return getattr(agreement, key)
    return agreement.extra.get(key)


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, (str, list, dict, tuple)) and not (value.strip() if isinstance(value, str) else value))


def _label(agreement: Any, index: int) -> str:
    return repr(agreement.id) if isinstance(agreement.id, str) and agreement.id else f"#{index + 1}"


def report_party_levels(ctx: CheckContext, framework: Framework) -> None:
    """A party whose level the framework does not define, or the kind does not allow."""
    known = [level.id for level in framework.levels]
    for index, agreement in ctx.agreements_of(framework.id):
        kind = framework.kind(agreement.kind)
        for position, party in enumerate(agreement.parties):
            level = party.level
            if level is None:
                continue
            where = ("agreements", index, "parties", position, "level")
            if level not in known:
                ctx.report(
                    where,
                    f"agreement {_label(agreement, index)}: party {party.name or position + 1!s} has level {level!r}, "
                    f"which {framework.name} does not define" + did_you_mean(level, known),
                    f"use one of: {', '.join(known)}",
                )
            elif kind is not None and kind.levels and level not in kind.levels:
                ctx.report(
                    where,
                    f"agreement {_label(agreement, index)} is a {kind.name}, which is made at "
                    f"{' or '.join(kind.levels)} level, but party {party.name or position + 1!s} is at {level} level",
                    f"make this a kind made at {level} level, or correct the party's level",
                )


def report_required_fields(ctx: CheckContext, framework: Framework) -> None:
    """A field the agreement's kind requires that is missing or empty (and
    not recorded in the agreement's `not_given`).

    On an agreement under way (negotiating or signed), `added_value` and
    `sponsor` are left to the core's `agreement-added-value` and
    `agreement-sponsor`, which report the same gap for every framework."""
    for index, agreement in ctx.agreements_of(framework.id):
        kind = framework.kind(agreement.kind)
        if kind is None:
            continue
        left_to_core = CORE_CONDITIONS if agreement.status in UNDER_WAY else ()
        missing = [
            key
            for key in kind.required
            if key not in left_to_core and is_empty(agreement_value(agreement, key)) and not not_given(agreement, key)
        ]
        if "parties" in kind.required and "parties" not in missing:
            unnamed = [p for p, party in enumerate(agreement.parties) if is_empty(party.name)]
            if unnamed:
                missing.append(f"name for part{'ies' if len(unnamed) > 1 else 'y'} {', '.join(str(p + 1) for p in unnamed)}")
        if missing:
            ctx.report(
                ("agreements", index, missing[0]) if missing[0] in kind.required else ("agreements", index, "parties"),
                f"agreement {_label(agreement, index)} ({kind.name}) has no {', no '.join(missing)}",
                f"fill in {', '.join(missing)}: {framework.name} requires {'them' if len(missing) > 1 else 'it'} for a {kind.name}",
            )


def report_prerequisites(ctx: CheckContext, framework: Framework, *, same_partner_counts: bool = True) -> None:
    """A kind's prerequisite agreement missing, or not yet signed when this one is under way.

    A prerequisite is an agreement of a kind listed in `builds_on`, named in
    this agreement's `builds_on` or (if `same_partner_counts`) with the same partner.
    """
    agreements = ctx.agreements_of(framework.id)
    by_id = {a.id: a for _, a in agreements if isinstance(a.id, str)}
    for index, agreement in agreements:
        kind = framework.kind(agreement.kind)
        if kind is None or not kind.builds_on:
            continue
        named = [by_id[i] for i in agreement.builds_on if i in by_id]
        partner = (agreement.partner or "").strip().casefold()
        for needed in kind.builds_on:
            needed_kind = framework.kind(needed)
            needed_name = needed_kind.name if needed_kind else needed
            candidates = [a for a in named if a.kind == needed]
            if not candidates and same_partner_counts and partner:
                candidates = [
                    a for _, a in agreements
                    if a is not agreement and a.kind == needed and (a.partner or "").strip().casefold() == partner
                ]
            where = ("agreements", index, "builds_on") if agreement.builds_on else ("agreements", index)
            if not candidates:
                ctx.report(
                    where,
                    f"agreement {_label(agreement, index)} ({kind.name}) builds on no {needed_name}",
                    f"add the {needed_name} it follows to builds_on (or one with the same partner), "
                    f"or start with a {needed_name}",
                )
            elif agreement.status in ("negotiating", "signed") and not any(a.status in SIGNED for a in candidates):
                ids = ", ".join(repr(a.id) for a in candidates)
                ctx.report(
                    where,
                    f"agreement {_label(agreement, index)} ({kind.name}) is {agreement.status}, but the "
                    f"{needed_name} it builds on ({ids}) is not yet signed",
                    f"sign the {needed_name} first: {framework.name} puts it earlier in the order",
                )
