"""The editor as a user feels it: `intl edit` in a real pseudo-terminal.

    uv run --all-packages python benchmarks/bench_tui_terminal.py [--keys 40] [--bursts 20]

Runs the real `intl edit` on a generated plan of 5,000 actions and 200 regions
with about 200 findings (`staff_fte = 400`: every region's actions need more
staff than its share gives), in a 120x36 pseudo-terminal. A thread beside the
editor reads its output into pyte's screen; it is not in the timed path (each
chunk's arrival time is taken before it is parsed).

- Opening: from starting the process to the first screen (header, tabs, the
  Strategy tab), and to the first key answered (Tab focuses Name: its label
  turns reverse video). Against `intl_sdk.load` of the same file in this
  process, with the cost of starting Python and importing the editor
  (`python -c "import intl_tui.app"`, Textual included) taken off.
- Keys: on the first region's share, "9" and Backspace in turn (0.5 -> 0.59 ->
  0.5), each timed from the write of its bytes until the screen shows both the
  new total of shares and the new error and warning counts (computed for that
  value by `intl_sdk.check` here). Bursts: five digits at 30 ms, then five
  Backspaces at 30 ms, timed from the last key of the burst.

Targets (issue 12): median <= 40 ms and p95 <= 80 ms key -> screen; opening
<= 2.5x the load.
"""

from __future__ import annotations

import argparse
import copy
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tui" / "tests"))

import intl_sdk  # noqa: E402
from intl_sdk.checks.context import format_number  # noqa: E402
from intl_sdk.views import allocation  # noqa: E402
from plan_factory import make_plan_text  # noqa: E402
from terminal import Terminal  # noqa: E402

WIDTH, HEIGHT = 120, 36
COUNTS = re.compile(r"(\d+) errors? · (\d+) warnings?")


def plan_with_findings() -> str:
    """5,000 actions, 200 regions at 0.5% each, and staff for 400 FTE: 200 staff-exceeded findings."""
    text = make_plan_text()
    return re.sub(r"(?m)^staff_fte = \d+$", "staff_fte = 400", text, count=1)


def expected_screen(plan, share: str) -> tuple[str, tuple[int, int]]:
    """The total of shares and the (errors, warnings) the editor must show when region 0's share reads `share`."""
    changed = copy.deepcopy(plan)
    changed.regions[0].share = Decimal(share) if "." in share else int(share)
    found = intl_sdk.check(changed)
    counts = (sum(f.severity.value == "error" for f in found), sum(f.severity.value == "warning" for f in found))
    return f"Total {format_number(allocation(changed).total_share)}%", counts


def shows(total: str, counts: tuple[int, int]):
    def test(screen: str) -> bool:
        header = screen.split("\n", 1)[0]
        match = COUNTS.search(header)
        return total in screen and match is not None and (int(match.group(1)), int(match.group(2))) == counts

    return test


def best_of(function, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times)


def label_cell(terminal: Terminal, label: str):
    """The screen cell of a form label's first letter (its colours show the focus)."""
    for y in range(terminal.height):
        line = "".join(terminal.screen.buffer[y][x].data for x in range(terminal.width))
        at = line.find(f" {label} ")
        if at >= 0:
            return terminal.screen.buffer[y][at + 1]
    return None


def percentiles(values: list[float]) -> tuple[float, float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[max(0, int(len(ordered) * 0.95) - 1)], ordered[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=40)
    parser.add_argument("--bursts", type=int, default=20)
    args = parser.parse_args()

    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "plan.toml")
    Path(path).write_text(plan_with_findings(), encoding="utf-8")
    plan = intl_sdk.load(path)
    findings = intl_sdk.check(plan)  # builds the line map, as the editor does before the first key
    check_times = []
    for _ in range(7):
        started_check = time.perf_counter()
        intl_sdk.check(plan)
        check_times.append(time.perf_counter() - started_check)
    check_alone = statistics.median(check_times)
    load = best_of(lambda: intl_sdk.load(path))
    imports = best_of(lambda: subprocess.run([sys.executable, "-c", "import intl_tui.app"], check=True))
    intl = str(Path(sys.executable).with_name("intl"))

    started = time.perf_counter()
    terminal = Terminal([intl, "edit", path], WIDTH, HEIGHT, cwd=folder)
    try:
        terminal.wait_for(lambda s: "plan.toml" in s and "Strategy F2" in s and "Generated plan" in s)
        first_screen = terminal.shown_at - started
        unfocused = label_cell(terminal, "Name")
        terminal.send("tab")  # focuses Name: its label is drawn in reverse video
        terminal.wait_for(lambda s: (label_cell(terminal, "Name").bg, label_cell(terminal, "Name").reverse) != (unfocused.bg, unfocused.reverse))
        answered = terminal.shown_at - started

        # to the first region's share, its cursor at the end of "0.5"
        terminal.send("f3")
        terminal.wait_for("Total 100%")
        terminal.send("tab", "tab", "tab", "end")
        terminal.wait_for(shows(*expected_screen(plan, "0.5")))

        singles = []
        states = {"0.59": expected_screen(plan, "0.59"), "0.5": expected_screen(plan, "0.5")}
        for number in range(args.keys):
            key, value = ("9", "0.59") if number % 2 == 0 else ("backspace", "0.5")
            written = terminal.send(key)
            terminal.wait_for(shows(*states[value]))
            singles.append(terminal.shown_at - written)

        bursts = []
        digits = "12345"
        typed_states = [expected_screen(plan, "0.5" + digits[: n + 1]) for n in range(5)]
        for number in range(args.bursts):
            typing = number % 2 == 0
            keys = list(digits) if typing else ["backspace"] * 5
            final = typed_states[-1] if typing else states["0.5"]
            for key in keys:
                written = terminal.send(key)
                time.sleep(0.03)  # the typist's pace: 30 ms between keys
            terminal.wait_for(shows(*final))
            bursts.append(terminal.shown_at - written)
        terminal.send("ctrl+q")
        terminal.wait_for("[c] Cancel")
        terminal.send("d")
        terminal.wait_exit()
    finally:
        terminal.close()

    print(f"Python {sys.version.split()[0]} on {os.uname().machine}, {os.cpu_count()} cores (shared: figures vary with the load)")
    print(f"plan: 5,000 actions, 200 regions, 500 indicators; {len(findings)} findings; terminal {WIDTH}x{HEIGHT}")
    print(f"  intl_sdk.load (baseline)              {load * 1000:8.1f} ms")
    print(f"  intl_sdk.check alone, median          {check_alone * 1000:8.1f} ms   (the floor under a key's findings)")
    print(f"  python + import intl_tui.app          {imports * 1000:8.1f} ms   (taken off the opening figures)")
    print(f"  open -> first screen                  {first_screen * 1000:8.1f} ms   {(first_screen - imports) / load:5.2f}x the load")
    print(f"  open -> first key answered            {answered * 1000:8.1f} ms   {(answered - imports) / load:5.2f}x the load (target 2.5x)")
    for name, values in (("single keys", singles), ("bursts of 5 at 30 ms", bursts)):
        median, p95, worst = percentiles(values)
        print(
            f"  key -> screen, {name:22} median {median * 1000:6.1f} ms   p95 {p95 * 1000:6.1f} ms   max {worst * 1000:6.1f} ms"
            f"   ({median / check_alone:.1f}x / {p95 / check_alone:.1f}x the check; {len(values)} timed; targets 40 / 80 ms)"
        )
    print("  single keys in order (ms): " + " ".join(f"{v * 1000:.0f}" for v in singles))


if __name__ == "__main__":
    main()
