"""Plan text made safe to show: nothing from a plan acts on a terminal.

Control characters (ANSI and OSC escapes start with one), DEL, the C1 range
and the Unicode bidirectional controls that can reorder what a reader sees
are shown as visible `\\x1b`-style escapes. Rich markup is never parsed from
plan text: callers wrap the result in `rich.text.Text`, never in a markup string.
"""

from __future__ import annotations

import re

__all__ = ["printable"]

_UNSAFE_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, keep_newlines: bool = False) -> str:
    """`text` with every character that could act on a terminal made visible."""
    if keep_newlines:
        return _UNSAFE_RE.sub(_escape, text)
    return _UNSAFE_RE.sub(_escape, text.replace("\n", "\\n").replace("\t", "\\t"))
