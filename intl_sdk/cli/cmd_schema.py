"""`intl schema`: print the plan file's JSON Schema."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of the plan file format",
        description="Print the JSON Schema (draft 04) of the plan file format, for editors "
        "(Taplo / Even Better TOML) and validators. Generated from the model.",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import json

    from intl_sdk.schema import plan_schema

    text = json.dumps(plan_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.output:
        from intl_sdk.writing import write_atomic

        write_atomic(args.output, text.encode("utf-8"))
    else:
        print(text, end="")
    return 0
