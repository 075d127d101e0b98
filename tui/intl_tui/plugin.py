"""intl-tui's plugin: it adds `intl edit` to the command line through the
`intl_commands` hook. Light on purpose: every `intl check` imports it, and
Textual is imported only when the editor runs."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from intl_sdk import hookimpl

if TYPE_CHECKING:
    from intl_sdk.frameworks import Command


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number (1 to 65535)")
    return port


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", metavar="PLAN", help="the plan file (.toml), or a folder: its plans listed, Enter opens one")
    parser.add_argument(
        "--web",
        action="store_true",
        help="serve the editor to a browser on this machine (http://127.0.0.1:PORT) instead of the terminal; Ctrl+C stops it",
    )
    parser.add_argument("--port", type=_port, default=8000, help="the port for --web (default 8000)")


def run(args: argparse.Namespace) -> int:
    import os

    if os.path.isdir(args.plan):
        if args.web:
            import sys

            print("intl edit: error: --web opens one plan, not a folder", file=sys.stderr)
            return 2
        from intl_tui.screens.portfolio import run_folder

        return run_folder(args.plan)
    if args.web:
        import os

        import intl_sdk

        if os.path.exists(args.plan):
            intl_sdk.load(args.plan)  # a plan that cannot be read is said here, not in the browser
        from intl_tui.web import serve

        return serve(args.plan, port=args.port)
    from intl_tui import run as run_editor

    return run_editor(args.plan)


@hookimpl
def intl_commands() -> list[Command]:
    from intl_sdk.frameworks import Command  # defined on first use: `intl check` never asks for commands

    return [
        Command(
            "edit",
            help="edit a plan in the terminal editor (checks as you type), or in a browser with --web",
            description="Open PLAN in the terminal editor: tabs for the strategy, regions, actions, "
            "indicators and agreements, and the findings as you type. A PLAN that does not exist "
            "yet is started from a template. A folder lists its plans (a summary row and findings "
            "counts each); Enter opens one, and closing it comes back to the list. With --web, "
            "serve the same editor on 127.0.0.1 for a browser.",
            configure=configure,
            run=run,
        )
    ]
