"""The registry of checks: each code, its default severity, summary and docs.

Modelled on ruff's rules: a code is a kebab-case name that reads as a problem,
stable forever; its docs say what it catches, why that matters, an example,
and what to write instead. Plugins register theirs under their own prefix.
"""

from __future__ import annotations

import inspect
import re
from typing import TYPE_CHECKING, Callable

from intl_sdk.findings import Severity

if TYPE_CHECKING:
    from intl_sdk.checks.context import CheckContext

__all__ = ["CORE_RULES", "Rule", "rule"]

CheckFunction = Callable[["CheckContext"], None]

_CODE_RE = re.compile(r"^([a-z0-9]+(-[a-z0-9]+)*/)?[a-z0-9]+(-[a-z0-9]+)*$")
_SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead")


class Rule:
    """A check: its code, default severity, one-line summary, docs and function.

    The summary and docs come from `docs`, or else the function's docstring (a
    summary line, then the four sections), cleaned when first read: every
    `intl check` registers all the core's checks and reads none of their docs.
    A plain class, not an attrs one, for the same reason: it is internal."""

    __slots__ = ("code", "severity", "function", "origin", "_source", "_parts")

    def __init__(
        self, code: str, severity: Severity, function: CheckFunction, origin: str = "intl-sdk", docs: str | None = None
    ) -> None:
        self.code = code
        self.severity = severity
        self.function = function
        self.origin = origin  # the distribution that provides it
        self._source = docs
        self._parts: tuple[str, str] | None = None

    def __repr__(self) -> str:
        return f"Rule({self.code!r}, {self.severity.value}, from {self.origin})"

    @property
    def summary(self) -> str:
        return self._split()[0]

    @property
    def docs(self) -> str:
        """The docs below the summary: the four sections."""
        return self._split()[1]

    def _split(self) -> tuple[str, str]:
        if self._parts is None:
            text = inspect.cleandoc(self._source if self._source is not None else self.function.__doc__ or "")
            summary, _, body = text.partition("\n")
            self._parts = (summary.strip(), body.strip())
        return self._parts

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
    """A plugin's Rule from a check function, its code and docs checked now (a
    fault is the plugin's `plugin-error`); its docs are `docs` or else the
    function's docstring: a summary line, then the four sections."""
    made = _rule(code, severity, function, origin, docs)
    missing = [title for title in _SECTIONS if f"## {title}" not in made.docs]
    if missing:
        raise ValueError(f"the docs of {code} lack the sections {missing}")
    return made


def _rule(code: str, severity: Severity, function: CheckFunction, origin: str = "intl-sdk", docs: str | None = None) -> Rule:
    if not _CODE_RE.match(code):
        raise ValueError(f"{code!r} is not a kebab-case code (optionally prefix/code)")
    return Rule(code, Severity(severity), function, origin, docs)


def rule(code: str, severity: Severity) -> Callable[[CheckFunction], CheckFunction]:
    """Register a core check function under `code`. Its docs are read when first
    needed; the test suite holds that every core check has the four sections."""

    def register(function: CheckFunction) -> CheckFunction:
        if code in CORE_RULES:
            raise ValueError(f"two checks are registered as {code}")
        CORE_RULES[code] = _rule(code, severity, function)
        return function

    return register
