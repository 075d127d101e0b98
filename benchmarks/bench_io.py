"""load and save of a small and a large plan beside a bare `tomllib.loads` of the same text.

    uv run python benchmarks/bench_io.py

`examples/nwda.toml` and the generated 5,000-action plan (with findings of
every core kind, and clean). Every round starts from a freshly loaded plan.
For saves after every kind of edit and at every size, see bench_saves.py.
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
from timing import interleaved, machine  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def measure(label: str, text: str, rounds: int) -> None:
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "plan.toml")
    Path(path).write_text(text, encoding="utf-8")

    def edited() -> intl_sdk.Plan:
        plan = intl_sdk.load(path)
        plan.regions[0].share = 1 + (plan.regions[0].share or 0)
        return plan

    timings = interleaved(
        {
            "tomllib.loads (baseline)": lambda _: tomllib.loads(text),
            "intl_sdk.load": lambda _: intl_sdk.load(path),
            "intl_sdk.dumps, unchanged": intl_sdk.dumps,
            "intl_sdk.dumps, one share changed": intl_sdk.dumps,
            "intl_sdk.dump, one share (atomic, fsync)": lambda plan: intl_sdk.dump(plan, path),
        },
        rounds=rounds,
        setups={
            "intl_sdk.dumps, unchanged": lambda: intl_sdk.load(path),
            "intl_sdk.dumps, one share changed": edited,
            "intl_sdk.dump, one share (atomic, fsync)": edited,
        },
    )
    base = timings["tomllib.loads (baseline)"].seconds
    print(f"\n{label}: {len(text):,} bytes, {text.count(chr(10)):,} lines")
    for name, timing in timings.items():
        print(f"  {name:<42} {timing.seconds * 1000:9.2f} ms   {timing.seconds / base:6.2f}x")


def main() -> None:
    print(machine())
    measure("examples/nwda.toml", (REPO / "examples" / "nwda.toml").read_text(encoding="utf-8"), rounds=20)
    measure("generated plan, 5,000 actions, findings of every core kind", make_plan_text(), rounds=3)
    measure("generated plan, 5,000 actions, no findings", make_plan_text(findings=False), rounds=3)
    print("\nTimes are CPU time, fastest of the rounds each.")


if __name__ == "__main__":
    main()
