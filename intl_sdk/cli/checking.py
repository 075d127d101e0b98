"""Checking files for the command line: expand folders, read, check, keep errors."""

from __future__ import annotations

import os
from typing import Iterable, Mapping

from attrs import define, field

from intl_sdk.errors import PlanError
from intl_sdk.findings import Finding, Severity


@define
class FileResult:
    """One file's outcome: its findings, or the `PlanError` that stopped it."""

    path: str
    findings: list[Finding] = field(factory=list)
    error: PlanError | None = None
    skipped: str | None = None


def expand(paths: Iterable[str]) -> list[tuple[str, bool]]:
    """(file, named by the user) for each argument; a folder gives its *.toml files."""
    out: list[tuple[str, bool]] = []
    for path in paths:
        if os.path.isdir(path):
            names = sorted(name for name in os.listdir(path) if name.endswith(".toml"))
            out.extend((os.path.join(path, name), False) for name in names)
        else:
            out.append((path, True))
    return out


def check_paths(
    paths: Iterable[str],
    *,
    ignore: list[str],
    select: list[str] | None,
    severity: Mapping[str, str],
    only_plans: bool = False,
) -> list[FileResult]:
    from intl_sdk.checks import check
    from intl_sdk.reading import load

    results = []
    for path, named in expand(paths):
        if (only_plans or not named) and not _looks_like_plan(path):
            results.append(FileResult(path, skipped="not a plan (no `format` key)"))
            continue
        try:
            plan = load(path)
        except PlanError as error:
            results.append(FileResult(path, error=error))
            continue
        results.append(FileResult(path, check(plan, ignore=ignore, select=select, severity=severity)))
    return results


def _looks_like_plan(path: str) -> bool:
    """A file in a folder is a plan if it has a top-level `format` key (pyproject.toml is not)."""
    import re

    try:
        with open(path, "rb") as handle:
            head = handle.read(65536)
    except OSError:
        return True  # let load() report it
    return re.search(rb"^\s*format\s*=", head, re.M) is not None


def exit_status(results: list[FileResult], fail_on: str) -> int:
    if any(result.error for result in results):
        return 2
    threshold = Severity(fail_on).rank
    if any(f.severity.rank >= threshold for result in results for f in result.findings):
        return 1
    return 0
