"""`intl diff OLD NEW` (or `intl diff --git REV PLAN`): what changed between two versions of a plan."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "diff",
        help="what changed between two versions of a plan",
        description="A semantic diff: regions added, removed and renamed, share changes and the new "
        "total, actions moved, indicator baselines, targets and new actuals, agreement status changes, "
        "and the findings that appeared or went away. Exit status: 0 no change, 1 changes, 2 an error.",
        epilog="Against a git revision: 'intl diff --git HEAD~1 plan.toml' (the plan as committed "
        "at that revision, beside the file as it is now); or by hand: "
        "'git show REV:./plan.toml > old.toml && intl diff old.toml plan.toml'.",
    )
    parser.add_argument("paths", nargs="+", metavar="PLAN", help="OLD NEW, or with --git a single PLAN")
    parser.add_argument("--git", metavar="REV", help="compare PLAN as committed at git revision REV with PLAN now")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    parser.set_defaults(run=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    import json

    from intl_sdk.diff import diff_plans
    from intl_sdk.display import printable
    from intl_sdk.reading import load, loads

    if args.git:
        if len(args.paths) != 1:
            args.parser.error("with --git, give one PLAN")
        path = args.paths[0]
        old = loads(_git_show(args.git, path), path=f"{args.git}:{path}")
        new = load(path)
    else:
        if len(args.paths) != 2:
            args.parser.error("give OLD and NEW (or --git REV PLAN)")
        old, new = load(args.paths[0]), load(args.paths[1])
    result = diff_plans(old, new)
    if args.format == "json":
        print(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
    elif not result.changes:
        print("No changes.")
    else:
        for change in result.changes:
            print(printable(change.text))
    return 1 if result.changes else 0


def _git_show(revision: str, path: str) -> bytes:
    import os
    import subprocess

    from intl_sdk.errors import PlanError

    folder = os.path.dirname(os.path.abspath(path)) or "."
    name = "./" + os.path.basename(path)
    try:
        completed = subprocess.run(
            ["git", "show", f"{revision}:{name}"], cwd=folder, capture_output=True, timeout=60
        )
    except FileNotFoundError:
        raise PlanError("git is not installed", file=path) from None
    if completed.returncode != 0:
        message = completed.stderr.decode("utf-8", "replace").strip().splitlines()
        raise PlanError(f"git show {revision}: {message[-1] if message else 'failed'}", file=path)
    return completed.stdout
