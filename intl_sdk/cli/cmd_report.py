"""`intl report PLAN --format md|html [-o FILE]`: the plan for people without a terminal."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report",
        help="write a Markdown or self-contained HTML report of a plan",
        description="Write a report of PLAN: the strategy, the action plan by target region, the "
        "shares, the pillar x region matrix, indicator progress, the agreements ladder and the "
        "findings. HTML is one self-contained file (inline CSS and SVG, nothing fetched, prints on A4).",
    )
    parser.add_argument("plan", metavar="PLAN", help="the plan file (.toml)")
    parser.add_argument("--format", choices=("md", "html"), default="html", help="md or html (default: html)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import sys

    from intl_sdk.display import printable
    from intl_sdk.reading import load
    from intl_sdk.report import render_html, render_markdown

    plan = load(args.plan)
    text = render_html(plan) if args.format == "html" else render_markdown(plan)
    if args.output:
        from intl_sdk.writing import write_atomic

        write_atomic(args.output, text.encode("utf-8"))
        print(f"Wrote {printable(args.output)}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
