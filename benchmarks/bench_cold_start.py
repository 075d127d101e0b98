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

sys.path.insert(0, str(Path(__file__).parent))

from plan_factory import make_plan_text  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
INTL = str(Path(sys.executable).with_name("intl"))
PLAN = str(REPO / "examples" / "nwda.toml")
RUNS = int(os.environ.get("BENCH_RUNS", "21"))


def timed(commands: dict[str, tuple[list[str], dict[str, str]]], runs: int = RUNS) -> dict[str, float]:
    """Median wall time of each command, in seconds. The commands take turns, one
    run each per round, so that a change in the shared machine's load falls on
    all of them alike and the ratios hold."""
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (command, env) in commands.items():
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
            samples[name].append(time.perf_counter() - start)
    return {name: statistics.median(times) for name, times in samples.items()}


_PLUGIN_PROBE = """
import sys, time, intl_sdk, intl_sdk.checks, intl_sdk.cli, intl_sdk.plugins
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


# The steps of `intl check` in the order it takes them, timed inside one fresh process.
_PHASE_PROBE = """
import sys, time
clock = time.perf_counter
marks = [clock()]
import attrs, pluggy, tomllib
marks.append(clock())
import intl_sdk
marks.append(clock())
from intl_sdk.cli import build_parser
args = build_parser("check").parse_args(["check", sys.argv[1]])
marks.append(clock())
from intl_sdk.plugins import installed_plugins
plugins = installed_plugins()
plugins.frameworks, plugins.rules
marks.append(clock())
plan = intl_sdk.load(sys.argv[1])
marks.append(clock())
findings = intl_sdk.check(plan)
marks.append(clock())
import io, contextlib
from intl_sdk.cli.checking import FileResult
from intl_sdk.cli.output import render_text
with contextlib.redirect_stdout(io.StringIO()):
    render_text([FileResult(sys.argv[1], findings)], color="never")
marks.append(clock())
print(*((later - earlier) * 1000 for earlier, later in zip(marks, marks[1:])))
"""
PHASES = (
    "import attrs, pluggy, tomllib (the floor)",
    "import intl_sdk (model, checks)",
    "intl_sdk.cli, argparse, the check parser",
    "plugins: import, register, hooks",
    "load the plan (tomllib and the model)",
    "check (the line map and its expressions too)",
    "print the findings",
)


def phase_costs(env: dict[str, str]) -> list[float]:
    """Median ms of each step of `intl check` (fresh processes, bytecode compiled)."""
    rows = []
    for _ in range(RUNS):
        done = subprocess.run([sys.executable, "-c", _PHASE_PROBE, PLAN], capture_output=True, text=True, env=env)
        rows.append([float(value) for value in done.stdout.split()])
    return [statistics.median(column) for column in zip(*rows)]


def main() -> None:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([INTL, "check", PLAN], capture_output=True, env=env)  # writes any missing bytecode, fills caches
    with tempfile.TemporaryDirectory() as empty, tempfile.TemporaryDirectory() as plans:
        # No bytecode: an empty pycache prefix and no writing, so every import compiles from source.
        cold_env = {**env, "PYTHONPYCACHEPREFIX": empty, "PYTHONDONTWRITEBYTECODE": "1"}
        # A small plan with no finding: it needs no line map, so the map's expressions are never compiled.
        clean_plan = Path(plans, "clean.toml")
        clean_plan.write_text(make_plan_text(20, 4, 8, findings=False), encoding="utf-8")
        warm = timed({
            "baseline": ([sys.executable, "-c", "pass"], env),
            "floor": ([sys.executable, "-c", "import attrs, pluggy, tomllib"], env),
            "check": ([INTL, "check", PLAN], env),
            "clean": ([INTL, "check", str(clean_plan)], env),
        })
        cold = timed({
            "baseline": ([sys.executable, "-c", "pass"], cold_env),
            "check": ([INTL, "check", PLAN], cold_env),
        }, runs=max(5, RUNS // 3))
    baseline, floor, check, clean = warm["baseline"], warm["floor"], warm["check"], warm["clean"]
    cold_baseline, cold = cold["baseline"], cold["check"]
    probe_command = [
        sys.executable, "-c", f"import sys; from intl_sdk.cli import main; main(['check', {PLAN!r}]); "
        "print('textual' in sys.modules, 'rich' in sys.modules, 'importlib.metadata' in sys.modules, "
        "any(m in sys.modules for m in ('openpyxl', 'docx', 'lxml', 'intl_sdk.office')), file=sys.stderr)",
    ]
    subprocess.run(probe_command, capture_output=True, env=env)  # `python -c` has its own sys.path: cache it first
    probe = subprocess.run(probe_command, capture_output=True, text=True, env=env)
    textual, rich, metadata, office = probe.stderr.split()[-4:]
    print(f"Python {sys.version.split()[0]} on {os.uname().machine}, {os.cpu_count()} cores; medians of {RUNS} runs, "
          f"taking turns; load average {os.getloadavg()[0]:.2f}")
    print(f"  python -c pass (baseline)                  {baseline * 1000:7.1f} ms   1.00x")
    print(f"  python -c 'import attrs, pluggy, tomllib'  {floor * 1000:7.1f} ms   {floor / baseline:5.2f}x   (the floor)")
    print(f"  intl check examples/nwda.toml              {check * 1000:7.1f} ms   {check / baseline:5.2f}x   (target 7x)")
    print(f"  intl check of a plan without findings      {clean * 1000:7.1f} ms   {clean / baseline:5.2f}x   "
          "(400 lines like nwda, from plan_factory)")
    print(f"  the same with no bytecode                  {cold * 1000:7.1f} ms   {cold / baseline:5.2f}x   "
          f"({cold / cold_baseline:4.2f}x python -c pass with no bytecode)")
    print("  where the time goes inside intl check (median ms of fresh processes; the interpreter's own start aside):")
    for phase, cost in zip(PHASES, phase_costs(env)):
        print(f"    {phase:44} {cost:6.1f} ms")
    print("  plugin imports during intl check (each, median):")
    for plugin, cost in plugin_import_costs(env).items():
        print(f"    {plugin:40} {cost:6.1f} ms")
    print(f"  imported by intl check: Textual {textual}, rich {rich}, importlib.metadata {metadata}, "
          f"the office extra (openpyxl, python-docx, intl_sdk.office) {office}")


if __name__ == "__main__":
    main()
