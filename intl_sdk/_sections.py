"""A section's statements and the positions inside them, scanned on demand for the line map.

`Layout` (layout.py) indexes headers only. When a path inside a section is
asked for, the section is scanned here: `section_keys` for a finding's line
(a dictionary of the first keys, no objects), `scan_statements` for the
writer and for exact spans, `record_nested` for the items and keys inside
one value.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from intl_sdk._scan import TRIVIA_RE, Node, key_path, slow_statement, statement_re

__all__ = ["ONLY_BARE_KEYS", "Path", "Section", "Span", "Statement", "record_nested", "scan_statements", "section_keys"]

Path = tuple  # of str keys and int indexes

#: In `section_keys`' answer: every key of the section is bare and undotted,
#: so a key not in the dictionary is a key the section does not write.
ONLY_BARE_KEYS: Any = object()
_BARE_KEY_RE = re.compile(r"[A-Za-z0-9_-]+")


class Span(NamedTuple):
    """Offsets of one key (or array element, or table header) and its value.
    For a header, all four are the header's start: it has no value."""

    key_start: int
    value_start: int
    value_end: int
    key_end: int


class Statement:
    """A `key = value` line (or lines) of a section."""

    __slots__ = ("path", "start", "key_start", "key_end", "value_start", "value_end", "end", "index", "above")

    def __init__(self, path: Path, start: int, key_start: int, key_end: int, value_start: int, value_end: int, end: int) -> None:
        self.index = 0  # in its section's statements
        self.above = 0  # where the lines above it that belong to no other statement begin
        self.path = path
        self.start = start  # start of its first line
        self.key_start = key_start
        self.key_end = key_end
        self.value_start = value_start
        self.value_end = value_end
        self.end = end  # after the line end that ends it

    def __repr__(self) -> str:
        return f"Statement({self.path!r}, {self.start}..{self.end})"


class Section:
    """The root table, or a `[table]` / `[[array]]` header and the lines under it."""

    __slots__ = ("path", "is_array_item", "header_start", "body_start", "stop", "line", "index", "statements", "_by_path", "_nested")

    def __init__(self, path: Path, is_array_item: bool, header_start: int, body_start: int, line: int, index: int) -> None:
        self.path = path
        self.is_array_item = is_array_item
        self.header_start = header_start
        self.body_start = body_start  # after the header line
        self.stop = 0  # where the next header starts
        self.line = line  # 1-based line of the header
        self.index = index  # in `Layout.sections`
        self.statements: list[Statement] | None = None  # scanned on first use
        self._by_path: dict[Path, Statement] | None = None
        self._nested: dict[Path, dict[Path, Span]] = {}  # by statement: the spans inside its value

    def __repr__(self) -> str:
        return f"Section({self.path!r}, {self.header_start}..{self.stop})"


def scan_statements(text: str, section: Section) -> None:
    """Fill in `section.statements` (in order) and its statements by path."""
    pos, end = section.body_start, section.stop
    out: list[Statement] = []
    by_path: dict[Path, Statement] = {}
    base = section.path
    statement_at = statement_re().match
    while pos < end:
        trivia = TRIVIA_RE.match(text, pos, end)
        if trivia is not None and trivia.end() > pos:
            pos = trivia.end()
            continue
        match = statement_at(text, pos)
        if match is not None:
            key_start = match.start("key")
            statement = Statement(
                base + key_path(match.group("key")), pos, key_start, match.end("key"),
                match.start("value"), match.end("value"), match.end(),
            )
        else:
            key_start, key_end, value_start, value_end, stop, key = slow_statement(text, pos)
            statement = Statement(base + key_path(key), pos, key_start, key_end, value_start, value_end, stop)
        statement.index = len(out)
        statement.above = out[-1].end if out else section.body_start
        out.append(statement)
        by_path[statement.path] = statement
        pos = statement.end
    section.statements = out
    section._by_path = by_path


def section_keys(text: str, start: int, end: int) -> dict:
    """The bare, undotted keys of the statements between `start` and `end` ->
    (key start, whether the value spans lines, key end, value start, value end);
    with `ONLY_BARE_KEYS` when every key is bare and undotted."""
    keys: dict = {ONLY_BARE_KEYS: True}
    pos = start
    statement_at = statement_re().match
    while pos < end:
        trivia = TRIVIA_RE.match(text, pos, end)
        if trivia is not None and trivia.end() > pos:
            pos = trivia.end()
            continue
        match = statement_at(text, pos)
        if match is None:
            keys.pop(ONLY_BARE_KEYS, None)  # a value nested deeper than the fast expression follows
            key_start, key_end, value_start, value_end, pos, key = slow_statement(text, pos)
        else:
            key_start, key_end, key = match.start("key"), match.end("key"), match.group("key")
            value_start, value_end = match.start("value"), match.end("value")
            pos = match.end()
        if not _BARE_KEY_RE.fullmatch(key):
            keys.pop(ONLY_BARE_KEYS, None)
            continue
        if key not in keys:
            keys[key] = (key_start, "\n" in text[value_start:value_end], key_end, value_start, value_end)
    return keys


def record_nested(spans: dict[Path, Span], path: Path, node: Node) -> None:
    """The spans of the items and keys inside a value at `path`."""
    if node.kind == "array":
        for index, item in enumerate(node.items):
            sub = path + (index,)
            spans[sub] = Span(item.start, item.start, item.end, item.end)
            record_nested(spans, sub, item)
    elif node.kind == "table":
        for keys, key_start, key_end, value in node.entries:
            sub = path + keys
            for depth in range(len(path) + 1, len(sub)):
                spans.setdefault(sub[:depth], Span(key_start, value.start, value.start, key_end))
            spans[sub] = Span(key_start, value.start, value.end, key_end)
            record_nested(spans, sub, value)
