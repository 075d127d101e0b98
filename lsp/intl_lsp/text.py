"""Offsets in a document's text and the editor's positions (line, character).

The line map and the reader count in characters (code points); an editor
counts a line's characters in the position encoding agreed at start-up:
UTF-16 code units unless the client offers UTF-8 or UTF-32. `Lines` converts
both ways; the line starts are found once per text, on first use.
"""

from __future__ import annotations

import re
from bisect import bisect_right

__all__ = ["Lines", "UTF8", "UTF16", "UTF32"]

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
_NEWLINE = re.compile("\n")


def _units(segment: str, encoding: str) -> int:
    """How many of the encoding's units `segment` takes."""
    if encoding == UTF32 or segment.isascii():
        return len(segment)
    if encoding == UTF8:
        return len(segment.encode("utf-8", "surrogatepass"))
    return len(segment) + sum(1 for char in segment if ord(char) > 0xFFFF)


def _chars(line: str, units: int, encoding: str) -> int:
    """How many characters of `line` fit in `units` of the encoding."""
    if encoding == UTF32 or line.isascii():
        return min(units, len(line))
    count = 0
    for index, char in enumerate(line):
        if encoding == UTF8:
            count += len(char.encode("utf-8", "surrogatepass"))
        else:
            count += 2 if ord(char) > 0xFFFF else 1
        if count > units:
            return index
    return len(line)


class Lines:
    """A text's lines, for converting offsets to positions and back."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding
        self._starts: list[int] | None = None

    @property
    def starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [0] + [match.end() for match in _NEWLINE.finditer(self.text)]
        return self._starts

    def line_text(self, line: int) -> str:
        """Line `line` (0-based) without its line break."""
        starts = self.starts
        if not 0 <= line < len(starts):
            return ""
        if line + 1 < len(starts):  # up to its "\n", or "\r\n"
            return self.text[starts[line] : starts[line + 1] - 1].removesuffix("\r")
        return self.text[starts[line] :]

    def position(self, offset: int) -> tuple[int, int]:
        """(line, character) of a character offset, both 0-based."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        return line, _units(self.text[start:offset], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The character offset of a position (clamped to the text)."""
        starts = self.starts
        if line < 0:
            return 0
        if line >= len(starts):
            return len(self.text)
        return starts[line] + _chars(self.line_text(line), character, self.encoding)

    def line_bounds(self, line: int) -> tuple[int, int]:
        """Offsets of a line's first and last non-blank characters (its content)."""
        starts = self.starts
        if not 0 <= line < len(starts):
            return (len(self.text), len(self.text))
        content = self.line_text(line)
        stripped = content.strip()
        if not stripped:
            return (starts[line], starts[line] + len(content))
        begin = starts[line] + content.index(stripped[0])
        return (begin, begin + len(stripped))
