"""What the Montreal checks share: the plan's section, its date, and where to point."""

from __future__ import annotations

import datetime as _dt

from typing import TYPE_CHECKING

from intl_sdk.checks.context import CheckContext

if TYPE_CHECKING:
    from intl_montreal.governance import Governance

__all__ = ["as_of", "mistyped", "section", "section_place"]


def section(ctx: CheckContext, *, even_if_not_a_table: bool = False) -> "Governance | None":
    """The section, when the plan uses the framework and has one (a table,
    unless `even_if_not_a_table`: that is montreal/governance-invalid's to say)."""
    if "montreal" not in ctx.plan.frameworks:
        return None
    if not even_if_not_a_table and not isinstance(ctx.plan.extra.get("governance"), dict):
        return None
    from intl_montreal.governance import read_governance  # here: only plans that use the framework need it

    governance = read_governance(ctx.plan)
    return governance if governance.present else None


def as_of(ctx: CheckContext) -> _dt.date:
    """The plan's `as_of`; today only when the plan has none."""
    day = getattr(ctx.plan, "as_of", None)
    return day if isinstance(day, _dt.date) else _dt.date.today()


def mistyped(ctx: CheckContext, governance: "Governance", key: str) -> bool:
    """Whether the section has `key` but of a type montreal/governance-invalid reports."""
    return key in ctx.plan.extra["governance"] and key not in governance.text and key not in governance.tables


def section_place(ctx: CheckContext, key: str | None = None) -> tuple:
    """The key's place when the section has it, else the section's header."""
    return ("governance", key) if key and key in ctx.plan.extra["governance"] else ("governance",)
