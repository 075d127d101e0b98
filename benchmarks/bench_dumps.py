"""dumps beside tomli_w.dumps of the same data, on the generated 5,000-action plan.

    uv run python benchmarks/bench_dumps.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import tomli_w

sys.path.insert(0, str(Path(__file__).parent))

import intl_sdk  # noqa: E402
from intl_sdk.rendering import to_data  # noqa: E402
from plan_factory import make_plan_text  # noqa: E402
from timing import best_of, ms  # noqa: E402


def main() -> None:
    text = make_plan_text()
    loaded = intl_sdk.loads(text)
    fresh = intl_sdk.loads(text)
    fresh.origin = None
    edited = intl_sdk.loads(text)
    edited.regions[0].share += 1
    data = to_data(loaded)
    baseline = best_of(lambda: tomli_w.dumps(data), repeat=3)
    rows = [
        ("tomli_w.dumps of the same data (baseline)", baseline),
        ("intl_sdk.dumps, a new plan (plan layout)", best_of(lambda: intl_sdk.dumps(fresh), repeat=3)),
        ("intl_sdk.dumps, loaded, unchanged", best_of(lambda: intl_sdk.dumps(loaded), repeat=3)),
        ("intl_sdk.dumps, loaded, one share changed", best_of(lambda: intl_sdk.dumps(edited), repeat=3)),
    ]
    print(f"Python {sys.version.split()[0]} on {os.uname().machine}, {os.cpu_count()} cores; 5,000 actions ({len(text):,} bytes)")
    for name, seconds in rows:
        print(f"  {name:<44} {ms(seconds)}   {seconds / baseline:5.2f}x")


if __name__ == "__main__":
    main()
