"""`intl check --format sarif`: SARIF 2.1.0 for code scanning (GitHub, Azure DevOps...).

Every rule is listed once with its docs as help; each finding is a result at
its file and line; an unreadable plan is a tool execution notification.
"""

from __future__ import annotations

import json
import os
from pathlib import PurePath
from urllib.parse import quote

from intl_sdk.cli.checking import FileResult
from intl_sdk.findings import Severity

__all__ = ["render_sarif"]

_SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

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
