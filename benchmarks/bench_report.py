"""Rendering reports of the generated 5,000-action plan, beside tomllib.loads of its text.

    uv run python benchmarks/bench_report.py

On the plan with findings of every core kind and on a clean one; every round
renders from a freshly loaded and checked plan (untimed), so nothing is cached
from the round before.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import intl_sdk  # noqa: E402
from intl_sdk.report import render_html, render_markdown  # noqa: E402
from plan_factory import make_plan_text  # noqa: E402
from timing import interleaved, machine  # noqa: E402


def main() -> None:
    print(machine())
    for findings in (True, False):
        text = make_plan_text(findings=findings)

        def checked() -> tuple:
            plan = intl_sdk.loads(text)
            return plan, intl_sdk.check(plan)

        timings = interleaved(
            {
                "tomllib.loads (baseline)": lambda _: tomllib.loads(text),
                "HTML report": lambda both: render_html(*both),
                "Markdown report": lambda both: render_markdown(*both),
                "intl report: load, check, render HTML": lambda _: render_html(intl_sdk.loads(text)),
            },
            rounds=3,
            setups={"HTML report": checked, "Markdown report": checked},
        )
        base = timings["tomllib.loads (baseline)"].seconds
        plan, found = checked()
        size = len(render_html(plan, found))
        print(f"\n5,000 actions, {'with ' + str(len(found)) + ' findings' if findings else 'no findings'}; HTML {size / 1e6:.1f} MB")
        for name, timing in timings.items():
            print(f"  {name:<40} {timing.seconds * 1000:8.1f} ms   {timing.seconds / base:5.2f}x")
    print("\nTimes are CPU time, fastest of 3 rounds each.")


if __name__ == "__main__":
    main()
