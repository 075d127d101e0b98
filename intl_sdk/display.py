"""Showing things to people: plan text made safe, and counts in words.

Plan text made safe to show: nothing from a plan acts on a terminal.

Control characters (ANSI and OSC escapes start with one), DEL, the C1 range
and the Unicode bidirectional controls that can reorder what a reader sees
are shown as visible `\\x1b`-style escapes. Rich markup is never parsed from
plan text: callers wrap the result in `rich.text.Text`, never in a markup string.
"""

from __future__ import annotations

import re
from typing import Mapping

__all__ = ["counted", "printable", "severity_counts"]

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


def counted(number: object, noun: str, plural: str | None = None) -> str:
    """`1 error`, `2 errors`, `0 errors`, `1.5 percentage points`: the one rule
    for counts everywhere (CLI, reports, editor): singular for exactly one,
    plural otherwise, zero included. `plural` for nouns that do not take -s."""
    from intl_sdk.checks.context import format_number

    return f"{format_number(number)} {noun if number == 1 else plural or noun + 's'}"


def severity_counts(counts: Mapping[str, int]) -> str:
    """`1 error, 3 warnings, 0 infos` from {"error": 1, "warning": 3, "info": 0}."""
    return ", ".join(counted(counts.get(level, 0), level) for level in ("error", "warning", "info"))
