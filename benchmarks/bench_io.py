"""load and dump beside a bare `tomllib.loads` of the same text, in one run.

    uv run python benchmarks/bench_io.py

Prints one row per file and operation: time, and the ratio to tomllib.loads.
"""

from __future__ import annotations

import os
import sys
import tempfile
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import intl_sdk  # noqa: E402
from plan_factory import make_plan_text  # noqa: E402
from timing import best_of, ms  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def measure(label: str, text: str) -> None:
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "plan.toml")
    Path(path).write_text(text, encoding="utf-8")
    plan = intl_sdk.load(path)
    edited = intl_sdk.load(path)
    edited.regions[0].share = 1 + (edited.regions[0].share or 0)
    fresh = intl_sdk.load(path)
    fresh.origin = None

    baseline = best_of(lambda: tomllib.loads(text))
    rows = [
        ("tomllib.loads (baseline)", baseline),
        ("intl_sdk.load", best_of(lambda: intl_sdk.load(path))),
        ("intl_sdk.dumps, unchanged", best_of(lambda: intl_sdk.dumps(plan))),
        ("intl_sdk.dumps, one share changed", best_of(lambda: intl_sdk.dumps(edited))),
        ("intl_sdk.dump (atomic, fsync)", best_of(lambda: intl_sdk.dump(plan, path), repeat=3)),
        ("intl_sdk.dumps, new plan (no origin)", best_of(lambda: intl_sdk.dumps(fresh))),
    ]
    print(f"\n{label}: {len(text):,} bytes, {text.count(chr(10)):,} lines")
    for name, seconds in rows:
        print(f"  {name:<40} {ms(seconds)}   {seconds / baseline:6.2f}x")


def main() -> None:
    print(f"Python {sys.version.split()[0]} on {os.uname().machine}, {os.cpu_count()} cores")
    measure("examples/nwda.toml", (REPO / "examples" / "nwda.toml").read_text(encoding="utf-8"))
    measure("generated plan, 5,000 actions / 200 regions / 500 indicators", make_plan_text())


if __name__ == "__main__":
    main()
