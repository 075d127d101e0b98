"""`intl check PATH...`: check plans; exit 0 clean, 1 findings at --fail-on, 2 unreadable."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check plans and report every finding",
        description="Check plan files (a folder: every *.toml plan in it). Exit status: 0 when "
        "nothing reaches --fail-on, 1 when something does, 2 when a file cannot be read as a plan.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="plan files or folders")
    parser.add_argument(
        "--format", choices=("text", "json", "sarif"), default="text", help="output format (default: text)"
    )
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        default="error",
        help="the lowest severity that makes the exit status 1 (default: error)",
    )
    parser.add_argument(
        "--ignore", action="append", default=[], metavar="CODE", help="skip a code (repeat, or separate with commas)"
    )
    parser.add_argument(
        "--select", action="append", default=None, metavar="CODE", help="run only these codes (repeat, or commas)"
    )
    parser.add_argument(
        "--severity",
        action="append",
        default=[],
        metavar="CODE=LEVEL",
        help="set a code's severity to error, warning or info (repeat)",
    )
    parser.add_argument(
        "--only-plans",
        action="store_true",
        help="skip named .toml files that are not plans (no top-level `format`), as folders do; for pre-commit",
    )
    parser.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto", help="colour the text output (default: auto)"
    )
    parser.set_defaults(run=run)


def _codes(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def run(args: argparse.Namespace) -> int:
    import sys

    from intl_sdk.checks import UnknownCodeError
    from intl_sdk.cli.checking import check_paths, exit_status
    from intl_sdk.display import printable

    severity: dict[str, str] = {}
    for item in args.severity:
        code, sep, level = item.partition("=")
        if not sep:
            print(f"intl check: error: --severity takes CODE=LEVEL, not {printable(item)!r}", file=sys.stderr)
            return 2
        severity[code.strip()] = level.strip()
    try:
        results = check_paths(
            args.paths,
            ignore=_codes(args.ignore) or [],
            select=_codes(args.select),
            severity=severity,
            only_plans=args.only_plans,
        )
    except UnknownCodeError as error:
        print(f"intl check: error: {printable(str(error))}", file=sys.stderr)
        return 2
    if args.format == "json":
        from intl_sdk.cli.output import render_json

        print(render_json(results))
    elif args.format == "sarif":
        from intl_sdk.cli.sarif import render_sarif

        print(render_sarif(results))
    else:
        from intl_sdk.cli.output import render_text

        render_text(results, color=args.color)
    return exit_status(results, args.fail_on)
