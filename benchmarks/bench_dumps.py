"""dumps of a plan written afresh beside tomli_w.dumps of the same data, on the generated 5,000-action plan.

    uv run python benchmarks/bench_dumps.py

A plan without a file of its own (no layout to keep) is written in the plan
layout; its data is parsed back to verify it. Fresh plans every round, with
findings of every core kind and without.
"""

from __future__ import annotations

import sys
from pathlib import Path

import tomli_w

sys.path.insert(0, str(Path(__file__).parent))

import intl_sdk  # noqa: E402
from intl_sdk.rendering import to_data  # noqa: E402
from plan_factory import make_plan_text  # noqa: E402
from timing import interleaved, machine  # noqa: E402


def main() -> None:
    print(machine())
    for findings in (True, False):
        text = make_plan_text(findings=findings)

        def fresh() -> intl_sdk.Plan:
            plan = intl_sdk.loads(text)
            plan.origin = None
            return plan

        timings = interleaved(
            {
                "tomli_w.dumps of the same data (baseline)": lambda data: tomli_w.dumps(data),
                "intl_sdk.dumps, a new plan (plan layout)": intl_sdk.dumps,
            },
            rounds=3,
            setups={"tomli_w.dumps of the same data (baseline)": lambda: to_data(fresh()), "intl_sdk.dumps, a new plan (plan layout)": fresh},
        )
        base = timings["tomli_w.dumps of the same data (baseline)"].seconds
        print(f"\n5,000 actions, {'with findings' if findings else 'no findings'} ({len(text):,} bytes)")
        for name, timing in timings.items():
            print(f"  {name:<44} {timing.seconds * 1000:8.1f} ms   {timing.seconds / base:5.2f}x")
    print("\nTimes are CPU time, fastest of 3 rounds each.")


if __name__ == "__main__":
    main()
