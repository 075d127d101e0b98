"""`intl edit PLAN`: open the plan in the terminal editor (the intl-tui distribution)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "edit",
        help="edit a plan in the terminal editor (checks as you type)",
        description="Open PLAN in the terminal editor: tabs for the strategy, regions, actions, "
        "indicators and agreements, and the findings as you type. A PLAN that does not exist "
        "yet is started from a template. Needs the intl-tui distribution.",
    )
    parser.add_argument("plan", metavar="PLAN", help="the plan file (.toml)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import importlib.util
    import sys

    if importlib.util.find_spec("intl_tui") is None:
        print("intl edit: the editor is not installed; install it with: pip install intl-tui", file=sys.stderr)
        return 2
    from intl_tui import run as run_editor

    return run_editor(args.plan)
