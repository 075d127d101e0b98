"""load + check beside a bare `tomllib.loads` of the same text, at growing sizes.

    uv run python benchmarks/bench_check.py [--sizes 1,2,4,8]

Size 1x is 5,000 actions, 200 regions and 500 indicators. Targets: load + check
at most 3x the bare parse, and linear (4x the size costs at most 4.8x the time).
"""

from __future__ import annotations

import argparse
import os
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import intl_sdk  # noqa: E402
from plan_factory import scaled  # noqa: E402
from timing import best_of, ms  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,4", help="comma-separated multiples of the 1x plan")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"Python {sys.version.split()[0]} on {os.uname().machine}, {os.cpu_count()} cores")
    print(f"{'size':>5} {'lines':>9} {'tomllib.loads':>13} {'load':>12} {'check':>12} {'load+check':>12} {'ratio':>7} {'growth':>7}")
    first = None
    for size in sizes:
        text = scaled(size)
        plan = intl_sdk.loads(text)
        findings = intl_sdk.check(plan)
        parse = best_of(lambda: tomllib.loads(text), repeat=3)
        load = best_of(lambda: intl_sdk.loads(text), repeat=3)
        check = best_of(lambda: intl_sdk.check(plan), repeat=3)
        both = best_of(lambda: intl_sdk.check(intl_sdk.loads(text)), repeat=3)
        first = first or both
        growth = both / first
        print(
            f"{size:>4}x {text.count(chr(10)):>9,} {ms(parse):>13} {ms(load):>12} {ms(check):>12} {ms(both):>12} "
            f"{both / parse:6.2f}x {growth:6.2f}x"
        )
        if findings:
            print(f"      ({len(findings)} findings on the generated plan)")
    print("ratio: load+check / tomllib.loads of the same text; growth: time relative to the first size")


if __name__ == "__main__":
    main()
