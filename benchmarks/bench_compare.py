"""`intl compare` over 100 and 1,000 plans, beside parsing the same files with `tomllib`.

    uv run python benchmarks/bench_compare.py [--counts 100,1000] [--repeat 3]

Each plan has 200 actions (`plan_factory`, 8 regions, 20 indicators). For each
count it prints, as ratios measured in the same run:

- time: `intl compare DIR` in one process (`--jobs 1`), in two (`--jobs 2`:
  the files shared out between processes), and as the default chooses (one
  process a core left idle by the load average) against
  `tomllib.loads` of every file one after the other in this process (reading
  included). Targets: at most 1.5x, and linear: 1,000 plans at most 11x the
  time of 100.
- memory: the peak resident memory of each `intl compare` process (the
  largest of the command and its workers) against that of `intl check` on the
  largest plan alone. Target: at most 2x, because plans are summarised as
  they are read, never all held.

The machine may be shared: the ratios, not the seconds, are the figures.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from plan_factory import make_plan_text  # noqa: E402

INTL = str(Path(sys.executable).with_name("intl"))
#: The commands run as a user's would: with bytecode cached (PYTHONDONTWRITEBYTECODE would compile every module on every run).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

#: Reports the peak resident memory (KiB) of the command it runs and every process that command waited for.
_PEAK = (
    "import resource, subprocess, sys; "
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def write_plans(folder: Path, count: int) -> list[Path]:
    """`count` plans of 200 actions, each a little different (names, shares stay valid)."""
    text = make_plan_text(actions=200, regions=8, indicators=20)
    paths = []
    for number in range(count):
        path = folder / f"plan-{number:04d}.toml"
        path.write_text(text.replace("Generated plan", f"Generated plan {number}"), encoding="utf-8")
        paths.append(path)
    return paths


def parse_all(paths: list[Path]) -> float:
    start = time.perf_counter()
    for path in paths:
        with open(path, "rb") as handle:
            tomllib.loads(handle.read().decode("utf-8"))
    return time.perf_counter() - start


def run(command: list[str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=ENV)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {result.stderr}")
    return elapsed


def peak_kib(command: list[str]) -> int:
    out = subprocess.run([sys.executable, "-c", _PEAK, *command], capture_output=True, text=True, check=True, env=ENV)
    return int(out.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", default="100,1000", help="comma-separated numbers of plans")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the fastest counts")
    args = parser.parse_args()
    counts = [int(c) for c in args.counts.split(",")]
    print(f"Python {sys.version.split()[0]} on {os.uname().machine}, {os.cpu_count()} cores; plans of 200 actions")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the start")
    print(f"{'plans':>6} {'tomllib':>9} {'-j1':>8} {'ratio':>6} {'-j2':>8} {'ratio':>6} {'default':>8} {'ratio':>6} "
          f"{'peak -j1':>9} {'peak -j2':>9} {'check one':>9} {'mem -j1':>7} {'mem -j2':>7}")
    growth: dict[int, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as temporary:
        for count in counts:
            folder = Path(temporary) / str(count)
            folder.mkdir()
            paths = write_plans(folder, count)
            one = [INTL, "compare", str(folder), "--jobs", "1"]
            two = [INTL, "compare", str(folder), "--jobs", "2"]
            auto = [INTL, "compare", str(folder)]
            run([INTL, "compare", str(paths[0])])  # a first run caches the bytecode
            parse = compare_one = compare_two = compare_auto = float("inf")
            for _ in range(args.repeat):  # interleaved, so that load on the machine touches each alike
                parse = min(parse, parse_all(paths))
                compare_one = min(compare_one, run(one))
                compare_two = min(compare_two, run(two))
                compare_auto = min(compare_auto, run(auto))
            largest = max(paths, key=lambda p: p.stat().st_size)
            check_peak = peak_kib([INTL, "check", str(largest)])
            one_peak, two_peak = peak_kib(one), peak_kib(two)
            growth[count] = (compare_one, compare_two)
            print(
                f"{count:>6} {parse:>8.2f}s {compare_one:>7.2f}s {compare_one / parse:>5.2f}x {compare_two:>7.2f}s "
                f"{compare_two / parse:>5.2f}x {compare_auto:>7.2f}s {compare_auto / parse:>5.2f}x "
                f"{one_peak / 1024:>7.0f}MB {two_peak / 1024:>7.0f}MB {check_peak / 1024:>7.0f}MB "
                f"{one_peak / check_peak:>6.2f}x {two_peak / check_peak:>6.2f}x"
            )
    if len(counts) > 1:
        low, high = counts[0], counts[-1]
        print(
            f"growth {low} -> {high} plans ({high / low:g}x the files): -j1 {growth[high][0] / growth[low][0]:.2f}x, "
            f"-j2 {growth[high][1] / growth[low][1]:.2f}x"
        )
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    print("ratio: intl compare wall time / tomllib.loads of the same files in one process; "
          "mem: peak memory of the compare processes (the largest of the command and its workers) / "
          "intl check of the largest plan alone")


if __name__ == "__main__":
    main()
