"""`intl import` of a workbook of 10,000 actions against `intl_sdk.loads` of the same plan as TOML
(target: at most 3x), and the export's time.

    uv run --all-packages --all-extras python benchmarks/bench_office.py [--actions 10000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from plan_factory import make_plan_text  # noqa: E402
from timing import best_of, ms  # noqa: E402

import intl_sdk  # noqa: E402
from intl_sdk.office.builder import import_file  # noqa: E402
from intl_sdk.office.csv_writer import write_csv  # noqa: E402
from intl_sdk.office.sheets import plan_tables  # noqa: E402
from intl_sdk.office.xlsx_writer import write_xlsx  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=10_000)
    args = parser.parse_args()
    text = make_plan_text(actions=args.actions, regions=200, indicators=500)
    plan = intl_sdk.loads(text)
    with tempfile.TemporaryDirectory() as folder:
        workbook = os.path.join(folder, "plan.xlsx")
        with open(workbook, "wb") as handle:
            handle.write(write_xlsx(plan_tables(plan)))
        imported = import_file(workbook).plan
        assert len(imported.actions) == args.actions and not any(
            n.skipped for n in import_file(workbook).notes
        ), "the benchmark's workbook must import whole"
        loads = best_of(lambda: intl_sdk.loads(text), repeat=3, minimum_time=0.5)
        read = best_of(lambda: import_file(workbook), repeat=3, minimum_time=0.5)
        export = best_of(lambda: write_xlsx(plan_tables(plan)), repeat=3, minimum_time=0.5)
        csv_export = best_of(lambda: write_csv(plan_tables(plan), os.path.join(folder, "csv")), repeat=3, minimum_time=0.5)
        csv_import = best_of(lambda: import_file(os.path.join(folder, "csv")), repeat=3, minimum_time=0.5)
        size = os.path.getsize(workbook)
    print(f"Python {sys.version.split()[0]} on {os.uname().machine}, {os.cpu_count()} cores; best of 3")
    print(f"plan: {args.actions:,} actions, 200 regions, 500 indicators ({len(text.splitlines()):,} lines of TOML; "
          f"workbook {size / 1024:,.0f} KiB)")
    print(f"  intl_sdk.loads (baseline)     {ms(loads)}   1.00x")
    print(f"  import .xlsx                  {ms(read)}   {read / loads:5.2f}x   (target 3x)")
    print(f"  export .xlsx                  {ms(export)}   {export / loads:5.2f}x")
    print(f"  import a CSV folder           {ms(csv_import)}   {csv_import / loads:5.2f}x")
    print(f"  export CSV                    {ms(csv_export)}   {csv_export / loads:5.2f}x")


if __name__ == "__main__":
    main()
