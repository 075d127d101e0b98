"""`intl new`: start a plan from a template (a blank plan, or a plugin's)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "new",
        help="start a plan from a template",
        description="Write a new plan: a blank one, or a template from an installed plugin "
        "(see --list). Without -o the plan is printed.",
    )
    parser.add_argument("--template", "-t", default="blank", metavar="ID", help="the template (default: blank)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the plan to FILE")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    parser.add_argument("--list", action="store_true", help="list the templates")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import os
    import sys

    from intl_sdk.checks.context import did_you_mean
    from intl_sdk.display import printable
    from intl_sdk.templates import available_templates

    templates = available_templates()
    if args.list:
        width = max(len(t) for t in templates)
        for template in templates.values():
            print(f"{template.id:<{width}}  {template.title}")
        return 0
    template = templates.get(args.template)
    if template is None:
        print(
            f"intl new: error: no template {printable(args.template)!r}{did_you_mean(args.template, templates)}; "
            "'intl new --list' lists them",
            file=sys.stderr,
        )
        return 2
    if not args.output:
        print(template.text, end="")
        return 0
    if os.path.exists(args.output) and not args.force:
        print(f"intl new: error: {printable(args.output)} exists; use --force to overwrite it", file=sys.stderr)
        return 2
    from intl_sdk.writing import write_atomic

    write_atomic(args.output, template.text.encode("utf-8"))
    print(f"Wrote {printable(args.output)} from template {template.id!r}. Next: intl check {printable(args.output)}")
    return 0
