"""Where things are in a plan's text, from the core's line map.

The only module of the server that reads `intl_sdk.layout`, and only through
`Layout.span` (one path, cheap), `Layout.spans` (the whole map, scanned once:
only for what is at an offset), `line_of` and `line_at`: the line map's
internals may change, and then this is the one place to follow.
Everything here works in character offsets; `intl_lsp.text` turns them into
an editor's positions.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from intl_sdk import Finding, Plan
    from intl_sdk.layout import Layout

    from intl_lsp.text import Lines

__all__ = ["PlanPlaces"]

Offsets = tuple[int, int]
#: How far back `path_at` looks for an enclosing value (it never needs more than an array's items).
_LOOKBACK = 256


class PlanPlaces:
    """Offsets of a loaded plan's keys, values and items (a plan from text)."""

    def __init__(self, plan: Plan, lines: Lines) -> None:
        assert plan.origin is not None, "a plan read from text"
        self.plan = plan
        self.lines = lines
        self._sorted: tuple[list[int], list[tuple[int, int, tuple]]] | None = None
        self._extents: dict[tuple, Offsets] | None = None

    @property
    def layout(self) -> Layout:
        return self.plan.origin.layout  # type: ignore[union-attr]

    # -- a path's place ------------------------------------------------------

    def value(self, path: tuple) -> Offsets | None:
        """The offsets of a key's value (the text between its quotes included)."""
        span = self.layout.span(path)
        if span is None or span.value_end <= span.value_start:
            return None
        return (span.value_start, span.value_end)

    def statement(self, path: tuple) -> Offsets | None:
        """From a key to the end of its value (`share = 24`)."""
        span = self.layout.span(path)
        if span is None or span.value_end <= span.key_start:
            return None
        return (span.key_start, span.value_end)

    def line_of(self, path: tuple) -> int | None:
        """1-based line of a path's key, or of its nearest enclosing item or table."""
        return self.layout.line_of(path)

    def line_content(self, line: int) -> Offsets:
        """The non-blank part of a 1-based line."""
        return self.lines.line_bounds(line - 1)

    def finding(self, finding: Finding) -> Offsets:
        """Where to mark a finding: its value when the value is on the finding's
        line, else that line's content (a whole line is never an empty mark)."""
        value = self.value(finding.location) if finding.location else None
        if value is not None and self.layout.line_at(value[0]) == finding.line:
            return value
        return self.line_content(finding.line or 1)

    # -- what is at an offset --------------------------------------------------

    def path_at(self, offset: int) -> tuple | None:
        """The innermost path whose key or value holds `offset` (the end included)."""
        starts, spans = self._index()
        position = bisect_right(starts, offset) - 1
        for index in range(position, max(position - _LOOKBACK, -1), -1):
            start, end, path = spans[index]
            if start <= offset <= end:
                return path
        return None

    def _index(self) -> tuple[list[int], list[tuple[int, int, tuple]]]:
        if self._sorted is None:
            spans = sorted(
                (span.key_start, span.value_end, path)
                for path, span in self.layout.spans.items()
                if span.value_end > span.key_start
            )
            self._sorted = ([start for start, _, _ in spans], spans)
        return self._sorted

    # -- items -----------------------------------------------------------------

    def extent(self, path: tuple) -> Offsets | None:
        """From an item's header (or a table's) to the end of its last value."""
        if self._extents is None:
            extents: dict[tuple, list[int]] = {}
            for key, span in self.layout.spans.items():
                if not key:
                    continue
                for depth in (1, 2):
                    if len(key) < depth:
                        break
                    head = key[:depth]
                    if depth == 2 and not isinstance(head[1], int):
                        break
                    extent = extents.setdefault(head, [span.key_start, span.value_end])
                    extent[0] = min(extent[0], span.key_start)
                    extent[1] = max(extent[1], span.value_end)
            self._extents = {key: (start, end) for key, (start, end) in extents.items()}
        found = self._extents.get(path)
        if found is None:
            return None
        start, end = found
        if end <= start:  # an empty table: its header line
            return self.line_content(self.layout.line_at(start))
        return (start, max(end, self.line_content(self.layout.line_at(start))[1]))
