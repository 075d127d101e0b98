"""Every benchmark, one after the other, each printing its ratios against a baseline measured in the same run.

    uv run --all-packages python benchmarks/run_all.py

Benchmarks print figures; nothing here fails on time.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
RUNS = [
    ("load + check vs tomllib.loads, 2.5k to 20k actions, with and without findings", ["bench_check.py"]),
    ("saving after one edit vs tomllib.loads, 2.5k to 20k actions", ["bench_saves.py"]),
    ("dumps vs tomli_w.dumps", ["bench_dumps.py"]),
    ("load and dump", ["bench_io.py"]),
    ("intl check cold start vs python -c pass", ["bench_cold_start.py"]),
    ("reports", ["bench_report.py"]),
    ("intl import and export of 10,000 actions vs intl_sdk.loads", ["bench_office.py"]),
    ("editor: keystroke to findings", ["bench_tui.py", "--keys", "60"]),
    ("language server: change to diagnostics vs loads + check", ["bench_lsp.py"]),
    ("intl compare of 100 and 1,000 plans vs tomllib.loads of the files", ["bench_compare.py"]),
    ("editor in a real terminal: opening, key to screen", ["bench_tui_terminal.py"]),
]


def main() -> None:
    for title, command in RUNS:
        print(f"\n== {title}", flush=True)
        subprocess.run([sys.executable, str(HERE / command[0]), *command[1:]], check=False)


if __name__ == "__main__":
    main()
