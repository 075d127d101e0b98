"""Rendering the report context with Jinja2: HTML autoescaped, Markdown escaped by a filter."""

from __future__ import annotations

import re
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from intl_sdk.display import printable
from intl_sdk.findings import Finding
from intl_sdk.model import Plan
from intl_sdk.report.context import report_context

_MARKDOWN_INLINE_RE = re.compile(r"([\\`*_\[\]|~])")
#: An `&` that CommonMark would read as the start of an entity or character reference.
_MARKDOWN_ENTITY_RE = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)")
#: What would start a block at the beginning of a line: a heading, a list, a quote, a rule.
_MARKDOWN_BLOCK_START_RE = re.compile(r"^(\s*)([#+\-=>]|\d{1,9}[.)](?=\s|$))")


def markdown_text(value: object) -> str:
    """Plan text as Markdown that renders as the same text, on one line: HTML
    entities for `<` and `>` (no tag gets through), a backslash before an `&`
    that would start an entity (`\\&copy;`; a plain `R&D` stays as written),
    backslashes for the inline punctuation that could make emphasis, code,
    links or table cells, and for a block marker (`#`, `-`, `>`, `1.`) at the start."""
    text = printable(str(value)).replace("\r", " ").replace("\n", " ")
    text = _MARKDOWN_INLINE_RE.sub(r"\\\1", text)  # first: it escapes the plan's own backslashes
    text = _MARKDOWN_ENTITY_RE.sub(r"\\&", text).replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_BLOCK_START_RE.sub(_escape_block_start, text, count=1)


def _escape_block_start(match: re.Match[str]) -> str:
    marker = match.group(2)
    if marker[0].isdigit():  # "1." is neutralised as "1\."
        return match.group(1) + marker[:-1] + "\\" + marker[-1]
    return match.group(1) + "\\" + marker


def html_text(value: object) -> str:
    """Plan text with control and bidi characters made visible (autoescaping does the rest)."""
    return printable(str(value), keep_newlines=True)


def template_environment(package: str, kind: str) -> Environment:
    """Jinja for a package's `templates/`: HTML autoescaped, Markdown through
    `markdown_text`; the `t` filter makes plan text inert in either."""
    environment = Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False) if kind == "html" else False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["t"] = html_text if kind == "html" else markdown_text
    return environment


@lru_cache(maxsize=None)
def _environment(kind: str) -> Environment:
    return template_environment("intl_sdk.report", kind)


def _findings(plan: Plan, findings: list[Finding] | None) -> list[Finding]:
    if findings is not None:
        return findings
    from intl_sdk.checks import check

    return check(plan)


def render_markdown(plan: Plan, findings: list[Finding] | None = None) -> str:
    """The plan as Markdown that reads well on a code-hosting site."""
    return _environment("md").get_template("report.md").render(**report_context(plan, _findings(plan, findings)))


def render_html(plan: Plan, findings: list[Finding] | None = None) -> str:
    """The plan as one self-contained HTML file (inline CSS and SVG, nothing fetched)."""
    return _environment("html").get_template("report.html").render(**report_context(plan, _findings(plan, findings)))
