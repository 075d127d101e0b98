"""`intl export PLAN --format xlsx|csv -o FILE`: the plan for colleagues who live in spreadsheets.

Exit 0 when everything was kept, 1 when something could not be (each is
named: a spreadsheet keeps 15 digits and 32,767 characters a cell), 2 when the
plan cannot be read.
"""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write a plan as an .xlsx workbook or as CSV files",
        description="Write PLAN as one workbook (sheets Strategy, Action plan with money and staff per "
        "region and a live total, Offices when the plan has offices abroad, Actions, Indicators with "
        "progress, Agreements, Findings) or as CSV "
        "files in a folder, one a table. `intl import` reads the workbook back into the same plan. "
        "Exit status: 0 all kept, 1 something could not be kept (each is named), 2 PLAN cannot be read.",
    )
    parser.add_argument("plan", metavar="PLAN", help="the plan file (.toml)")
    parser.add_argument("--format", choices=("xlsx", "csv"),
                        help="xlsx (one workbook) or csv (a folder of files); default: from -o (.xlsx or a folder)")
    parser.add_argument("-o", "--output", metavar="FILE", required=True,
                        help="the workbook to write, or the folder for the CSV files")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import os
    import sys

    from intl_sdk.display import printable

    fmt = args.format or ("xlsx" if args.output.lower().endswith((".xlsx", ".xlsm")) else "csv")
    if fmt == "xlsx":
        try:
            import openpyxl  # noqa: F401
        except ImportError:
            from intl_sdk.office import MISSING_EXTRA

            print(f"intl export: error: writing .xlsx needs openpyxl: {MISSING_EXTRA}", file=sys.stderr)
            return 2
    if fmt == "csv" and os.path.isfile(args.output):
        print(f"intl export: error: {printable(args.output)} is a file; CSV export writes a folder of files",
              file=sys.stderr)
        return 2

    from intl_sdk.office.sheets import plan_tables
    from intl_sdk.reading import load

    plan = load(args.plan)
    export = plan_tables(plan)
    for line in export.lost:
        print(f"not kept: {printable(line)}", file=sys.stderr)
    if fmt == "xlsx":
        from intl_sdk.office.xlsx_writer import write_xlsx
        from intl_sdk.writing import write_atomic

        write_atomic(args.output, write_xlsx(export))
        print(f"Wrote {printable(args.output)}", file=sys.stderr)
    else:
        from intl_sdk.office.csv_writer import write_csv

        paths = write_csv(export, args.output)
        print(f"Wrote {len(paths)} files into {printable(args.output)}", file=sys.stderr)
    return 1 if export.lost else 0
