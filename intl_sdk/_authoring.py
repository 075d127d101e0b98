"""The records only authoring tools read: templates, activity catalogues,
indicator sets and commands (see `intl_sdk.frameworks`, which provides them).

Kept apart from the frameworks and checks that every `intl check` builds: each
attrs class costs its definition at import, and a check needs none of these.
`intl_sdk.frameworks` imports this module the first time one of them is asked for.
"""

from __future__ import annotations

from typing import Callable

from attrs import field, frozen

from intl_sdk.frameworks import _tuple

__all__ = ["Activity", "Catalogue", "Command", "IndicatorSet", "IndicatorTemplate", "Template"]


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
