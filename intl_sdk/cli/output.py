"""`intl check` output: compiler-style text, JSON, and SARIF 2.1.0 for code scanning.

Plan text (ids, names) reaches the terminal only through `printable` and
`rich.text.Text`, never as markup.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import PurePath
from urllib.parse import quote

from intl_sdk.cli.checking import FileResult
from intl_sdk.display import counted, printable, severity_counts
from intl_sdk.findings import Severity

_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


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


#: SARIF's name for the folder relative URIs start from (the check's working folder).
_SRCROOT = "%SRCROOT%"


def _artifact(path: str) -> dict[str, str]:
    """A SARIF artifactLocation: a path under the working folder stays relative
    (with `uriBaseId`), any other becomes an absolute `file://` URI; both
    percent-encoded, as SARIF 2.1.0 (3.4.3) asks."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        relative = os.pardir
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return {"uri": PurePath(os.path.abspath(path)).as_uri()}
    return {"uri": quote(PurePath(relative).as_posix()), "uriBaseId": _SRCROOT}


def render_sarif(results: list[FileResult]) -> str:
    from intl_sdk import __version__
    from intl_sdk.checks import all_rules

    rules = all_rules()
    codes = list(rules)
    index_of = {code: index for index, code in enumerate(codes)}
    driver_rules = []
    for code in codes:
        rule = rules[code]
        driver_rules.append(
            {
                "id": code,
                "name": "".join(part.title() for part in code.replace("/", "-").split("-")),
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": rule.section("What it does") or rule.summary},
                "help": {"text": f"{rule.summary}\n\n{rule.docs}", "markdown": f"**{rule.summary}**\n\n{rule.docs}"},
                "defaultConfiguration": {"level": _SARIF_LEVELS[rule.severity]},
                "properties": {"tags": ["internationalisation-plan"], "provider": rule.origin},
            }
        )
    sarif_results = []
    notifications = []
    for result in results:
        if result.skipped:
            continue
        artifact = _artifact(result.path)
        location = {"physicalLocation": {"artifactLocation": artifact}}
        if result.error is not None:
            region = {"startLine": result.error.line or 1}
            if result.error.column:
                region["startColumn"] = result.error.column
            location["physicalLocation"]["region"] = region
            notifications.append(
                {"level": "error", "message": {"text": result.error.message}, "locations": [location]}
            )
            continue
        for finding in result.findings:
            finding_location = {
                "physicalLocation": {
                    "artifactLocation": artifact,
                    "region": {"startLine": finding.line or 1},
                },
                "logicalLocations": [{"fullyQualifiedName": finding.path, "kind": "member"}],
            }
            sarif_results.append(
                {
                    "ruleId": finding.code,
                    "ruleIndex": index_of.get(finding.code, -1),
                    "level": _SARIF_LEVELS[finding.severity],
                    "message": {"text": f"{finding.message}. {finding.hint[:1].upper()}{finding.hint[1:]}."},
                    "locations": [finding_location],
                }
            )
    run = {
        "tool": {
            "driver": {
                "name": "intl",
                "fullName": "intl-sdk plan checker",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": "https://pypi.org/project/intl-sdk/",
                "rules": driver_rules,
            }
        },
        "invocations": [
            {
                "executionSuccessful": not notifications,
                "toolExecutionNotifications": notifications,
            }
        ],
        "originalUriBaseIds": {_SRCROOT: {"uri": PurePath(os.getcwd()).as_uri().rstrip("/") + "/"}},
        "results": sarif_results,
    }
    log = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False)
