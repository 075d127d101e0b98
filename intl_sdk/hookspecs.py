"""The hooks a plugin implements, with `from intl_sdk import hookimpl`.

A plugin is a module (or object) registered through an entry point in the
group `intl_sdk`:

    [project.entry-points.intl_sdk]
    corallia = "intl_corallia"

Every hook takes no arguments and returns a list; each is called once, when
the plugins are first needed, and the results are kept. A hook that raises or
returns something else is reported as a `plugin-error` finding and skipped;
the other plugins still run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from intl_sdk.frameworks import Catalogue, Check, Command, Framework, IndicatorSet, Template

hookspec = pluggy.HookspecMarker("intl_sdk")
hookimpl = pluggy.HookimplMarker("intl_sdk")

__all__ = ["hookimpl", "hookspec"]


@hookspec
def intl_frameworks() -> list[Framework]:
    """Return the policy frameworks this plugin defines.

    A plan uses a framework by listing its `id` in `frameworks`; its
    agreements name the framework and one of its `kinds`. Ids are unique
    across installed plugins (by convention the plugin's distribution is
    `intl-<id>`).
    """


@hookspec
def intl_checks() -> list[Check]:
    """Return extra checks. Each code carries the plugin's prefix
    (`corallia/prerequisite`); `intl explain CODE` shows its docs, and a plan
    can ignore it or change its severity like a core code. A check function
    takes a `CheckContext` and calls `context.report(...)`."""


@hookspec
def intl_templates() -> list[Template]:
    """Return starter plans for `intl new --template ID` and the TUI's new plan."""


@hookspec
def intl_catalogues() -> list[Catalogue]:
    """Return activity catalogues that templates and the TUI offer as actions."""


@hookspec
def intl_indicator_sets() -> list[IndicatorSet]:
    """Return indicator sets that templates and the TUI offer."""


@hookspec
def intl_commands() -> list[Command]:
    """Return subcommands of `intl` (as llm's and datasette's `register_commands`).

    The editor (`intl edit`, from intl-tui) comes this way. A command may not
    take a core command's name or another plugin's; `intl --help` lists them,
    and `intl NAME` builds only that command's parser.
    """
