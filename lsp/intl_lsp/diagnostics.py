"""An analysis as LSP diagnostics: what `intl check` says, where it says it.

Each finding is marked on its value (the quoted id, the number) when the
value is on the finding's line, else on that line's content; a `PlanError`
is one diagnostic at its line and column. Text from the plan is passed
through `printable`, so control characters show as escapes, never act.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from intl_lsp.analysis import Analysis
from intl_lsp.text import Lines

if TYPE_CHECKING:
    from intl_sdk import Finding

__all__ = ["SOURCE", "diagnostics", "docs_link", "finding_diagnostic", "to_range"]

SOURCE = "intl"

_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


def to_range(lines: Lines, start: int, end: int) -> types.Range:
    start_line, start_character = lines.position(start)
    end_line, end_character = lines.position(end)
    return types.Range(types.Position(start_line, start_character), types.Position(end_line, end_character))


def docs_link(template: str | None, code: str) -> str | None:
    """The docs URL of a code from the `docsUrl` setting: `{code}` is the code,
    `{anchor}` the code as docs/checks.md anchors it (without `/`)."""
    if not template:
        return None
    return template.replace("{code}", code).replace("{anchor}", code.replace("/", ""))


def diagnostics(analysis: Analysis, docs_url: str | None = None) -> list[types.Diagnostic]:
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
            types.Diagnostic(
                range=to_range(lines, start, end),
                message=printable(error.message),
                severity=types.DiagnosticSeverity.Error,
                source=SOURCE,
            )
        ]
    out = []
    if analysis.crash is not None:
        start, end = lines.line_bounds(0)
        out.append(
            types.Diagnostic(
                range=to_range(lines, start, end),
                message=printable(f"intl could not check this plan: internal error: {analysis.crash} (please report it)"),
                severity=types.DiagnosticSeverity.Error,
                source=SOURCE,
            )
        )
    if analysis.places is None:
        return out
    return out + [finding_diagnostic(analysis, finding, docs_url) for finding in analysis.findings]


def finding_diagnostic(analysis: Analysis, finding: Finding, docs_url: str | None = None) -> types.Diagnostic:
    """One finding as a diagnostic, on its value or its line."""
    from intl_sdk.display import printable

    assert analysis.places is not None
    start, end = analysis.places.finding(finding)
    link = docs_link(docs_url, finding.code)
    return types.Diagnostic(
        range=to_range(analysis.lines, start, end),
        message=f"{printable(finding.message)}\nhint: {printable(finding.hint)}",
        severity=_SEVERITY[finding.severity.value],
        code=finding.code,
        code_description=types.CodeDescription(href=link) if link else None,
        source=SOURCE,
    )
