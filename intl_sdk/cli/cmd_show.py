"""`intl show PLAN`: the plan at a glance in the terminal, read-only."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "show",
        help="show a plan in the terminal (read-only)",
        description="Show a plan in the terminal: the strategy, the target regions with their "
        "shares and running total, the actions by region, and the indicators.",
    )
    parser.add_argument("plan", metavar="PLAN", help="the plan file (.toml)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from intl_sdk.cli.plan_view import render_plan_view
    from intl_sdk.reading import load

    plan = load(args.plan)
    console = Console(highlight=False)
    for renderable in render_plan_view(plan):
        console.print(renderable)
    return 0
