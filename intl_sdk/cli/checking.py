"""Checking files for the command line: expand folders, read, check, keep errors."""

from __future__ import annotations

from typing import Iterable, Mapping, Sequence

from intl_sdk.errors import NotAPlanError, PlanError
from intl_sdk.findings import Finding, Severity


class FileResult:
    """One file's outcome: its findings, or the `PlanError` that stopped it (or
    why it was skipped). A plain class: an attrs class or a named tuple costs
    a compiled method or several to define, on every `intl check`."""

    __slots__ = ("path", "findings", "error", "skipped")

    def __init__(
        self, path: str, findings: Sequence[Finding] = (), error: PlanError | None = None, skipped: str | None = None
    ) -> None:
        self.path = path
        self.findings = findings
        self.error = error
        self.skipped = skipped

    def __repr__(self) -> str:
        return f"FileResult({self.path!r}, {len(self.findings)} findings, error={self.error!r}, skipped={self.skipped!r})"


def check_paths(
    paths: Iterable[str],
    *,
    ignore: list[str],
    select: list[str] | None,
    severity: Mapping[str, str],
    only_plans: bool = False,
) -> list[FileResult]:
    from intl_sdk.checks import check
    from intl_sdk.plan_files import find_toml_files, has_format_line
    from intl_sdk.reading import load, loads

    results = []
    for path, named in find_toml_files(paths):
        if named and not only_plans:
            try:
                plan = load(path)
            except PlanError as error:
                results.append(FileResult(path, error=error))
                continue
        else:  # only plans: decide by the file's top-level table
            try:
                with open(path, "rb") as handle:
                    data = handle.read()
            except OSError:
                data = None
            if data is not None and not has_format_line(data):
                results.append(FileResult(path, skipped=_NOT_A_PLAN))
                continue
            try:
                plan = load(path) if data is None else loads(data, path=path)
            except NotAPlanError:
                results.append(FileResult(path, skipped=_NOT_A_PLAN))
                continue
            except PlanError as error:
                results.append(FileResult(path, error=error))
                continue
        results.append(FileResult(path, check(plan, ignore=ignore, select=select, severity=severity)))
    return results


_NOT_A_PLAN = "not a plan (no top-level `format`)"


def exit_status(results: list[FileResult], fail_on: str) -> int:
    if any(result.error for result in results):
        return 2
    threshold = Severity(fail_on).rank
    if any(f.severity.rank >= threshold for result in results for f in result.findings):
        return 1
    return 0
