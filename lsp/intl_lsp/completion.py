"""Completion of ids where ids go: `region = "`, `pillars = ["`, `measures`,
`indicators`, `builds_on`, `kind` and `frameworks`.

While an id is being typed the file is rarely valid TOML (`region = "` is an
unterminated string), so the place is found in the raw text: the table header
above the cursor and the key whose value the cursor is in. The ids come from
the last plan of the document that could be read, and the installed plugins.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

from attrs import frozen

from intl_lsp.ids import REFERENCE_KEYS, candidates

__all__ = ["Completion", "Slot", "completions", "slot_at"]

# Possessive quantifiers (`*+`) throughout: a comment full of `#`s in a list
# must not make the patterns try every way of splitting it (that took seconds).
_HEADER = re.compile(r"[ \t]*\[\[?([^\[\]\n]*)\]\]?[ \t]*(?:#.*)?$", re.M)
_STATEMENT = re.compile(r"[ \t]*+([A-Za-z0-9_-]++)[ \t]*+=[ \t]*+")
_ID_CHARS = re.compile(r"[a-z0-9-]*+")
_BLANK = r"(?:\s++|#[^\n]*+)*+"
_DONE_ITEM = rf'"[^"\n]*+"{_BLANK},{_BLANK}'
_IN_STRING = re.compile(r'"([^"\n]*+)')
_IN_LIST_STRING = re.compile(rf'\[{_BLANK}(?:{_DONE_ITEM})*+"([^"\n]*+)')
_IN_LIST_GAP = re.compile(rf"\[{_BLANK}(?:{_DONE_ITEM})*+")
_TAKEN = re.compile(r'"([^"\n]*+)"')
_FRAMEWORK = re.compile(r'^[ \t]*framework[ \t]*=[ \t]*"([^"\n]*)"', re.M)
#: How many lines above the cursor a key's value may start (a long multi-line list).
_LOOKBACK_LINES = 200
_LIST_KEYS = {key for (section, key), kind in REFERENCE_KEYS.items() if key not in ("region", "kind", "framework")}


@frozen
class Slot:
    """A place an id goes: its kind, the offsets of what is typed there, whether
    the quotes are already open, the ids already in its list, and for an
    agreement's `kind`, the framework the agreement names."""

    kind: str
    start: int
    end: int
    quoted: bool
    taken: tuple[str, ...] = ()
    framework: str | None = None


def slot_at(text: str, offset: int) -> Slot | None:
    """The id slot the cursor is in, found in the raw text."""
    line_start = text.rfind("\n", 0, offset) + 1
    statement_start = None
    key = None
    section_start = 0
    section = ""
    position = line_start
    for _ in range(_LOOKBACK_LINES):
        line_end = _line_end(text, position)
        header = _HEADER.match(text, position, line_end)
        if header is not None:
            if position == line_start:
                return None  # on a header line
            section, section_start = _section_name(header.group(1)), position
            break
        if key is None:
            statement = _STATEMENT.match(text, position, min(line_end, offset))
            if statement is not None:
                key, statement_start = statement.group(1), statement.end()
        if position == 0:
            break
        position = text.rfind("\n", 0, position - 1) + 1
    else:
        return None
    if key is None or statement_start is None or _in_comment(text[line_start:offset]):
        return None
    kind = REFERENCE_KEYS.get((section, key))
    if kind is None:
        return None
    value = text[statement_start:offset]
    typed_end = _ID_CHARS.match(text, offset).end()  # type: ignore[union-attr]
    if key in _LIST_KEYS:
        if not value.startswith("["):
            return None
        inside = _IN_LIST_STRING.fullmatch(value)
        taken = tuple(_TAKEN.findall(value))
        if inside is not None:
            return Slot(kind, offset - len(inside.group(1)), typed_end, True, taken)
        if _IN_LIST_GAP.fullmatch(value):
            return Slot(kind, offset, offset, False, taken)
        return None
    framework = None
    if kind == "kind":
        found = _FRAMEWORK.search(text, section_start, _section_end(text, offset))
        framework = found.group(1) if found else None
    if value == "":
        return Slot(kind, offset, offset, False, framework=framework)
    inside = _IN_STRING.fullmatch(value)
    if inside is not None:
        return Slot(kind, offset - len(inside.group(1)), typed_end, True, framework=framework)
    return None


def _in_comment(before: str) -> bool:
    """Whether the cursor, after `before` on its line, is in a comment."""
    outside = _TAKEN.sub("", before).split('"', 1)[0]  # closed strings out, and an open one
    return "#" in outside


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end == -1 else end


def _section_end(text: str, offset: int) -> int:
    found = re.compile(r"^[ \t]*\[", re.M).search(text, offset)
    return found.start() if found else len(text)


def _section_name(raw: str) -> str:
    return ".".join(part.strip().strip("\"'") for part in raw.split("."))


@frozen
class Completion:
    """An id to offer: its label, a few words, the kind of id, and the edit
    (replace `start`..`end` with `new_text`) that puts it in place."""

    label: str
    detail: str
    kind: str
    start: int
    end: int
    new_text: str


def completions(text: str, offset: int, plan: Any, frameworks: Mapping[str, Any]) -> list[Completion]:
    """The ids that can go at `offset`, each with the edit that puts it there."""
    from intl_sdk.display import printable

    slot = slot_at(text, offset)
    if slot is None:
        return []
    out = []
    for value, detail in candidates(slot.kind, plan, frameworks, slot.framework):
        if value in slot.taken and slot.kind != "region":
            continue
        new_text = value if slot.quoted else f'"{value}"'
        out.append(Completion(value, printable(detail), slot.kind, slot.start, slot.end, new_text))
    return out
