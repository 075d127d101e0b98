"""The registry of checks: each code, its default severity, summary and docs.

Modelled on ruff's rules: a code is a kebab-case name that reads as a problem,
stable forever; its docs say what it catches, why that matters, an example,
and what to write instead. Plugins register theirs under their own prefix.
"""

from __future__ import annotations

import inspect
import re
from typing import TYPE_CHECKING, Callable, NamedTuple

from intl_sdk.findings import Severity

if TYPE_CHECKING:
    from intl_sdk.checks.context import CheckContext

__all__ = ["CORE_RULES", "Rule", "rule"]

CheckFunction = Callable[["CheckContext"], None]

_CODE_RE = re.compile(r"^([a-z0-9]+(-[a-z0-9]+)*/)?[a-z0-9]+(-[a-z0-9]+)*$")
_SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead")


class Rule(NamedTuple):
    """A check: its code, default severity, one-line summary, docs and function.

    A named tuple, not an attrs class: it is internal, and every `intl check`
    starts faster for a class that costs nothing to define."""

    code: str
    severity: Severity
    summary: str
    docs: str
    function: CheckFunction
    origin: str = "intl-sdk"  # the distribution that provides it

    def explanation(self) -> str:
        """What `intl explain CODE` prints: the code, its severity and origin, summary and docs."""
        return f"# {self.code} ({self.severity.value} by default, from {self.origin})\n\n{self.summary}\n\n{self.docs}"

    def section(self, title: str) -> str:
        """One section of the docs (`What it does`, `Why is this bad?`, ...)."""
        match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", self.docs, re.M | re.S)
        return match.group(1).strip() if match else ""


CORE_RULES: dict[str, Rule] = {}


def make_rule(
    code: str, severity: Severity, function: CheckFunction, origin: str = "intl-sdk", docs: str | None = None
) -> Rule:
    """A Rule from a check function; its docs are `docs` or else the function's
    docstring: a summary line, then the four sections."""
    if not _CODE_RE.match(code):
        raise ValueError(f"{code!r} is not a kebab-case code (optionally prefix/code)")
    docs = inspect.cleandoc(docs if docs is not None else function.__doc__ or "")
    summary, _, body = docs.partition("\n")
    missing = [title for title in _SECTIONS if f"## {title}" not in body]
    if missing:
        raise ValueError(f"the docs of {code} lack the sections {missing}")
    return Rule(code, Severity(severity), summary.strip(), body.strip(), function, origin)


def rule(code: str, severity: Severity) -> Callable[[CheckFunction], CheckFunction]:
    """Register a core check function under `code`."""

    def register(function: CheckFunction) -> CheckFunction:
        if code in CORE_RULES:
            raise ValueError(f"two checks are registered as {code}")
        CORE_RULES[code] = make_rule(code, severity, function)
        return function

    return register
