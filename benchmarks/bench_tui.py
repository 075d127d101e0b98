"""Keystroke to updated findings in the editor, on the generated 5,000-action plan.

    uv run python benchmarks/bench_tui.py [--keys 40]

Drives the real app headless (Textual's test harness): opens the plan, types
a digit and a backspace, in turn, into an action's cost, and times each key from the moment it reaches
the app (sent through the driver, as a terminal's input is) to the new
findings on screen. Pilot.press is not used for timing: it also waits for the
whole app to go idle and for animations, which no user waits for. Prints the check alone on the same plan as the baseline. Target:
at most 50 ms from a keystroke to its findings.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import intl_sdk  # noqa: E402
from plan_factory import make_plan_text  # noqa: E402
from timing import best_of  # noqa: E402


async def measure(path: str, keys: int) -> tuple[float, list[float]]:
    from textual import events

    from intl_tui.app import PlanEditorApp

    started = time.perf_counter()
    app = PlanEditorApp(intl_sdk.load(path), path)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        opened = time.perf_counter() - started
        await pilot.press("f4")
        await pilot.pause()
        cost = app.query_one("#form-actions #field-cost")
        cost.focus()
        await pilot.pause()
        latencies = []
        for number in range(keys):
            shown = len(app.latencies)
            # a digit, then backspace: every key is a real edit, the cost stays a valid number
            digit = str(number % 10)
            key = events.Key(digit, digit) if number % 2 == 0 else events.Key("backspace", None)
            key.set_sender(app)
            begin = time.perf_counter()
            app._driver.send_message(key)  # how a terminal's key reaches the app
            deadline = begin + 5
            while len(app.latencies) == shown:
                if time.perf_counter() > deadline:
                    raise SystemExit(f"no findings 5 s after key {number}: the edit was not applied")
                await asyncio.sleep(0.0005)
            latencies.append(time.perf_counter() - begin)
            await pilot.pause()
    return opened, latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=40)
    args = parser.parse_args()
    text = make_plan_text()
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "plan.toml")
    Path(path).write_text(text, encoding="utf-8")
    plan = intl_sdk.loads(text)
    check_alone = best_of(lambda: intl_sdk.check(plan), repeat=5)
    opened, latencies = asyncio.run(measure(path, args.keys))
    in_order = " ".join(f"{x * 1000:.0f}" for x in latencies)
    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95) - 1]
    print(f"Python {sys.version.split()[0]} on {os.uname().machine}, {os.cpu_count()} cores; plan: 5,000 actions, 200 regions, 500 indicators")
    print(f"  check() alone (baseline)        {check_alone * 1000:8.1f} ms")
    print(f"  open the plan in the editor     {opened * 1000:8.1f} ms")
    print(f"  keystroke -> findings, median   {statistics.median(latencies) * 1000:8.1f} ms   ({statistics.median(latencies) / check_alone:.1f}x the check)")
    print(f"  keystroke -> findings, p95      {p95 * 1000:8.1f} ms   (target: 50 ms; {len(latencies)} keys)")
    print(f"  keystroke -> findings, max      {latencies[-1] * 1000:8.1f} ms")
    print(f"  each key, in order (ms): {in_order}")


if __name__ == "__main__":
    main()
