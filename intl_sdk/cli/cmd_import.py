"""`intl import SOURCE -o PLAN.toml`: a plan from a spreadsheet, a CSV file or a Word table.

Exit 0 when every cell was read (whatever the check then finds), 1 when some
were skipped (each named with its position), 2 when the file cannot be read.
"""

from __future__ import annotations

import argparse

_EPILOG = """\
Tables are found by their headers (Target region, Summary of main activities,
Resource share; Indicator, Where are we now?, Where do we want to be?...), in
any sheet of a workbook or any table of a Word document. Name columns yourself
with --map FIELD=COLUMN (a letter or a header; FIELD is a region field such as
name, share, summary, actions, or KIND.FIELD such as indicators.baseline), or
with --mapping FILE (TOML: sheet = "...", header_row = N, and tables [regions],
[actions], [indicators], [agreements] of field = column).

Shares: 24%, 24 %, 24, 24,5 and 0.24 formatted as percent are all 24 (or 24.5).
A comma before exactly three digits groups thousands (7,147); before one or two
it is a decimal comma (--decimal-comma makes every comma decimal).
Each item records its row in `imported_from`; columns that name no field are
kept as unknown keys under their header; a cell that cannot be read is named
with its position and its text kept under FIELD_as_written."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import",
        help="make a plan from a spreadsheet (.xlsx, .csv) or the tables of a Word document (.docx)",
        description="Read the action plan, indicators and agreements from SOURCE (.xlsx, .csv, .docx, "
        "or a folder of .csv files) into a new plan file, then check it. Exit status: 0 every cell "
        "was read, 1 some cells were skipped (each is named), 2 the file cannot be read.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("source", metavar="SOURCE", help="the file to read (.xlsx, .csv, .docx) or a folder of .csv files")
    parser.add_argument("-o", "--output", metavar="PLAN", required=True, help="the plan file to write (.toml)")
    parser.add_argument("--force", action="store_true", help="replace PLAN if it exists")
    parser.add_argument("--name", help="the strategy's name (default: the document's title)")
    parser.add_argument("--sheet", action="append", default=[], metavar="NAME",
                        help="read only this sheet (or Word table: 'Table 2'); repeat for more")
    parser.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                        help="the column of a field: a letter (C) or a header; repeat")
    parser.add_argument("--mapping", metavar="FILE", help="a TOML file of sheet, header_row and [kind] field = column")
    parser.add_argument("--header-row", type=int, metavar="N", help="the row of the headers (1 is the first; 0: none)")
    parser.add_argument("--decimal-comma", action="store_true", help="read every comma in a number as a decimal comma")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour the check's output")
    parser.set_defaults(run=run)


_KIND_OF_FIELD = {"region": ("regions", "name"), "name": ("regions", "name"), "share": ("regions", "share"),
                  "summary": ("regions", "summary"), "actions": ("regions", "actions"), "id": ("regions", "id")}
_KINDS = ("regions", "actions", "indicators", "agreements")


def _mapping(args: argparse.Namespace, say) -> tuple[dict[str, dict[str, str]], list[str], int | None] | None:
    """(kind -> field -> column, sheets, header row) from --mapping and --map; None after an error."""
    from intl_sdk.office.headers import KINDS

    mapping: dict[str, dict[str, str]] = {}
    sheets: list[str] = list(args.sheet)
    header_row = args.header_row
    if args.mapping:
        import tomllib

        try:
            with open(args.mapping, "rb") as handle:
                data = tomllib.load(handle)
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            say(f"{args.mapping}: cannot be read as a TOML mapping: {error}")
            return None
        for key, value in data.items():
            if key == "sheet" and isinstance(value, str):
                sheets = sheets or [value]
            elif key == "header_row" and type(value) is int:
                header_row = value if header_row is None else header_row
            elif key in _KINDS and isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
                mapping.setdefault(key, {}).update(value)
            else:
                say(f"{args.mapping}: {key!r} is not sheet, header_row or a table [regions], [actions], "
                    "[indicators] or [agreements] of field = \"column\"")
                return None
    for item in args.map:
        field, sep, column = item.partition("=")
        field, column = field.strip(), column.strip()
        if not sep or not field or not column:
            say(f"--map takes FIELD=COLUMN (such as share=C), not {item!r}")
            return None
        kind, dot, name = field.partition(".")
        if dot and kind in _KINDS:
            mapping.setdefault(kind, {})[name] = column
        elif field in _KIND_OF_FIELD:
            kind, name = _KIND_OF_FIELD[field]
            mapping.setdefault(kind, {})[name] = column
        else:
            say(f"--map: {field!r} is not a field; use name, share, summary, actions, id, or KIND.FIELD "
                "(such as indicators.baseline)")
            return None
    for kind, fields in mapping.items():
        known = {spec.key for spec in KINDS[kind].fields}
        aliases = {"region": "name"} if kind == "regions" else {"baseline": "baseline.value", "target": "target.value"} if kind == "indicators" else {}
        for name in list(fields):
            real = aliases.get(name, name)
            if real not in known:
                say(f"--map: {kind} have no field {name!r} (they have: {', '.join(sorted(known))})")
                return None
            fields[real] = fields.pop(name)
    return mapping, sheets, header_row


def run(args: argparse.Namespace) -> int:
    import os
    import sys

    from intl_sdk.display import printable

    def say(message: str) -> None:
        print(f"intl import: error: {printable(message)}", file=sys.stderr)

    source = args.source
    if os.path.splitext(source)[1].lower() in (".xlsx", ".xlsm", ".docx"):
        try:
            import docx  # noqa: F401
            import openpyxl  # noqa: F401
        except ImportError:
            from intl_sdk.office import MISSING_EXTRA

            say(f"reading {os.path.splitext(source)[1]} needs openpyxl and python-docx: {MISSING_EXTRA}")
            return 2
    if os.path.exists(args.output) and not args.force:
        say(f"{args.output} exists; choose another -o, or add --force to replace it")
        return 2
    parsed = _mapping(args, say)
    if parsed is None:
        return 2
    mapping, sheets, header_row = parsed

    from intl_sdk.office.builder import ImportOptions, import_file
    from intl_sdk.office.cells import SourceError
    from intl_sdk.writing import dumps, write_atomic

    options = ImportOptions(name=args.name, sheets=sheets, mapping=mapping, header_row=header_row,
                            decimal_comma=args.decimal_comma)
    try:
        result = import_file(source, options)
    except SourceError as error:
        print(f"error: {printable(source)}: {printable(str(error))}", file=sys.stderr)
        return 2
    for note in result.notes:
        label = "skipped" if note.skipped else "note"
        print(f"{label}: {printable(str(note))}", file=sys.stderr)
    write_atomic(args.output, dumps(result.plan).encode("utf-8"))
    plan = result.plan
    counts = ", ".join(f"{len(getattr(plan, kind))} {kind}" for kind in _KINDS)
    skipped = sum(1 for note in result.notes if note.skipped)
    tail = f"; {skipped} skipped (see above)" if skipped else ""
    print(f"Wrote {printable(args.output)}: {counts} from {printable(', '.join(result.tables))}{tail}.", file=sys.stderr)

    from intl_sdk.cli.checking import check_paths
    from intl_sdk.cli.output import render_text

    render_text(check_paths([args.output], ignore=[], select=None, severity={}), color=args.color)
    return 1 if result.skipped else 0
