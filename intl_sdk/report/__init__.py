"""Reports that share a plan with people who have no terminal: Markdown and HTML.

Both come from one context (`report_context`) built on the derived views, so
the numbers match the editor's. The HTML is one self-contained file: inline
CSS and SVG, nothing fetched, printable on A4. All plan text is escaped by the
templates (Jinja2 autoescaping for HTML, a Markdown escape for Markdown).
"""

from __future__ import annotations

from intl_sdk.report.render import render_html, render_markdown

__all__ = ["render_html", "render_markdown"]
