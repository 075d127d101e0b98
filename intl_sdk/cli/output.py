"""`intl check` output: compiler-style text and JSON (SARIF is in `sarif.py`).

Plan text (ids, names) reaches the terminal only through `printable` and
`rich.text.Text`, never as markup.
"""

from __future__ import annotations

import os
from collections import Counter

from intl_sdk.cli.checking import FileResult
from intl_sdk.display import counted, printable, severity_counts
from intl_sdk.findings import Severity

_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def summary(results: list[FileResult]) -> dict[str, int]:
    counts = Counter(f.severity.value for result in results for f in result.findings)
    return {level.value: counts.get(level.value, 0) for level in Severity}


_ANSI = {"bold red": "1;31", "yellow": "33", "cyan": "36", "bold": "1", "dim": "2"}


def _use_colour(choice: str, stream) -> bool:
    """--color always/never, or auto: a terminal, not NO_COLOR, not TERM=dumb."""
    if choice != "auto":
        return choice == "always"
    return stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def render_text(results: list[FileResult], *, color: str = "auto") -> None:
    """Compiler-style lines. Colour comes from our own labels only: plan text is
    made printable first, so nothing in a plan can reach the terminal as an escape."""
    import sys

    out, err = sys.stdout, sys.stderr
    paint_out, paint_err = _use_colour(color, out), _use_colour(color, err)

    def paint(text: str, style: str, enabled: bool) -> str:
        return f"\x1b[{_ANSI[style]}m{text}\x1b[0m" if enabled and style else text

    for result in results:
        path = printable(result.path)
        if result.skipped:
            err.write(paint(f"{path}: skipped: {result.skipped}", "dim", paint_err) + "\n")
            continue
        if result.error is not None:
            err.write(paint(f"error: {printable(str(result.error))}", "bold red", paint_err) + "\n")
            continue
        for finding in result.findings:
            where = f"{path}:{finding.line}: " if finding.line else f"{path}: "
            label = f"{finding.severity.value}[{finding.code}]"
            out.write(
                paint(where, "bold", paint_out)
                + paint(label, _STYLES[finding.severity], paint_out)
                + " "
                + printable(finding.message)
                + "\n"
            )
            out.write(paint("    hint: " + printable(finding.hint), "dim", paint_out) + "\n")
    counts = summary(results)
    checked = sum(1 for r in results if not r.skipped and r.error is None)
    unreadable = sum(1 for r in results if r.error is not None)
    tail = f"; {unreadable} could not be read" if unreadable else ""
    out.write(paint(f"Checked {counted(checked, 'plan')}: {severity_counts(counts)}{tail}.", "bold", paint_out) + "\n")
    out.flush()


def render_json(results: list[FileResult]) -> str:
    import json

    files = []
    for result in results:
        if result.skipped:
            continue
        entry: dict[str, object] = {"path": result.path, "findings": [f.as_dict() for f in result.findings]}
        if result.error is not None:
            entry["error"] = {
                "line": result.error.line,
                "column": result.error.column,
                "message": result.error.message,
            }
        files.append(entry)
    return json.dumps({"files": files, "summary": summary(results)}, indent=2, ensure_ascii=False)
