"""intl-tui's plugin: it adds `intl edit` to the command line through the
`intl_commands` hook. Light on purpose: every `intl check` imports it, and
Textual is imported only when the editor runs."""

from __future__ import annotations

import argparse

from intl_sdk import hookimpl
from intl_sdk.frameworks import Command


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", metavar="PLAN", help="the plan file (.toml)")


def run(args: argparse.Namespace) -> int:
    from intl_tui import run as run_editor

    return run_editor(args.plan)


@hookimpl
def intl_commands() -> list[Command]:
    return [
        Command(
            "edit",
            help="edit a plan in the terminal editor (checks as you type)",
            description="Open PLAN in the terminal editor: tabs for the strategy, regions, actions, "
            "indicators and agreements, and the findings as you type. A PLAN that does not exist "
            "yet is started from a template.",
            configure=configure,
            run=run,
        )
    ]
