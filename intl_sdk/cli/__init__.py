"""The `intl` command line.

Each core command lives in its own module with `register(subparsers)` and
`run(args) -> int`; modules import what they need inside `run`. Only the
command that runs is built: `intl check` imports neither the other commands
nor Textual nor the report renderer. Other distributions add commands through
the `intl_commands` plugin hook (the editor's `intl edit` comes that way).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

__all__ = ["CORE_COMMANDS", "build_parser", "main"]

#: Core command modules, in the order `intl --help` lists them.
CORE_COMMANDS = ("check", "explain", "new", "report", "diff", "compare", "show", "import", "export", "plugins", "schema")

#: Commands that this project's other distributions add: what each is and what
#: to install, so that `intl edit` without the editor says how to get it.
ELSEWHERE = {"edit": ("the editor", "intl-tui"), "lsp": ("the language server", "intl-lsp")}


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter, sized as argparse sizes it but without importing
    `shutil`: argparse builds one for every argument it adds, and that import
    alone costs `intl check` several per cent of its start."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None) -> None:
        if width is None:
            width = _terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


def _terminal_columns() -> int:
    """$COLUMNS, else the terminal's width, else 80 (as `shutil.get_terminal_size`)."""
    import os

    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Parser(argparse.ArgumentParser):
    """Usage errors exit 2 with one line and the usage, as argparse does."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)


class _Version(argparse.Action):
    """`--version`: the version is read (from the installed metadata) only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from intl_sdk import __version__

        print(f"intl-sdk {__version__}")
        parser.exit()


def _command_in(argv: Sequence[str]) -> str | None:
    """The command word of a command line (global options take no value)."""
    return next((word for word in argv if not word.startswith("-")), None)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The `intl` parser; with `command`, a core command's parser alone."""
    parser = _Parser(
        prog="intl",
        description="Write, check and follow a region's internationalisation strategy.",
        epilog="Run 'intl COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action=_Version, help="show the version and exit")
    parser.add_argument(
        "--debug", action="store_true", help="show the traceback of an internal error"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    if command in CORE_COMMANDS:
        importlib.import_module(f"intl_sdk.cli.cmd_{command}").register(subparsers)
        return parser
    for name in CORE_COMMANDS:
        importlib.import_module(f"intl_sdk.cli.cmd_{name}").register(subparsers)
    _add_plugin_commands(subparsers)
    return parser


def _add_plugin_commands(subparsers: argparse._SubParsersAction) -> None:
    from intl_sdk.plugins import installed_plugins

    plugins = installed_plugins()
    for command in plugins.commands.values():
        sub = subparsers.add_parser(command.name, help=command.help, description=command.description or command.help)
        try:
            command.configure(sub)
        except Exception as error:  # a plugin's bug must not take `intl` down
            if _strict():
                raise
            plugins._fail(plugins.providers.get(("intl_commands", command.name), command.name), "intl_commands",
                          f"{type(error).__name__}: {error}")
            subparsers._name_parser_map.pop(command.name, None)  # argparse has no remove_parser
            subparsers._choices_actions = [a for a in subparsers._choices_actions if a.dest != command.name]
            continue
        sub.set_defaults(run=command.run)
    for name, (what, distribution) in ELSEWHERE.items():
        if name in plugins.commands:
            continue
        sub = subparsers.add_parser(name, help=f"{what} (not installed: pip install {distribution})", add_help=False)
        sub.add_argument("rest", nargs=argparse.REMAINDER)
        sub.set_defaults(run=_not_installed(name, what, distribution, plugins))


def _strict() -> bool:
    import os

    return os.environ.get("INTL_SDK_STRICT_PLUGINS", "") not in ("", "0")


def _not_installed(name: str, what: str, distribution: str, plugins):
    def run(args: argparse.Namespace) -> int:
        from intl_sdk.display import printable

        print(f"intl {name}: {what} is not installed; install it with: pip install {distribution}", file=sys.stderr)
        for failure in plugins.failures:
            print(f"  note: {printable(str(failure))}", file=sys.stderr)
        return 2

    return run


def main(argv: Sequence[str] | None = None) -> int:
    """Run `intl`; return its exit code (also used when called as a script)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_command_in(argv))
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
    """The `intl` program (and `python -m intl_sdk`): its own process, which ends here."""
    status = main()
    # Everything still alive is about to go with the process. Frozen, the
    # interpreter's collections at exit skip it instead of walking every
    # object (about a tenth of `intl check`'s start); objects are still freed
    # as their references drop, and atexit handlers and flushing still run.
    # Only the program's own process does this: `main()` leaves callers' GC alone.
    import gc

    gc.freeze()
    sys.exit(status)
