"""An analysis as LSP diagnostics: what `intl check` says, where it says it.

Each finding is marked on its value (the quoted id, the number) when the
value is on the finding's line, else on that line's content; a `PlanError`
is one diagnostic at its line and column. Text from the plan is passed
through `printable`, so control characters show as escapes, never act.

Diagnostics are built as the protocol's JSON objects (plain dicts), not as
lsprotocol classes: they are sent after every change, and converting classes
to JSON costs more than the rest of the server's work on a small plan.
`as_lsp` gives the class where a feature needs one (a code action's diagnostics).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lsprotocol import types

from intl_lsp.analysis import Analysis
from intl_lsp.text import Lines

if TYPE_CHECKING:
    from intl_sdk import Finding

__all__ = ["SOURCE", "as_lsp", "diagnostics", "docs_link", "finding_diagnostic", "to_range"]

SOURCE = "intl"
Diagnostic = dict[str, Any]

_SEVERITY = {
    "error": types.DiagnosticSeverity.Error.value,
    "warning": types.DiagnosticSeverity.Warning.value,
    "info": types.DiagnosticSeverity.Information.value,
}


def to_range(lines: Lines, start: int, end: int) -> types.Range:
    start_line, start_character = lines.position(start)
    end_line, end_character = lines.position(end)
    return types.Range(
        start=types.Position(line=start_line, character=start_character),
        end=types.Position(line=end_line, character=end_character),
    )


def _range(lines: Lines, start: int, end: int) -> dict[str, Any]:
    start_line, start_character = lines.position(start)
    end_line, end_character = lines.position(end)
    return {
        "start": {"line": start_line, "character": start_character},
        "end": {"line": end_line, "character": end_character},
    }


def as_lsp(diagnostic: Diagnostic) -> types.Diagnostic:
    from lsprotocol.converters import get_converter

    return get_converter().structure(diagnostic, types.Diagnostic)


def docs_link(template: str | None, code: str) -> str | None:
    """The docs URL of a code from the `docsUrl` setting: `{code}` is the code,
    `{anchor}` the code as docs/checks.md anchors it (without `/`)."""
    if not template:
        return None
    return template.replace("{code}", code).replace("{anchor}", code.replace("/", ""))


def diagnostics(analysis: Analysis, docs_url: str | None = None) -> list[Diagnostic]:
    """Every finding of the analysis, or its one error; nothing for a file that is not a plan."""
    from intl_sdk.display import printable

    lines = analysis.lines
    if analysis.error is not None:
        error = analysis.error
        line = (error.line or 1) - 1
        start, end = lines.line_bounds(line)
        if error.column is not None:
            start = min(max(lines.offset(line, 0) + error.column - 1, start), end)
        if start == end:  # an error at the end of a line still marks a character
            start = max(end - 1, lines.offset(line, 0))
        return [
            {
                "range": _range(lines, start, end),
                "message": printable(error.message),
                "severity": _SEVERITY["error"],
                "source": SOURCE,
            }
        ]
    out = []
    if analysis.crash is not None:
        start, end = lines.line_bounds(0)
        out.append(
            {
                "range": _range(lines, start, end),
                "message": printable(f"intl could not check this plan: internal error: {analysis.crash} (please report it)"),
                "severity": _SEVERITY["error"],
                "source": SOURCE,
            }
        )
    if analysis.places is None:
        return out
    return out + [finding_diagnostic(analysis, finding, docs_url) for finding in analysis.findings]


def finding_diagnostic(analysis: Analysis, finding: Finding, docs_url: str | None = None) -> Diagnostic:
    """One finding as a diagnostic, on its value or its line."""
    from intl_sdk.display import printable

    assert analysis.places is not None
    start, end = analysis.places.finding(finding)
    diagnostic: Diagnostic = {
        "range": _range(analysis.lines, start, end),
        "message": f"{printable(finding.message)}\nhint: {printable(finding.hint)}",
        "severity": _SEVERITY[finding.severity.value],
        "code": finding.code,
        "source": SOURCE,
    }
    link = docs_link(docs_url, finding.code)
    if link:
        diagnostic["codeDescription"] = {"href": link}
    return diagnostic
