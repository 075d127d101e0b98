"""Where every key, value and table of a TOML text sits: the plan's line map.

`tomllib` gives data but no positions. `Layout(text)` indexes a text that
`tomllib` has already accepted: one pass of a regular expression finds every
`[table]` / `[[array]]` header (a few thousand in a large plan) and the extent
of its section. The keys and values inside a section are scanned only when a
path inside it is asked for, so that a finding's line number costs a few
microseconds and a plan without findings costs almost nothing. The reader
uses it to put line numbers on errors, the checker on findings, the writer to
edit only what changed, and editors to find a path's key and value.
"""

from __future__ import annotations

import gc

from intl_sdk._scan import (
    TRIVIA_RE,
    comment_block_start,
    header_re,
    key_path,
    parse_value,
    section_re,
    slow_statement,
)
from intl_sdk._sections import (
    ONLY_BARE_KEYS,
    Path,
    Section,
    Span,
    Statement,
    record_nested,
    scan_statements,
    section_keys,
)

__all__ = ["Layout", "Section", "Span", "Statement", "scan"]

class _Fallback(Exception):
    """The fast index met something it does not follow: use the exact scanner."""


class Layout:
    """The positions in one TOML text (see the module's docstring)."""

    def __init__(self, text: str) -> None:
        self.text = text
        enabled = gc.isenabled()
        gc.disable()  # a few thousand small objects that all live on: no collection needed meanwhile
        try:
            try:
                self._index_fast()
            except _Fallback:
                self._index_exact()
        finally:
            if enabled:
                gc.enable()
        self._objects: list[Section | None] = [None] * len(self._paths)
        self._first: dict[Path, int] | None = None
        self._all_spans: dict[Path, Span] | None = None
        self._under: dict[Path, list[Section]] | None = None
        self._keys: dict[int, dict] = {}  # section number -> its keys, for line numbers
        self._nested_names: set[str] | None = None
        self._first_of: dict[str, int] | None = None
        self._root_names: set[str] | None = None

    # -- indexing the headers ------------------------------------------------
    # One entry a header (entry 0 is the root table) in parallel lists: its
    # data path, whether it is an `[[item]]`, where its header and body start
    # and its header's line. `Section` objects are made only when asked for.

    def _start_index(self) -> None:
        self._paths: list[Path] = [()]
        self._items: list[bool] = [False]
        self._starts: list[int] = [0]
        self._bodies: list[int] = [0]
        self._lines: list[int] = [1]
        self._by_path: dict[Path, int] = {(): 0}
        self._arrays: dict[Path, list[int]] = {}

    def _add(self, keys: tuple[str, ...], is_array: bool, start: int, body_start: int, line: int) -> None:
        arrays = self._arrays
        path: Path = ()
        for key in keys[:-1] if is_array else keys:
            path += (key,)
            items = arrays.get(path)
            if items is not None:
                path += (len(items) - 1,)
        number = len(self._paths)
        if is_array:
            path += (keys[-1],)
            items = arrays.get(path)
            if items is None:
                items = arrays[path] = []
            path += (len(items),)
            items.append(number)
        self._paths.append(path)
        self._items.append(is_array)
        self._starts.append(start)
        self._bodies.append(body_start)
        self._lines.append(line)
        self._by_path[path] = number

    def _index_fast(self) -> None:
        self._start_index()
        text = self.text
        count = text.count
        add = self._add
        pos, line, last = 0, 1, 0
        for match in section_re().finditer(text):
            start = match.start()
            if start != pos:
                raise _Fallback
            array, keys = match.group(1, 2)
            if keys is None:  # no header: the root table's lines (at 0), else an empty match
                if start:
                    break
                pos = match.end()
                continue
            line += count("\n", last, start)
            last = start
            add(key_path(keys.rstrip()), array is not None, start, match.end(3), line)
            pos = match.end()
        if pos != len(text):
            raise _Fallback

    def _index_exact(self) -> None:
        """Statement by statement, following values of any depth (slower)."""
        self._start_index()
        text = self.text
        size = len(text)
        pos = 0
        header_at = header_re().match
        while pos < size:
            trivia = TRIVIA_RE.match(text, pos)
            if trivia is not None and trivia.end() > pos:
                pos = trivia.end()
                continue
            header = header_at(text, pos)
            if header is not None:  # a statement never starts with `[`
                self._add(
                    key_path(header.group(2).rstrip()), header.group(1) is not None, pos, header.end(),
                    text.count("\n", 0, pos) + 1,
                )
                pos = header.end()
                continue
            pos = slow_statement(text, pos)[4]

    def _section(self, number: int) -> Section:
        section = self._objects[number]
        if section is None:
            section = self._objects[number] = Section(
                self._paths[number], self._items[number], self._starts[number], self._bodies[number],
                self._lines[number], number,
            )
            section.stop = self._starts[number + 1] if number + 1 < len(self._starts) else len(self.text)
        return section

    def section_at(self, number: int) -> Section | None:
        """The `number`-th section in text order (0 is the root table), if there is one."""
        return self._section(number) if 0 <= number < len(self._paths) else None

    @property
    def sections(self) -> list[Section]:
        """Every section in text order, the root table first."""
        return [self._section(number) for number in range(len(self._paths))]

    def _first_under(self, path: Path) -> int | None:
        """Where the first header below `path` starts (for tables only their sub-tables write)."""
        if self._first is None:
            first: dict[Path, int] = {}
            for number, written in enumerate(self._paths):
                for depth in range(1, len(written)):
                    first.setdefault(written[:depth], self._starts[number])
            self._first = first
        return self._first.get(path)

    # -- the keys inside a section -------------------------------------------

    def statements(self, section: Section) -> list[Statement]:
        """The section's `key = value` statements, in order (scanned on first use)."""
        if section.statements is None:
            scan_statements(self.text, section)
        return section.statements  # type: ignore[return-value]

    def statement(self, path: Path) -> Statement | None:
        """The statement that sets exactly `path` (`a.b = 1` sets `("a", "b")`)."""
        for depth in range(len(path) - 1, -1, -1):
            number = self._by_path.get(path[:depth])
            if number is None:
                continue
            section = self._section(number)
            if section._by_path is None:
                scan_statements(self.text, section)
            found = section._by_path.get(path)  # type: ignore[union-attr]
            if found is not None:
                return found
        return None

    def section_holding(self, offset: int) -> Section:
        """The section whose header or lines hold `offset` (the root table before any header)."""
        from bisect import bisect_right

        return self._section(max(bisect_right(self._starts, offset) - 1, 0))

    def has_sections_below(self, section: Section) -> bool:
        """Whether other headers write inside this section's table (`[a.b]` below `[a]`)."""
        path = section.path
        if not path:
            return len(self._paths) > 1
        if self.is_flat(path) and path[0] not in self.nested_names:
            return False  # nothing in the text is deeper than `[a]` or `[[a]]` under this name
        return len(self.sections_under(path)) > 1

    @staticmethod
    def is_flat(path: Path) -> bool:
        """Whether a section's path is a top-level `[a]` table or `[[a]]` item."""
        return len(path) == 1 or (len(path) == 2 and type(path[1]) is int)

    @property
    def nested_names(self) -> set[str]:
        """The top-level names that have a header deeper than `[a]` or `[[a]]` (`[a.b]`, `[[a.b]]`)."""
        if self._nested_names is None:
            is_flat = self.is_flat
            self._nested_names = {path[0] for path in self._paths if path and not is_flat(path)}
        return self._nested_names

    def first_section_of(self, name: str) -> int | None:
        """The number of the first section written inside the top-level `name`."""
        if self._first_of is None:
            first: dict[str, int] = {}
            for number, path in enumerate(self._paths):
                if path:
                    first.setdefault(path[0], number)
            self._first_of = first
        return self._first_of.get(name)

    @property
    def root_names(self) -> set[str]:
        """The top-level names the root table's lines write (`a.b = 1` writes `a`,
        which headers such as `[a.c]` may write into too)."""
        if self._root_names is None:
            self._root_names = {statement.path[0] for statement in self.statements(self._section(0))}
        return self._root_names

    def item_numbers(self, path: Path) -> list[int]:
        """The section numbers of the `[[path]]` items, in order (no section objects made)."""
        return self._arrays.get(path, [])

    def body_end(self, section: Section) -> int:
        """Where a new key of this section goes: after its last statement."""
        statements = self.statements(section)
        return statements[-1].end if statements else section.body_start

    def start_of(self, section: Section) -> int:
        """Where a section begins: the comment lines directly above its header
        (no blank line between) belong to it."""
        number = section.index
        if number == 0:
            return 0
        return comment_block_start(self.text, self._bodies[number - 1], section.header_start)

    def end_of(self, section: Section) -> int:
        """Where a section ends: where the next one starts, or the end of the text."""
        following = section.index + 1
        return self.start_of(self._section(following)) if following < len(self._paths) else len(self.text)

    def statement_start(self, statement: Statement) -> int:
        """Where a statement begins with the comment lines directly above it."""
        return comment_block_start(self.text, statement.above, statement.start)

    # -- sections by path ----------------------------------------------------

    def section(self, path: Path) -> Section | None:
        number = self._by_path.get(path)
        return self._section(number) if number is not None else None

    def array_items(self, path: Path) -> list[Section]:
        """The `[[path]]` sections, in order."""
        return [self._section(number) for number in self._arrays.get(path, ())]

    def owned_end(self, section: Section) -> int:
        """End of a section with the sub-table sections that belong to it."""
        paths = self._paths
        path = section.path
        depth = len(path)
        last = section.index
        for number in range(section.index + 1, len(paths)):
            later = paths[number]
            if len(later) > depth and later[:depth] == path:
                last = number
            else:
                break
        return self.end_of(self._section(last))

    def sections_under(self, path: Path) -> list[Section]:
        """Every section at or below `path`, in order."""
        if self._under is None:
            under: dict[Path, list[int]] = {}
            for number, written in enumerate(self._paths):
                for depth in range(1, len(written) + 1):
                    under.setdefault(written[:depth], []).append(number)
            self._under = under  # type: ignore[assignment]
        numbers = self._under.get(path, []) if path else range(1, len(self._paths))  # type: ignore[union-attr]
        return [self._section(number) for number in numbers]

    # -- spans and lines ------------------------------------------------------

    def span(self, path: Path) -> Span | None:
        """The offsets of exactly `path`'s key and value, if the text writes it."""
        number = self._by_path.get(path)
        if number is not None:
            start = self._starts[number]
            return Span(start, start, start, start)
        if path:  # a plain `key = value` of a section: from the keys its line numbers use, no statement objects
            number = self._by_path.get(path[:-1])
            if number is not None:
                keys = self._section_keys(number)
                found = keys.get(path[-1])
                if found is not None:
                    return Span(found[0], found[3], found[4], found[2])
        for depth in range(len(path) - 1, -1, -1):
            number = self._by_path.get(path[:depth])
            if number is None:
                continue
            found = self._span_in(self._section(number), path)
            if found is not None:
                return found
        first = self._first_under(path)  # a table or array only headers below it write
        return Span(first, first, first, first) if first is not None else None

    def _span_in(self, section: Section, path: Path) -> Span | None:
        if section._by_path is None:
            scan_statements(self.text, section)
        by_path = section._by_path
        assert by_path is not None
        statement = by_path.get(path)
        if statement is not None:
            return Span(statement.key_start, statement.value_start, statement.value_end, statement.key_end)
        base = len(section.path)
        for depth in range(len(path) - 1, base, -1):
            statement = by_path.get(path[:depth])
            if statement is not None:
                return self._nested_spans(section, statement).get(path)
        # a table made by dotted keys (`a.b = 1` makes `a`): the first key under it
        for statement in section.statements:  # type: ignore[union-attr]
            if len(statement.path) > len(path) and statement.path[: len(path)] == path:
                return Span(statement.key_start, statement.value_start, statement.value_start, statement.key_end)
        return None

    def _nested_spans(self, section: Section, statement: Statement) -> dict[Path, Span]:
        nested = section._nested.get(statement.path)
        if nested is None:
            nested = section._nested[statement.path] = {}
            if self.text[statement.value_start] in "[{":
                record_nested(nested, statement.path, parse_value(self.text, statement.value_start))
        return nested

    def line_at(self, offset: int) -> int:
        """1-based line number of a character offset."""
        from bisect import bisect_right  # here: `intl check` seldom needs it, and importing it is a tenth of a millisecond

        number = max(bisect_right(self._starts, offset) - 1, 0)
        return self._lines[number] + self.text.count("\n", self._starts[number], offset)

    def line_of(self, path: Path) -> int | None:
        """The line of a path's key, or of its nearest enclosing item or table.

        The same answer as the line of `span`, found without the statement
        objects `span` builds: a finding's line costs a dictionary of its
        section's keys (made once) and a count of line ends."""
        by_path = self._by_path
        while path:
            number = by_path.get(path)
            if number is not None:
                return self._lines[number]
            for depth in range(len(path) - 1, -1, -1):
                number = by_path.get(path[:depth])
                if number is None:
                    continue
                offset = self._key_offset(number, path, depth)
                if offset is not None:
                    return self._lines[number] + self.text.count("\n", self._starts[number], offset)
            first = self._first_under(path)
            if first is not None:
                return self.line_at(first)
            path = path[:-1]
        return None

    def _section_keys(self, number: int) -> dict:
        keys = self._keys.get(number)
        if keys is None:
            end = self._starts[number + 1] if number + 1 < len(self._starts) else len(self.text)
            keys = self._keys[number] = section_keys(self.text, self._bodies[number], end)
        return keys

    def _key_offset(self, number: int, path: Path, depth: int) -> int | None:
        """Where the key of `path` starts in section `number` (whose path is `path[:depth]`)."""
        keys = self._section_keys(number)
        found = keys.get(path[depth])
        if found is not None:
            key_start, multiline = found[0], found[1]
            if depth + 1 == len(path) or not multiline:
                return key_start  # the key itself, or a part of a one-line value (same line)
        elif ONLY_BARE_KEYS in keys:
            return None  # only bare keys here: the section does not write it
        span = self._span_in(self._section(number), path)
        return span.key_start if span is not None else None

    @property
    def spans(self) -> dict[Path, Span]:
        """Every path the text writes, with its span: the whole map, scanned
        on first use (`span` and `line_of` are the cheap way to ask for one)."""
        if self._all_spans is None:
            spans: dict[Path, Span] = {}
            for section in self.sections:  # in text order: the first place a path is written wins
                if section.path:
                    start = section.header_start
                    for depth in range(1, len(section.path) + 1):
                        spans.setdefault(section.path[:depth], Span(start, start, start, start))
                for statement in self.statements(section):
                    for depth in range(len(section.path) + 1, len(statement.path)):
                        spans.setdefault(
                            statement.path[:depth],
                            Span(statement.key_start, statement.value_start, statement.value_start, statement.key_end),
                        )
                    spans.setdefault(
                        statement.path,
                        Span(statement.key_start, statement.value_start, statement.value_end, statement.key_end),
                    )
                    if self.text[statement.value_start] in "[{":
                        for path, span in self._nested_spans(section, statement).items():
                            spans.setdefault(path, span)
            self._all_spans = spans
        return self._all_spans


def scan(text: str) -> Layout:
    """The layout of a TOML text that `tomllib` accepts."""
    return Layout(text)
