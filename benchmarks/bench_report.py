"""Rendering reports of the generated 5,000-action plan, beside tomllib.loads of its text.

    uv run python benchmarks/bench_report.py
"""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import intl_sdk  # noqa: E402
from intl_sdk.report import render_html, render_markdown  # noqa: E402
from plan_factory import make_plan_text  # noqa: E402
from timing import best_of, ms  # noqa: E402


def main() -> None:
    text = make_plan_text()
    plan = intl_sdk.loads(text)
    findings = intl_sdk.check(plan)
    baseline = best_of(lambda: tomllib.loads(text), repeat=3)
    html = best_of(lambda: render_html(plan, findings), repeat=3)
    markdown = best_of(lambda: render_markdown(plan, findings), repeat=3)
    whole = best_of(lambda: render_html(intl_sdk.loads(text)), repeat=3)
    size = len(render_html(plan, findings))
    print(f"Python {sys.version.split()[0]} on {os.uname().machine}, {os.cpu_count()} cores; 5,000 actions, 200 regions, 500 indicators")
    print(f"  tomllib.loads (baseline)              {ms(baseline)}   1.00x")
    print(f"  HTML report ({size / 1e6:.1f} MB)                {ms(html)}   {html / baseline:.2f}x")
    print(f"  Markdown report                       {ms(markdown)}   {markdown / baseline:.2f}x")
    print(f"  intl report: load, check, render HTML {ms(whole)}   {whole / baseline:.2f}x")


if __name__ == "__main__":
    main()
