"""The checker: `check(plan)` runs every registered check and applies settings.

Settings come from the plan (`ignore`, `[severity]`) and from the caller (the
command line's `--ignore`, `--select`, `--severity`), the caller winning.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, Iterable, Mapping

# Importing the check modules registers their checks, in this order (by subject).
from intl_sdk.checks import regions  # noqa: F401  isort: skip
from intl_sdk.checks import offices  # noqa: F401  isort: skip
from intl_sdk.checks import items  # noqa: F401  isort: skip
from intl_sdk.checks import references  # noqa: F401  isort: skip
from intl_sdk.checks import actions  # noqa: F401  isort: skip
from intl_sdk.checks import duplicates  # noqa: F401  isort: skip
from intl_sdk.checks import indicators  # noqa: F401  isort: skip
from intl_sdk.checks import strategy  # noqa: F401  isort: skip
from intl_sdk.checks import methodology  # noqa: F401  isort: skip
from intl_sdk.checks import agreements  # noqa: F401  isort: skip
from intl_sdk.checks import cooperation  # noqa: F401  isort: skip
from intl_sdk.checks.context import CheckContext
from intl_sdk.checks.registry import CORE_RULES, Rule
from intl_sdk.findings import Finding, Severity
from intl_sdk.model import Plan

if TYPE_CHECKING:
    from intl_sdk.plugins import Plugins

__all__ = ["UnknownCodeError", "check", "all_rules"]


class UnknownCodeError(ValueError):
    """A caller named a code that no check has (a usage error, never ignored)."""


def all_rules(plugins: Plugins | None = None) -> dict[str, Rule]:
    """Core rules and those of the plugins (by default, the installed ones), by code."""
    if plugins is None:
        from intl_sdk.plugins import installed_plugins

        plugins = installed_plugins()
    return {**CORE_RULES, **plugins.rules}


def check(
    plan: Plan,
    *,
    ignore: Iterable[str] = (),
    select: Iterable[str] | None = None,
    severity: Mapping[str, str | Severity] | None = None,
    plugins: Plugins | None = None,
) -> list[Finding]:
    """Every finding in `plan`, sorted by line, then code.

    `ignore` skips codes, `select` runs only the codes named (even ones the
    plan ignores), `severity` maps codes to levels; these win over the plan's
    own settings. An unknown code or level raises `UnknownCodeError`.
    `plugins` defaults to the installed ones (see `intl_sdk.testing` to check
    with a plugin that is not installed). A plugin's check that raises becomes
    a `plugin-error` finding; the other checks still run.
    """
    collecting = gc.isenabled()
    gc.disable()  # checks build indexes over the whole plan: a collection meanwhile would walk all of it
    try:
        return _check(plan, ignore, select, severity, plugins)
    finally:
        if collecting:
            gc.enable()


def _check(
    plan: Plan,
    ignore: Iterable[str],
    select: Iterable[str] | None,
    severity: Mapping[str, str | Severity] | None,
    plugins: Plugins | None,
) -> list[Finding]:
    if plugins is None:
        from intl_sdk.plugins import installed_plugins

        plugins = installed_plugins()
    rules = all_rules(plugins)
    ignore = list(ignore)
    select = list(select) if select is not None else None
    severity = dict(severity or {})
    _require_known(rules, ignore, "--ignore")
    _require_known(rules, select or (), "--select")
    _require_known(rules, severity, "--severity")
    overrides: dict[str, Severity] = {}
    for code, level in plan.severity.items():
        if code in rules and level in ("error", "warning", "info"):
            overrides[code] = Severity(level)
    for code, level in severity.items():
        try:
            overrides[code] = Severity(level)
        except ValueError:
            raise UnknownCodeError(f"{level!r} is not a severity: use error, warning or info") from None

    if select is not None:
        enabled = [code for code in rules if code in select and code not in ignore]
    else:
        skipped = set(ignore) | set(plan.ignore)
        enabled = [code for code in rules if code not in skipped]

    context = CheckContext(plan, plugins.frameworks)
    context.known_codes = set(rules)
    context.plugin_failures = list(plugins.failures)
    _run(context, rules, enabled, overrides)
    context.findings.sort(key=lambda finding: (finding.line or 0, finding.code))
    return context.findings


def _run(context: CheckContext, rules: Mapping[str, Rule], enabled: list[str], overrides: Mapping[str, Severity]) -> None:
    last = [code for code in enabled if code == "plugin-error"]  # reports what the others raised
    for code in [code for code in enabled if code != "plugin-error"] + last:
        rule = rules[code]
        context.code = code
        context.severity = overrides.get(code, rule.severity)
        if code in CORE_RULES:
            rule.function(context)
            continue
        reported = len(context.findings)
        try:
            rule.function(context)
        except Exception as error:  # a plugin's bug must not stop the check
            from intl_sdk.plugins import PluginFailure, _describe

            del context.findings[reported:]
            context.plugin_failures.append(PluginFailure(code.split("/")[0], rule.origin, f"check {code}", _describe(error)))


def _require_known(rules: Mapping[str, Rule], codes: Iterable[str], option: str) -> None:
    for code in codes:
        if code not in rules:
            from intl_sdk.checks.context import did_you_mean

            raise UnknownCodeError(f"{option}: {code!r} is not a check's code{did_you_mean(code, rules)}")
