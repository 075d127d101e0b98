"""One open document, read and checked: the plan, its findings, or why there is none.

`analyse` is what the server runs after a change: the same `loads` and
`check` as `intl check`, so the plan's `ignore` and `[severity]` apply and a
plugin's failure is a `plugin-error` finding. It never raises: an unexpected
error becomes `crash`, shown as one diagnostic, and the server carries on.
"""

from __future__ import annotations

import traceback
from typing import TYPE_CHECKING

from attrs import define, field

from intl_lsp.text import UTF16, Lines

if TYPE_CHECKING:
    from intl_sdk import Finding, Plan, PlanError

    from intl_lsp.places import PlanPlaces

__all__ = ["Analysis", "analyse", "looks_like_plan"]


def looks_like_plan(text: str) -> bool:
    """Whether a TOML text has a top-level `format` key (pyproject.toml has not):
    the rule `intl check --only-plans` uses."""
    from intl_sdk.plan_files import has_format_line

    return has_format_line(text.encode("utf-8", "surrogatepass"))


@define
class Analysis:
    """A document's text at one version, and what reading and checking it gave."""

    uri: str
    version: int | None
    text: str
    lines: Lines
    is_plan: bool = False
    plan: Plan | None = None
    findings: list[Finding] = field(factory=list)
    error: PlanError | None = None
    crash: str | None = None
    _places: PlanPlaces | None = field(default=None, repr=False)

    @property
    def places(self) -> PlanPlaces | None:
        """Where the plan's keys and values are (None when there is no plan)."""
        if self._places is None and self.plan is not None:
            from intl_lsp.places import PlanPlaces

            self._places = PlanPlaces(self.plan, self.lines)
        return self._places


def analyse(
    uri: str,
    version: int | None,
    text: str,
    *,
    path: str | None = None,
    encoding: str = UTF16,
    previous: Plan | None = None,
    lines: Lines | None = None,
) -> Analysis:
    """Read and check one document's text; never raises. `previous`, the plan
    of an earlier version, lets an edit inside one table re-parse that table
    only; `lines`, the text's line map if the document has made it."""
    from intl_sdk import PlanError, check, loads
    from intl_sdk.rereading import loads_edited

    if lines is None or lines.text is not text or lines.encoding != encoding:
        lines = Lines(text, encoding)
    analysis = Analysis(uri, version, text, lines)
    if not looks_like_plan(text):
        return analysis
    analysis.is_plan = True
    try:
        plan = loads(text, path=path) if previous is None else loads_edited(text, previous, path=path)
    except PlanError as error:
        analysis.error = error
        return analysis
    except Exception as error:  # a bug in the reader: say so, keep serving
        analysis.crash = _describe(error)
        return analysis
    analysis.plan = plan
    try:
        analysis.findings = check(plan)
    except Exception as error:  # check() isolates plugins' checks; this is anything else
        analysis.crash = _describe(error)
    return analysis


def _describe(error: Exception) -> str:
    where = traceback.extract_tb(error.__traceback__)[-1:] if error.__traceback__ else []
    place = f" (in {where[0].filename}:{where[0].lineno})" if where else ""
    return f"{type(error).__name__}: {error}{place}"
