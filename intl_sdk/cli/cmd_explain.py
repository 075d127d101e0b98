"""`intl explain CODE` / `intl explain --list`: what each check catches and how to fix it."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "explain",
        help="explain a finding's code, or list every code",
        description="Print a check's docs: what it catches, why it matters, an example and what "
        "to write instead. With --list, the table of every code.",
    )
    parser.add_argument("code", nargs="?", metavar="CODE", help="the code, e.g. shares-sum")
    parser.add_argument("--list", action="store_true", help="list every code with its severity and summary")
    parser.add_argument(
        "--markdown", action="store_true", help="print the docs of every code as one Markdown page (docs/checks.md)"
    )
    parser.set_defaults(run=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    import sys

    from intl_sdk.checks import all_rules
    from intl_sdk.checks.context import did_you_mean
    from intl_sdk.display import printable

    rules = all_rules()
    if args.markdown:
        from intl_sdk.checks.docs import checks_page

        print(checks_page(rules), end="")
        return 0
    if args.list or not args.code:
        if not args.list:
            args.parser.print_usage(sys.stderr)
            print("intl explain: error: give a CODE or --list", file=sys.stderr)
            return 2
        width = max(len(code) for code in rules)
        for code, rule in rules.items():
            print(f"{code:<{width}}  {rule.severity.value:<7}  {rule.summary}")
        return 0
    rule = rules.get(args.code)
    if rule is None:
        print(
            f"intl explain: error: {printable(args.code)!r} is not a check's code"
            f"{did_you_mean(args.code, rules)}; see 'intl explain --list'",
            file=sys.stderr,
        )
        return 2
    print(rule.explanation())
    return 0
