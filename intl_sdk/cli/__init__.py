"""The `intl` command line.

Each command lives in its own module with `register(subparsers)` and
`run(args) -> int`; modules import what they need inside `run`, so
`intl check` never pays for Textual or the report renderer.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

__all__ = ["main"]

#: Command modules, in the order `intl --help` lists them.
COMMANDS = ("check", "explain", "edit", "new", "report", "diff", "show", "plugins", "schema")


class _Parser(argparse.ArgumentParser):
    """Usage errors exit 2 with one line and the usage, as argparse does."""


def build_parser() -> argparse.ArgumentParser:
    from intl_sdk import __version__

    parser = _Parser(
        prog="intl",
        description="Write, check and follow a region's internationalisation strategy.",
        epilog="Run 'intl COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"intl-sdk {__version__}")
    parser.add_argument(
        "--debug", action="store_true", help="show the traceback of an internal error"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"intl_sdk.cli.cmd_{name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run `intl`; return its exit code (also used when called as a script)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    from intl_sdk.display import printable
    from intl_sdk.errors import PlanError

    try:
        return int(args.run(args) or 0)
    except PlanError as error:
        print(f"error: {printable(str(error))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # never a traceback for a user; --debug shows it
        if args.debug:
            raise
        print(
            f"intl: internal error: {printable(type(error).__name__)}: {printable(str(error))} "
            "(run with --debug for the traceback, and please report it)",
            file=sys.stderr,
        )
        return 3


def entry() -> None:
    sys.exit(main())
