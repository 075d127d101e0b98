"""Where every key, value and table of a TOML text sits: the plan's line map.

`tomllib` gives data but no positions. `scan` walks a text that `tomllib` has
already accepted and records, for each data path (`("regions", 2, "share")`),
the offsets of its key and value, and for each `[table]` / `[[array]]` header
the extent of its section. The reader uses it to put line numbers on errors,
the checker on findings, and the writer to edit only what changed.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from attrs import define, field

__all__ = ["Layout", "Section", "Span", "Statement", "scan"]

_BARE = r"[A-Za-z0-9_-]+"
_BASIC = r'"(?:[^"\\\n]|\\.)*"'
_LITERAL = r"'[^'\n]*'"
_KEY = rf"(?:{_BARE}|{_BASIC}|{_LITERAL})"
_DOTTED = rf"{_KEY}(?:[ \t]*\.[ \t]*{_KEY})*"

_KEY_PART_RE = re.compile(_KEY)
_TRIVIA_RE = re.compile(r"[ \t]*(?:#[^\n]*)?(?:\r?\n|\Z)")
_HEADER_RE = re.compile(rf"[ \t]*(\[\[?)[ \t]*({_DOTTED})[ \t]*\]\]?")
_KEY_EQ_RE = re.compile(rf"[ \t]*({_DOTTED})[ \t]*=[ \t]*")
_EOL_RE = re.compile(r"[ \t]*(?:#[^\n]*)?(?:\r?\n|\Z)")
_SPACE_RE = re.compile(r"(?:[ \t\r\n]+|#[^\n]*)*")
_INLINE_SPACE_RE = re.compile(r"[ \t]*")
_ML_BASIC_RE = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*""""{0,2}', re.S)
_ML_LITERAL_RE = re.compile(r"'''(?:[^']|'(?!''))*''''{0,2}")
_BASIC_RE = re.compile(_BASIC)
_LITERAL_RE = re.compile(_LITERAL)
_SCALAR_RE = re.compile(
    r"\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:[Zz]|[+-]\d\d:\d\d)?"
    r"|[^\s,\]}#]+"
)

Path = tuple  # of str keys and int indexes


@define(slots=True)
class Span:
    """Offsets of one key (or array element) and its value in the text."""

    key_start: int
    value_start: int
    value_end: int


@define(slots=True)
class Statement:
    """A `key = value` line (or lines) of a section, for editing."""

    path: Path
    start: int  # start of its first line
    value_start: int
    value_end: int
    end: int  # after the newline that ends it


@define(slots=True)
class Section:
    """The root table, or a `[table]` / `[[array]]` header and the lines under it."""

    path: Path
    is_array_item: bool
    start: int  # where its leading comments begin (the header for the root: 0)
    header_start: int
    body_start: int  # after the header line
    end: int = 0  # where the next section starts
    statements: list[Statement] = field(factory=list)

    @property
    def body_end(self) -> int:
        """Where a new key of this section goes: after its last statement."""
        return self.statements[-1].end if self.statements else self.body_start


@define
class Layout:
    """The positions in one TOML text; see `scan`."""

    text: str
    spans: dict[Path, Span]
    statements: dict[Path, Statement]
    sections: list[Section]
    _line_starts: list[int] | None = None

    def line_at(self, offset: int) -> int:
        """1-based line number of a character offset."""
        if self._line_starts is None:
            self._line_starts = [m.end() for m in re.finditer("\n", self.text)]
        return bisect_right(self._line_starts, offset) + 1

    def line_of(self, path: Path) -> int | None:
        """The line of a path's key, or of its nearest enclosing item or table."""
        while path:
            span = self.spans.get(path)
            if span is not None:
                return self.line_at(span.key_start)
            path = path[:-1]
        return None

    def section(self, path: Path) -> Section | None:
        for section in self.sections:
            if section.path == path:
                return section
        return None

    def array_items(self, path: Path) -> list[Section]:
        """The `[[path]]` sections, in order."""
        n = len(path)
        return [
            s
            for s in self.sections
            if s.is_array_item and len(s.path) == n + 1 and s.path[:n] == path
        ]

    def owned_end(self, section: Section) -> int:
        """End of a section with the sub-table sections that belong to it."""
        index = self.sections.index(section)
        n = len(section.path)
        end = section.end
        for later in self.sections[index + 1 :]:
            if len(later.path) > n and later.path[:n] == section.path:
                end = later.end
            else:
                break
        return end


def _key_parts(dotted: str) -> list[str]:
    parts = []
    for m in _KEY_PART_RE.finditer(dotted):
        part = m.group()
        if part[0] == '"':
            part = tomllib.loads(f"k = {part}")["k"]
        elif part[0] == "'":
            part = part[1:-1]
        parts.append(part)
    return parts


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: dict[Path, Span] = {}
        self.statements: dict[Path, Statement] = {}
        self.sections: list[Section] = []
        self.array_counts: dict[Path, int] = {}

    def record(self, path: Path, key_start: int, value_start: int, value_end: int) -> None:
        if path not in self.spans:
            self.spans[path] = Span(key_start, value_start, value_end)

    def resolve(self, keys: list[str]) -> Path:
        """A header's keys as a data path, indexing arrays of tables at their last item."""
        path: Path = ()
        for key in keys:
            path += (key,)
            count = self.array_counts.get(path)
            if count is not None:
                path += (count - 1,)
        return path

    def value(self, pos: int, path: Path) -> int:
        """Scan the value at `pos`; return its end, recording nested keys and items."""
        text = self.text
        char = text[pos]
        if char == '"':
            regex = _ML_BASIC_RE if text.startswith('"""', pos) else _BASIC_RE
            return regex.match(text, pos).end()  # type: ignore[union-attr]
        if char == "'":
            regex = _ML_LITERAL_RE if text.startswith("'''", pos) else _LITERAL_RE
            return regex.match(text, pos).end()  # type: ignore[union-attr]
        if char == "[":
            return self.array(pos + 1, path)
        if char == "{":
            return self.inline_table(pos + 1, path)
        return _SCALAR_RE.match(text, pos).end()  # type: ignore[union-attr]

    def array(self, pos: int, path: Path) -> int:
        text = self.text
        index = 0
        while True:
            pos = _SPACE_RE.match(text, pos).end()  # type: ignore[union-attr]
            if text[pos] == "]":
                return pos + 1
            start = pos
            pos = self.value(pos, path + (index,))
            self.record(path + (index,), start, start, pos)
            index += 1
            pos = _SPACE_RE.match(text, pos).end()  # type: ignore[union-attr]
            if text[pos] == ",":
                pos += 1

    def inline_table(self, pos: int, path: Path) -> int:
        text = self.text
        while True:
            pos = _SPACE_RE.match(text, pos).end()  # type: ignore[union-attr]
            if text[pos] == "}":
                return pos + 1
            m = _KEY_EQ_RE.match(text, pos)
            assert m is not None, "scan() needs text that tomllib accepts"
            keys = _key_parts(m.group(1))
            sub = path + tuple(keys)
            for depth in range(len(path) + 1, len(sub)):
                self.record(sub[:depth], pos, m.end(), m.end())
            end = self.value(m.end(), sub)
            self.record(sub, pos, m.end(), end)
            pos = _SPACE_RE.match(text, end).end()  # type: ignore[union-attr]
            if text[pos] == ",":
                pos += 1

    def run(self) -> Layout:
        text = self.text
        size = len(text)
        section = Section((), False, 0, 0, 0)
        self.sections.append(section)
        pos = 0
        comment_block_start: int | None = None
        while pos < size:
            m = _TRIVIA_RE.match(text, pos)
            if m is not None and m.end() > pos:
                line = text[pos : m.end()].strip()
                if line.startswith("#"):
                    if comment_block_start is None:
                        comment_block_start = pos
                else:
                    comment_block_start = None
                pos = m.end()
                continue
            header = _HEADER_RE.match(text, pos)
            if header is not None:
                keys = _key_parts(header.group(2))
                is_array = header.group(1) == "[["
                if is_array:
                    array_path = self.resolve(keys[:-1]) + (keys[-1],)
                    count = self.array_counts.get(array_path, 0)
                    self.array_counts[array_path] = count + 1
                    path = array_path + (count,)
                    if count == 0:
                        self.record(array_path, pos, pos, pos)
                else:
                    path = self.resolve(keys)
                start = pos if comment_block_start is None else comment_block_start
                section.end = start
                eol = _EOL_RE.match(text, header.end())
                assert eol is not None
                section = Section(path, is_array, start, pos, eol.end())
                self.sections.append(section)
                self.record(path, pos, pos, pos)
                for depth in range(1, len(path)):
                    self.record(path[:depth], pos, pos, pos)
                pos = eol.end()
                comment_block_start = None
                continue
            m = _KEY_EQ_RE.match(text, pos)
            assert m is not None, "scan() needs text that tomllib accepts"
            keys = _key_parts(m.group(1))
            path = section.path + tuple(keys)
            key_start = pos + len(text[pos : m.start(1)])
            for depth in range(len(section.path) + 1, len(path)):
                self.record(path[:depth], key_start, m.end(), m.end())
            value_end = self.value(m.end(), path)
            self.record(path, key_start, m.end(), value_end)
            eol = _EOL_RE.match(text, value_end)
            assert eol is not None
            statement = Statement(path, pos, m.end(), value_end, eol.end())
            self.statements[path] = statement
            section.statements.append(statement)
            pos = eol.end()
            comment_block_start = None
        section.end = size
        return Layout(text, self.spans, self.statements, self.sections)


def scan(text: str) -> Layout:
    """The layout of a TOML text that `tomllib` accepts."""
    return _Scanner(text).run()

