"""Reading a rendered Textual screen (its SVG screenshot) back as plain text lines."""

from __future__ import annotations

import html
import re

_TEXT_RE = re.compile(
    r'<text [^>]*?x="([\d.]+)"[^>]*?textLength="([\d.]+)"[^>]*?clip-path="url\(#terminal-\d+-line-(\d+)\)"[^>]*>(.*?)</text>',
    re.S,
)
_CELL_WIDTH = 12.2  # Rich's SVG export: 0.61 x the 20px font size


def rendered_text(svg: str) -> str:
    """Each screen line as the terminal would show it, runs placed at their columns."""
    lines: dict[int, list[str]] = {}
    for x, _, number, content in _TEXT_RE.findall(svg):
        text = html.unescape(content).replace("\xa0", " ")
        column = round(float(x) / _CELL_WIDTH)
        line = lines.setdefault(int(number), [])
        if len(line) < column:
            line.extend(" " * (column - len(line)))
        line[column : column + len(text)] = list(text)
    return "\n".join("".join(lines[n]).rstrip() for n in sorted(lines))
