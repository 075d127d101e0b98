"""`intl check` from a cold start beside `python -c pass`, with and without bytecode.

    uv run python benchmarks/bench_cold_start.py

Prints the medians of repeated runs as ratios to `python -c pass` measured in
the same run; the start with no bytecode (every module compiled from source,
as when PYTHONDONTWRITEBYTECODE is set and nothing was compiled at install);
the floor that the required imports alone set; what each installed plugin's
import costs; and proof that neither Textual nor rich is imported.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
INTL = str(Path(sys.executable).with_name("intl"))
PLAN = str(REPO / "examples" / "nwda.toml")
RUNS = int(os.environ.get("BENCH_RUNS", "21"))


def timed(command: list[str], env: dict[str, str] | None = None, runs: int = RUNS) -> float:
    """Median wall time of a command, in seconds (runs interleaved by the caller's order)."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


_PLUGIN_PROBE = """
import sys, time, intl_sdk, intl_sdk.checks, intl_sdk.plugins
from intl_sdk.entry_points import plugin_entry_points
for point in plugin_entry_points("intl_sdk"):
    start = time.perf_counter()
    point.load()
    print(point.name, point.value, (time.perf_counter() - start) * 1000)
"""


def plugin_import_costs(env: dict[str, str]) -> dict[str, float]:
    """What importing each installed plugin adds to a start (ms, median of fresh processes,
    the core already imported, as in `intl check`)."""
    samples: dict[str, list[float]] = {}
    for _ in range(9):
        done = subprocess.run([sys.executable, "-c", _PLUGIN_PROBE], capture_output=True, text=True, env=env)
        for line in done.stdout.splitlines():
            name, value, cost = line.split()
            samples.setdefault(f"{name} ({value})", []).append(float(cost))
    return {plugin: statistics.median(costs) for plugin, costs in samples.items()}


def main() -> None:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([INTL, "check", PLAN], capture_output=True, env=env)  # writes any missing bytecode, fills caches
    with tempfile.TemporaryDirectory() as empty:
        # No bytecode: an empty pycache prefix and no writing, so every import compiles from source.
        cold_env = {**env, "PYTHONPYCACHEPREFIX": empty, "PYTHONDONTWRITEBYTECODE": "1"}
        baseline = timed([sys.executable, "-c", "pass"], env)
        check = timed([INTL, "check", PLAN], env)
        floor = timed([sys.executable, "-c", "import attrs, pluggy, tomllib"], env)
        cold = timed([INTL, "check", PLAN], cold_env, runs=max(5, RUNS // 3))
        cold_baseline = timed([sys.executable, "-c", "pass"], cold_env, runs=max(5, RUNS // 3))
    probe = subprocess.run(
        [sys.executable, "-c", f"import sys; from intl_sdk.cli import main; main(['check', {PLAN!r}]); "
         "print('textual' in sys.modules, 'rich' in sys.modules, 'importlib.metadata' in sys.modules, "
         "any(m in sys.modules for m in ('openpyxl', 'docx', 'lxml', 'intl_sdk.office')), file=sys.stderr)"],
        capture_output=True, text=True, env=env,
    )
    textual, rich, metadata, office = probe.stderr.split()[-4:]
    print(f"Python {sys.version.split()[0]} on {os.uname().machine}, {os.cpu_count()} cores; medians of {RUNS} runs")
    print(f"  python -c pass (baseline)                  {baseline * 1000:7.1f} ms   1.00x")
    print(f"  python -c 'import attrs, pluggy, tomllib'  {floor * 1000:7.1f} ms   {floor / baseline:5.2f}x   (the floor)")
    print(f"  intl check examples/nwda.toml              {check * 1000:7.1f} ms   {check / baseline:5.2f}x   (target 7x)")
    print(f"  the same with no bytecode                  {cold * 1000:7.1f} ms   {cold / baseline:5.2f}x   "
          f"({cold / cold_baseline:4.2f}x python -c pass with no bytecode)")
    print("  plugin imports during intl check (cumulative, median):")
    for plugin, cost in plugin_import_costs(env).items():
        print(f"    {plugin:40} {cost:6.1f} ms")
    print(f"  imported by intl check: Textual {textual}, rich {rich}, importlib.metadata {metadata}, "
          f"the office extra (openpyxl, python-docx, intl_sdk.office) {office}")


if __name__ == "__main__":
    main()
