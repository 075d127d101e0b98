"""`intl compare PATH...`: many plans side by side, where they go, and who could partner."""

from __future__ import annotations

import argparse


def _jobs(value: str) -> int:
    if value == "auto":
        return 0
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of processes or 'auto', not {value!r}") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError("expected at least 1 process")
    return jobs


def register(subparsers: argparse._SubParsersAction) -> None:
    from intl_sdk.compare.columns import SORT_KEYS

    parser = subparsers.add_parser(
        "compare",
        help="compare plans side by side: figures, coverage, where they go, partners",
        description="Compare plan files side by side (folders are walked recursively; TOML files that are not "
        "plans are skipped): one row per plan, then where the portfolio goes (target regions across plans, "
        "matched by name and code) and partners (plans that target each other's home region, or the same "
        "country with the same pillar). Exit status: 0, or 2 when a file cannot be read as a plan or no plan "
        "is found.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="plan files or folders")
    parser.add_argument(
        "--format", choices=("text", "json", "md", "html"), default="text", help="output format (default: text)"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of standard output")
    parser.add_argument(
        "--sort",
        default="plan",
        metavar="COLUMN",
        help="sort the plans by a column: " + ", ".join(SORT_KEYS) + " (or a pillar or measure id); "
        "--sort=-COLUMN sorts descending (default: plan)",
    )
    parser.add_argument(
        "--jobs",
        type=_jobs,
        default=0,
        metavar="N",
        help="processes reading plans: a number, or auto (the default: from 24 files on, one a core that the "
        "load average leaves idle)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import sys

    from intl_sdk.compare.collect import default_jobs, read_portfolio
    from intl_sdk.compare.columns import SORT_KEYS, column
    from intl_sdk.compare.context import comparison
    from intl_sdk.display import printable

    key, descending = (args.sort[1:], True) if args.sort.startswith("-") else (args.sort, False)
    try:
        column(key)
    except KeyError:
        from intl_sdk.checks.context import did_you_mean

        print(
            f"intl compare: error: no column {printable(key)!r} to sort by{did_you_mean(key.lower(), SORT_KEYS)}; "
            f"columns: {', '.join(SORT_KEYS)}",
            file=sys.stderr,
        )
        return 2
    portfolio = read_portfolio(args.paths, jobs=args.jobs or default_jobs())
    if not portfolio.plans:
        for item in portfolio.unreadable:
            print(f"intl compare: could not read {printable(item.message)}", file=sys.stderr)
        for path, why in portfolio.skipped:
            print(f"intl compare: skipped {printable(path)}: {why}", file=sys.stderr)
        print("intl compare: error: no plan found in " + ", ".join(printable(p) for p in args.paths), file=sys.stderr)
        return 2
    context = comparison(portfolio, sort=key.lower(), descending=descending)
    if args.format == "json":
        from intl_sdk.compare.text import render_json

        chunks = render_json(context)
    elif args.format == "md":
        from intl_sdk.compare.pages import render_markdown

        chunks = render_markdown(context)
    elif args.format == "html":
        from intl_sdk.compare.pages import render_html

        chunks = render_html(context)
    else:
        from intl_sdk.compare.text import render_text

        chunks = iter([render_text(context)])
    if args.output:
        import io

        from intl_sdk.writing import write_atomic

        buffer = io.StringIO()
        for chunk in chunks:
            buffer.write(chunk)
        try:
            write_atomic(args.output, buffer.getvalue().encode("utf-8"))
        except OSError as error:
            print(f"intl compare: error: cannot write {printable(args.output)}: {printable(error.strerror or str(error))}", file=sys.stderr)
            return 2
        print(f"Wrote {printable(args.output)}", file=sys.stderr)
    else:
        for chunk in chunks:
            sys.stdout.write(chunk)
    if args.format != "text" or args.output:  # the text output lists them itself
        for item in context["unreadable"]:
            print(f"intl compare: could not read {printable(item['message'])}", file=sys.stderr)
    return 2 if portfolio.unreadable else 0
