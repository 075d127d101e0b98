"""`intl compare` as Markdown and as one offline HTML file with inline SVG.

Jinja2 with autoescaping for HTML (as the report does), and the report's
Markdown filter, so that no plan text becomes markup in either. The charts'
geometry is worked out here, so the templates only place what they are given.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterator

from jinja2 import Environment

from intl_sdk.checks.context import format_number
from intl_sdk.report.render import template_environment

__all__ = ["render_html", "render_markdown"]

#: Heat map geometry (px): a row a plan, a column a pillar.
_LABEL_WIDTH, _CELL_WIDTH, _CELL_HEIGHT, _HEADER = 260, 46, 20, 36
#: Bar chart geometry (px).
_BAR_LABEL, _BAR_SPAN, _BAR_HEIGHT, _BAR_GAP = 230, 380, 16, 6


@lru_cache(maxsize=None)
def _environment(kind: str) -> Environment:
    environment = template_environment("intl_sdk.compare", kind)
    environment.globals["heat_level"] = heat_level
    return environment


def _heatmap(context: dict[str, Any]) -> dict[str, Any]:
    """The heat map's geometry; its cells are placed by the template, row by row,
    so that a thousand plans' six thousand cells are never held at once."""
    peak = max((n for row in context["rows"] for n in row["pillar_actions"]), default=0)
    return {
        "width": _LABEL_WIDTH + 6 * _CELL_WIDTH,
        "height": _HEADER + len(context["rows"]) * _CELL_HEIGHT + 4,
        "top": _HEADER,
        "cell_width": _CELL_WIDTH,
        "cell_height": _CELL_HEIGHT,
        "label_width": _LABEL_WIDTH,
        "peak": peak,
        "columns": [{"x": _LABEL_WIDTH + i * _CELL_WIDTH, "number": p["number"], "title": p["title"]} for i, p in enumerate(context["pillars"])],
    }


def heat_level(count: int, peak: int) -> int:
    """0 for none, else 1 to 4 by the share of the busiest cell."""
    return 0 if count == 0 or not peak else 1 + min(3, int(3 * count / peak))


def _bars(context: dict[str, Any]) -> dict[str, Any]:
    shown = [d for d in context["destinations"] if d["total_share"] is not None and d["total_share"] > 0]
    peak = max((d["total_share"] for d in shown), default=0)
    bars = []
    for position, d in enumerate(shown):
        width = float(d["total_share"] / peak) * _BAR_SPAN if peak else 0.0
        given = sum(1 for t in d["targets"] if t.share is not None)
        label = d["label"] + (f" ({d['code']})" if d["code"] else "")
        bars.append(
            {
                "label": label,
                "short": label if len(label) <= 34 else label[:33] + "…",
                "y": position * (_BAR_HEIGHT + _BAR_GAP),
                "width": round(width, 1),
                "value": f"{format_number(d['total_share'])}%",
                "plans": f"{given} of {len(d['targets'])} plans give a share" if given != len(d["targets"]) else "",
            }
        )
    return {
        "label_width": _BAR_LABEL,
        "span": _BAR_SPAN,
        "bar_height": _BAR_HEIGHT,
        "width": _BAR_LABEL + _BAR_SPAN + 200,
        "height": max(1, len(bars) * (_BAR_HEIGHT + _BAR_GAP)),
        "bars": bars,
    }


def render_markdown(context: dict[str, Any]) -> Iterator[str]:
    """The page in pieces, as Jinja makes them (a thousand plans' page is never held twice)."""
    return _environment("md").get_template("compare.md").generate(**context)


def render_html(context: dict[str, Any]) -> Iterator[str]:
    """The page in pieces, as Jinja makes them."""
    return _environment("html").get_template("compare.html").generate(heatmap=_heatmap(context), bars=_bars(context), **context)
