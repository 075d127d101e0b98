"""What plugins provide: policy frameworks, checks, templates, catalogues, indicator sets.

Plain frozen records, so a plugin's declarations are data the core, the TUI
and the reports can all read: agreement kinds with their tier (their place in
the order), the party levels they allow, the fields they require, and the
kinds they must build on. The records only authoring tools read (`Template`,
`Activity`, `Catalogue`, `IndicatorTemplate`, `IndicatorSet`, `Command`) are
defined in `intl_sdk._authoring` on first use, so that `intl check` does not
pay for them; import them from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from attrs import field, frozen

from intl_sdk.findings import Severity

if TYPE_CHECKING:
    from intl_sdk._authoring import Activity, Catalogue, Command, IndicatorSet, IndicatorTemplate, Template

__all__ = [
    "Activity",
    "AgreementKind",
    "Catalogue",
    "Check",
    "Command",
    "Framework",
    "IndicatorSet",
    "IndicatorTemplate",
    "PartyLevel",
    "Template",
]


def _tuple(value) -> tuple:
    return tuple(value)


@frozen
class PartyLevel:
    """A level a party to an agreement acts at (cluster initiative, government...)."""

    id: str
    name: str
    description: str = ""
    #: Bodies that implement cluster policy (regional authorities, development agencies...).
    implements_cluster_policy: bool = False


@frozen
class AgreementKind:
    """A kind of agreement in a framework, with its place in the framework's order."""

    id: str
    name: str
    #: Its place in the framework's order: 1 comes first (an MoU before a bilateral agreement).
    tier: int
    #: Ids of the party levels allowed on this kind; empty allows any level.
    levels: tuple[str, ...] = field(default=(), converter=_tuple)
    #: Agreement keys that must not be empty (model keys or the framework's own).
    required: tuple[str, ...] = field(default=(), converter=_tuple)
    #: Kinds of agreement this one must build on (each must exist, and be signed once this one is).
    builds_on: tuple[str, ...] = field(default=(), converter=_tuple)
    description: str = ""


@frozen
class Framework:
    """A regional policy framework for partnership agreements."""

    id: str
    name: str
    kinds: tuple[AgreementKind, ...] = field(converter=_tuple)
    levels: tuple[PartyLevel, ...] = field(default=(), converter=_tuple)
    description: str = ""
    source: str = ""

    def kind(self, kind_id: str | None) -> AgreementKind | None:
        return next((kind for kind in self.kinds if kind.id == kind_id), None)

    def level(self, level_id: str | None) -> PartyLevel | None:
        return next((level for level in self.levels if level.id == level_id), None)

    def tier_of(self, kind_id: str | None) -> int:
        """The kind's tier, or one past the last for a kind the framework does not know."""
        kind = self.kind(kind_id)
        return kind.tier if kind else max((k.tier for k in self.kinds), default=0) + 1


@frozen
class Check:
    """A plugin's check: a prefixed code (`corallia/prerequisite`), its default
    severity, and a function of a `CheckContext`. The docs come from `docs`, or
    else the function's docstring: a summary line, then the sections
    `## What it does`, `## Why is this bad?`, `## Example`, `## Use instead`."""

    code: str
    severity: Severity = field(converter=Severity)
    function: Callable
    docs: str | None = None


#: Defined in `intl_sdk._authoring`, imported when first asked for.
_AUTHORING = frozenset(("Activity", "Catalogue", "Command", "IndicatorSet", "IndicatorTemplate", "Template"))


def __getattr__(name: str) -> Any:
    if name in _AUTHORING:
        from intl_sdk import _authoring

        return getattr(_authoring, name)
    raise AttributeError(f"module 'intl_sdk.frameworks' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _AUTHORING)
