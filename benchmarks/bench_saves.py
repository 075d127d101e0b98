"""Saving after one edit a user makes, beside a bare `tomllib.loads` of the same text, 2.5k to 20k actions.

    uv run python benchmarks/bench_saves.py [--sizes 0.5,1,2,4] [--rounds 3]

Every round loads a fresh plan (untimed), makes one edit and saves it: the
first save, with the line map built from nothing. `dumps` is the text (edited
through the line map, then parsed back and compared: the writer verifies what
it writes); `dump` adds the atomic write (temporary file, fsync, rename).
Targets: at most 2.5x `tomllib.loads` for every edit, and linear.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import tomllib
import warnings
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).parent))

import intl_sdk  # noqa: E402
from intl_sdk import Action  # noqa: E402
from plan_factory import scaled  # noqa: E402
from timing import interleaved, machine  # noqa: E402


def _share(plan: intl_sdk.Plan) -> None:
    plan.regions[len(plan.regions) // 2].share += 1


def _title(plan: intl_sdk.Plan) -> None:
    plan.actions[len(plan.actions) // 2].title = "A new title for this action"


def _add_action(plan: intl_sdk.Plan) -> None:
    plan.actions.insert(
        len(plan.actions) // 2,
        Action(id="a-new-action", region="region-1", pillars=["science-rd-hei"], title="Added", start=dt.date(2027, 1, 1)),
    )


def _remove_action(plan: intl_sdk.Plan) -> None:
    del plan.actions[len(plan.actions) // 2]


def _move_action(plan: intl_sdk.Plan) -> None:
    plan.actions.insert(10, plan.actions.pop(len(plan.actions) - 10))


def _add_actual(plan: intl_sdk.Plan) -> None:
    plan.indicators[len(plan.indicators) // 2].actuals[2029] = 1234


def _agreement_status(plan: intl_sdk.Plan) -> None:
    plan.agreements[-1].status = "ended"


EDITS: dict[str, Callable[[intl_sdk.Plan], None]] = {
    "a share": _share,
    "an action's title": _title,
    "an action added": _add_action,
    "an action removed": _remove_action,
    "an action moved": _move_action,
    "an indicator's actual added": _add_actual,
    "an agreement's status": _agreement_status,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.5,1,2,4", help="comma-separated multiples of the 5,000-action plan")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    sizes = [float(size) for size in args.sizes.split(",")]
    print(machine())
    warnings.simplefilter("error")  # a save that loses the layout would be a failure, not a figure
    folder = tempfile.mkdtemp()
    texts = {size: scaled(size) for size in sizes}
    targets = {}
    functions: dict = {}
    setups: dict = {}
    for size, text in texts.items():  # every size in every round: a change in the machine's load is no growth
        target = targets[size] = os.path.join(folder, f"plan-{size}.toml")
        Path(target).write_text(text, encoding="utf-8")

        def edited(edit: Callable[[intl_sdk.Plan], None], text: str = text, target: str = target) -> Callable[[], intl_sdk.Plan]:
            def make() -> intl_sdk.Plan:
                plan = intl_sdk.loads(text, path=target)
                edit(plan)
                return plan

            return make

        functions[(size, "tomllib.loads")] = lambda _, text=text: tomllib.loads(text)
        for name, edit in EDITS.items():
            functions[(size, f"dumps: {name}")] = intl_sdk.dumps
            setups[(size, f"dumps: {name}")] = edited(edit)
        functions[(size, "dump: a share (atomic, fsync)")] = lambda plan, target=target: intl_sdk.dump(plan, target)
        setups[(size, "dump: a share (atomic, fsync)")] = edited(_share)
    timings = interleaved(functions, rounds=args.rounds, setups=setups)
    names = [name for size, name in functions if size == sizes[0] and name != "tomllib.loads"]
    for size, text in texts.items():
        base = timings[(size, "tomllib.loads")].seconds
        print(f"\n{int(5000 * size):,} actions ({text.count(chr(10)):,} lines): tomllib.loads {base * 1000:.0f} ms")
        for name in names:
            timing = timings[(size, name)]
            print(f"  {name:<36} {timing.seconds * 1000:8.0f} ms  {timing.seconds / base:5.2f}x   GC {timing.gc_seconds * 1000:5.1f} ms")
    if 0.5 in texts and 2 in texts:
        print("\ngrowth 2.5k -> 10k actions, as a multiple of tomllib.loads' own growth:")
        growth_base = timings[(2, "tomllib.loads")].seconds / timings[(0.5, "tomllib.loads")].seconds
        for name in names:
            growth = timings[(2, name)].seconds / timings[(0.5, name)].seconds
            print(f"  {name:<36} {growth / growth_base:5.2f}x")
    print("\nTimes are CPU time (time.process_time), fastest of the rounds each; GC: collector time in that round.")


if __name__ == "__main__":
    main()
