"""Scanning TOML text that `tomllib` has already accepted: statements, keys and values.

The line map (`layout.py`) and the writer (`_edit_values.py`) need positions,
which `tomllib` does not give. Because the text is known to be valid, the
regular expressions here only delimit (where a statement, a string or a
bracket ends), never validate. Possessive quantifiers keep them linear.

Compiling them is a measurable part of `intl check`'s start, so all but the
smallest are compiled on first use (`section_re`, `statement_re`, `header_re`,
`_value_res`, ...): a plan without findings never needs its line map, and a
line map needs the others only for deep values or for the writer.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache, lru_cache

__all__ = [
    "Node",
    "TRIVIA_RE",
    "comment_block_start",
    "header_re",
    "key_path",
    "parse_value",
    "section_re",
    "statement_re",
]

#: A quoted key: a one-line string (a key is never a multi-line string).
_KEY_STRING = r""""(?:[^"\\\n]++|\\.)*+"|'[^'\n]*+'"""
_STRING = (
    r'"(?!"")(?:[^"\\\n]++|\\.)*+"'
    r"|'(?!'')[^'\n]*+'"
    r'|"""(?:[^"\\]++|\\[\s\S]|"(?!""))*+"""(?:"{0,2})'
    r"|'''(?:[^']++|'(?!''))*+''''{0,2}"
)
#: Deepest brackets the fast expressions follow; deeper values take the exact scanner.
_FAST_DEPTH = 4


def _brackets(depth: int) -> str:
    """An array or inline table (brackets may be of either kind: the text is valid)."""
    inner = r"""[^\[\]{}"'#]++|""" + _STRING + r"|#[^\n]*+"
    if depth > 1:
        inner += "|" + _brackets(depth - 1)
    return r"[\[{](?:" + inner + r")*+[\]}]"


_BRACKETS = _brackets(_FAST_DEPTH)
_EOL = r"[ \t]*+(?:#[^\n]*+)?(?:\r?\n|\Z)"
#: One statement, blank line or comment line, but never a table header (a statement starts with its key,
#: never with a space, `[` or `#`). Each copy of `_STRING` here costs a fifth of a millisecond to compile.
_LOGICAL_LINE = (
    r"""[ \t]*+(?=[^\s\[#])(?:[^\n"'\[{#]++|""" + _STRING + "|" + _BRACKETS
    + r")*+(?:#[^\n]*+)?(?:\r?\n|\Z)|" + _EOL
)
_HEADER = r"""[ \t]*+\[(\[)?[ \t]*+((?:[^\]\n"'#]++|""" + _KEY_STRING + r")*+)\]\]?" + _EOL + "()"
TRIVIA_RE = re.compile(_EOL)


@cache
def section_re() -> re.Pattern[str]:
    """A header and the lines under it, up to the next header; or, with no header
    (group 2 is None), the root table's lines up to the first header. One
    expression for both: each copy of the logical line costs a millisecond to compile."""
    return re.compile(f"(?:{_HEADER})?(?:{_LOGICAL_LINE})*+")


@cache
def header_re() -> re.Pattern[str]:
    """A `[table]` or `[[array]]` header line (for the exact scanner only)."""
    return re.compile(_HEADER)


_KEY = r"(?:[A-Za-z0-9_-]++|" + _KEY_STRING + ")"
_DOTTED = rf"{_KEY}(?:[ \t]*+\.[ \t]*+{_KEY})*+"
_SCALAR = r"""[^\s#,\[\]{}"']++(?:[ \t]++[0-9][^\s#,\]}]*+)?"""


@cache
def statement_re() -> re.Pattern[str]:
    """`key = value  # comment` on its own line(s), with its line end; its
    `match(text, pos)` at a line start past the indent finds the statement
    there, unless its value is nested deeper than `_FAST_DEPTH` (then
    `slow_statement` does)."""
    return re.compile(rf"[ \t]*+(?P<key>{_DOTTED})[ \t]*+=[ \t]*+(?P<value>{_STRING}|{_BRACKETS}|{_SCALAR})" + _EOL)

_BARE_DOTTED_RE = re.compile(r"[A-Za-z0-9_-]+(?:[ \t]*\.[ \t]*[A-Za-z0-9_-]+)*")


class _ValueRes:
    """What `parse_value` and `slow_statement` match with: values nested deeper
    than the fast expressions follow, and the writer's edits inside a value.
    Made once, by `_value_res`, when first needed."""

    __slots__ = ("key_eq", "space", "inline_space", "string", "scalar")

    def __init__(self) -> None:
        self.key_eq = re.compile(rf"(?P<key>{_DOTTED})[ \t]*+=[ \t]*+")
        self.space = re.compile(r"(?:[ \t\r\n]++|#[^\n]*+)*+")
        self.inline_space = re.compile(r"[ \t]*+")
        self.string = re.compile(_STRING)
        self.scalar = re.compile(
            r"\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:[Zz]|[+-]\d\d:\d\d)?"
            r"|[^\s,\]}#]+"
        )


_value_res = cache(_ValueRes)


@cache
def _key_part_re() -> re.Pattern[str]:
    return re.compile(_KEY)


@cache
def _comment_line_re() -> re.Pattern[str]:
    return re.compile(r"[ \t]*#[^\n]*\n")


@lru_cache(maxsize=4096)
def key_path(dotted: str) -> tuple[str, ...]:
    """`a . "b.c"` as `("a", "b.c")`."""
    if _BARE_DOTTED_RE.fullmatch(dotted):
        return tuple(part.strip() for part in dotted.split("."))
    parts = []
    for match in _key_part_re().finditer(dotted):
        part = match.group()
        if part[0] == '"':
            part = tomllib.loads(f"k = {part}")["k"]
        elif part[0] == "'":
            part = part[1:-1]
        parts.append(part)
    return tuple(parts)


def comment_block_start(text: str, limit: int, pos: int) -> int:
    """Where the comment lines directly above the line at `pos` begin (no blank
    line between), looking no further back than `limit` (a line start).

    A line with three quotes in it ends the block: it may close a multi-line
    string whose lines only look like comments."""
    comment_line = _comment_line_re()
    start = pos
    while start > limit:
        line_start = max(text.rfind("\n", limit, start - 1) + 1, limit)
        if not comment_line.fullmatch(text, line_start, start):
            break
        line = text[line_start:start]
        if '"""' in line or "'''" in line:
            break
        start = line_start
    return start


class Node:
    """A value in the text: a scalar, an array (`items`) or an inline table
    (`entries`: key path, key start, key end, value node). `commas[i]` is the
    offset of the comma after item or entry `i`, or -1."""

    __slots__ = ("kind", "start", "end", "items", "entries", "commas")

    def __init__(self, kind: str, start: int, end: int) -> None:
        self.kind = kind  # "scalar", "array" or "table"
        self.start = start
        self.end = end
        self.items: list[Node] = []
        self.entries: list[tuple[tuple[str, ...], int, int, Node]] = []
        self.commas: list[int] = []


def parse_value(text: str, pos: int) -> Node:
    """The value starting at `pos`, with the positions of everything inside it."""
    return _parse_value(text, pos, _value_res())


def _parse_value(text: str, pos: int, res: _ValueRes) -> Node:
    char = text[pos]
    if char == "[":
        node = Node("array", pos, pos)
        pos += 1
        while True:
            pos = res.space.match(text, pos).end()  # type: ignore[union-attr]
            if text[pos] == "]":
                node.end = pos + 1
                return node
            item = _parse_value(text, pos, res)
            node.items.append(item)
            pos = res.space.match(text, item.end).end()  # type: ignore[union-attr]
            if text[pos] == ",":
                node.commas.append(pos)
                pos += 1
            else:
                node.commas.append(-1)
    if char == "{":
        node = Node("table", pos, pos)
        pos += 1
        while True:
            pos = res.inline_space.match(text, pos).end()  # type: ignore[union-attr]
            if text[pos] == "}":
                node.end = pos + 1
                return node
            match = res.key_eq.match(text, pos)
            assert match is not None, "parse_value needs text that tomllib accepts"
            value = _parse_value(text, match.end(), res)
            node.entries.append((key_path(match.group("key")), pos, match.end("key"), value))
            pos = res.inline_space.match(text, value.end).end()  # type: ignore[union-attr]
            if text[pos] == ",":
                node.commas.append(pos)
                pos += 1
            else:
                node.commas.append(-1)
    if char in "\"'":
        return Node("scalar", pos, res.string.match(text, pos).end())  # type: ignore[union-attr]
    return Node("scalar", pos, res.scalar.match(text, pos).end())  # type: ignore[union-attr]


def slow_statement(text: str, pos: int) -> tuple[int, int, int, int, int, str]:
    """(key start, key end, value start, value end, end, key text) of the
    statement at `pos`, for values nested deeper than the fast expression follows."""
    res = _value_res()
    indent = res.inline_space.match(text, pos).end()  # type: ignore[union-attr]
    match = res.key_eq.match(text, indent)
    assert match is not None, "slow_statement needs text that tomllib accepts"
    value = _parse_value(text, match.end(), res)
    eol = TRIVIA_RE.match(text, value.end)
    assert eol is not None
    return indent, match.end("key"), match.end(), value.end, eol.end(), match.group("key")
