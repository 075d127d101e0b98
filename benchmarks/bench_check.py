"""load + check beside a bare `tomllib.loads` of the same text, at 2.5k to 20k actions.

    uv run python benchmarks/bench_check.py [--sizes 0.5,1,2,4] [--rounds 5]

Size 1x is 5,000 actions, 200 regions and 500 indicators. Each size runs on a
plan with findings of every core kind (about 540 at 1x, each with its line
number) and on a clean one. Every round loads a fresh plan: "check" is timed on
a plan loaded just before and never checked, so it includes building the line
numbers. Targets: load + check at most 1.5x `tomllib.loads`; from 2.5k to 10k
actions its growth at most 1.1x the growth of `tomllib.loads`; peak memory at
most 3x that of `tomllib.loads`.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import intl_sdk  # noqa: E402
from plan_factory import scaled  # noqa: E402
from timing import interleaved, machine, peak_memory  # noqa: E402


def load_and_check(text: str) -> list:
    findings = intl_sdk.check(intl_sdk.loads(text))
    assert all(finding.line is not None for finding in findings)
    return findings


def measure(texts: dict[float, str], rounds: int) -> dict[float, dict]:
    """Every size's functions taking turns in every round, so that a change in
    the machine's load between sizes does not pass for growth."""
    functions, setups = {}, {}
    for size, text in texts.items():
        functions[(size, "tomllib.loads")] = lambda _, text=text: tomllib.loads(text)
        functions[(size, "load")] = lambda _, text=text: intl_sdk.loads(text)
        functions[(size, "check")] = lambda plan: intl_sdk.check(plan)
        setups[(size, "check")] = lambda text=text: intl_sdk.loads(text)
        functions[(size, "load+check")] = lambda _, text=text: load_and_check(text)
    timings = interleaved(functions, rounds=rounds, setups=setups)
    out = {}
    for size, text in texts.items():
        out[size] = {
            "timings": {name: timings[(size, name)] for name in ("tomllib.loads", "load", "check", "load+check")},
            "memory": {
                "tomllib.loads": peak_memory(lambda: tomllib.loads(text)),
                "load+check": peak_memory(lambda: load_and_check(text)),
            },
            "findings": len(load_and_check(text)),
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.5,1,2,4", help="comma-separated multiples of the 1x plan")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    sizes = [float(size) for size in args.sizes.split(",")]
    print(machine())
    intl_sdk.check(intl_sdk.loads(scaled(0.01)))  # plugins loaded and code warm before the first figure
    for findings in (True, False):
        print(f"\nplans {'with findings of every core kind' if findings else 'without findings'}:", flush=True)
        results = measure({size: scaled(size, findings=findings) for size in sizes}, args.rounds)
        print(
            f"{'actions':>7} {'lines':>8} {'findings':>8} {'tomllib':>9} {'load':>9} {'check':>8} "
            f"{'load+check':>10} {'ratio':>6} {'GC':>8} {'memory':>14} {'ratio':>6}"
        )
        for size in sizes:
            t, m = results[size]["timings"], results[size]["memory"]
            base, both = t["tomllib.loads"].seconds, t["load+check"].seconds
            print(
                f"{int(5000 * size):>7,} {scaled_lines(size, findings):>8,} {results[size]['findings']:>8,} "
                f"{base * 1000:>7.0f}ms {t['load'].seconds * 1000:>7.0f}ms {t['check'].seconds * 1000:>6.1f}ms "
                f"{both * 1000:>8.0f}ms {both / base:>5.2f}x {t['load+check'].gc_seconds * 1000:>6.1f}ms "
                f"{m['load+check'] / 2**20:>6.1f}/{m['tomllib.loads'] / 2**20:<5.1f}MB {m['load+check'] / m['tomllib.loads']:>5.2f}x"
            )
        if 0.5 in results and 2 in results:
            small, large = results[0.5]["timings"], results[2]["timings"]
            growth_base = large["tomllib.loads"].seconds / small["tomllib.loads"].seconds
            growth_both = large["load+check"].seconds / small["load+check"].seconds
            print(
                f"growth 2.5k -> 10k actions: tomllib.loads {growth_base:.2f}x, load+check {growth_both:.2f}x "
                f"({growth_both / growth_base:.2f}x tomllib's growth)"
            )
    print(
        "\nTimes are CPU time (time.process_time), fastest of the rounds each; ratio: load+check / tomllib.loads of the same text; GC: collector time "
        "inside the fastest load+check round (the reader and the checker pause it around their own work); "
        "memory: peak load+check / peak tomllib.loads (tracemalloc)"
    )


def scaled_lines(size: float, findings: bool) -> int:
    return scaled(size, findings=findings).count("\n") + 1


if __name__ == "__main__":
    main()
