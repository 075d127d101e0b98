"""`intl check` from a cold start beside `python -c pass`, and proof that Textual stays out.

    uv run python benchmarks/bench_cold_start.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
INTL = str(Path(sys.executable).with_name("intl"))


def timed(command: list[str], runs: int = 15) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    plan = str(REPO / "examples" / "nwda.toml")
    baseline = timed([sys.executable, "-c", "pass"])
    check = timed([INTL, "check", plan])
    probe = subprocess.run(
        [sys.executable, "-c", f"import sys; from intl_sdk.cli import main; main(['check', {plan!r}]); print('textual' in sys.modules, 'rich' in sys.modules, file=sys.stderr)"],
        capture_output=True, text=True,
    )
    textual, rich = probe.stderr.split()[-2:]
    print(f"Python {sys.version.split()[0]} on {os.uname().machine}, {os.cpu_count()} cores; medians of 15 runs")
    print(f"  python -c pass (baseline)          {baseline * 1000:7.1f} ms   1.00x")
    print(f"  intl check examples/nwda.toml      {check * 1000:7.1f} ms   {check / baseline:5.2f}x   (target 3x)")
    print(f"  Textual imported by intl check: {textual}; rich imported: {rich}")


if __name__ == "__main__":
    main()
