"""intl-lsp's plugin: it adds `intl lsp` to the command line through the
`intl_commands` hook. Light on purpose: every `intl check` imports it, and
pygls is imported only when the server runs."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from intl_sdk import hookimpl

if TYPE_CHECKING:
    from intl_sdk.frameworks import Command


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--stdio",
        action="store_true",
        help="talk over standard input and output (the default and only transport; accepted "
        "because editors' generic clients pass it)",
    )


def run(args: argparse.Namespace) -> int:
    from intl_lsp.server import serve

    return serve()


@hookimpl
def intl_commands() -> list[Command]:
    from intl_sdk.frameworks import Command  # defined on first use: `intl check` never asks for commands

    return [
        Command(
            "lsp",
            help="the language server: findings, hover, completion and renames in any editor",
            description="Run the intl language server over stdin and stdout, for an editor to start: "
            "the findings of `intl check` as you type, hover with a code's docs and what an id "
            "names, completion of ids, go to definition, references, rename, the outline and "
            "quick fixes. Settings come as the client's initializationOptions (see the README).",
            configure=configure,
            run=run,
        )
    ]
