"""What plugins provide: policy frameworks, checks, templates, catalogues, indicator sets.

Plain frozen records, so a plugin's declarations are data the core, the TUI
and the reports can all read: agreement kinds with their tier (their place in
the order), the party levels they allow, the fields they require, and the
kinds they must build on.
"""

from __future__ import annotations

from typing import Callable

from attrs import field, frozen

from intl_sdk.findings import Severity

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


@frozen
class Template:
    """A starter plan `intl new --template ID` writes: TOML text, with comments
    that list what the strategist still has to do."""

    id: str
    title: str
    text: str
    description: str = ""


@frozen
class Activity:
    """An activity a strategist can turn into an action."""

    id: str
    title: str
    pillars: tuple[str, ...] = field(default=(), converter=_tuple)
    description: str = ""


@frozen
class Catalogue:
    """A list of activities from a framework (e.g. Corallia's Priority 2)."""

    id: str
    title: str
    activities: tuple[Activity, ...] = field(converter=_tuple)
    description: str = ""
    source: str = ""


@frozen
class IndicatorTemplate:
    """An indicator a strategist can add, with its unit, direction and measures."""

    id: str
    name: str
    unit: str = ""
    direction: str = "up"
    measures: tuple[str, ...] = field(default=(), converter=_tuple)


@frozen
class IndicatorSet:
    """A set of indicators offered together (e.g. one for each minimum impact measure)."""

    id: str
    title: str
    indicators: tuple[IndicatorTemplate, ...] = field(converter=_tuple)
    description: str = ""


@frozen
class Command:
    """A subcommand a distribution adds to `intl` (as `intl edit`, from intl-tui).

    `configure` adds the command's arguments to its argparse parser; `run`
    takes the parsed arguments and returns the exit status. Keep the module
    that defines them light and import heavy things inside `run`: plugins are
    loaded by every `intl check`.
    """

    name: str
    help: str
    configure: Callable
    run: Callable
    description: str = ""
