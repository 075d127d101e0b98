"""Editing one value in place: arrays item by item, so comments among the items stay.

A multi-line array is edited as the author would: a changed item is replaced
where it is, a removed item goes with its own lines (the comment lines
directly above it and its trailing comment), a new item is written on a line
of its own after its neighbour, a moved item takes its comments along. An
array or inline table on one line holds no comment and is written afresh.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from intl_sdk._compare import same
from intl_sdk._matching import match_items, staying
from intl_sdk._scan import TRIVIA_RE, Node, comment_block_start, parse_value
from intl_sdk.rendering import format_key, format_value

if TYPE_CHECKING:
    from intl_sdk._edit import Editor

__all__ = ["edit_value"]

_SPACES_RE = re.compile(r"[ \t]*")


class Rewrite(Exception):
    """This change cannot be made as a small edit."""


def edit_value(editor: Editor, start: int, end: int, old: Any, new: Any) -> None:
    """Edit the value written at `start:end`, which holds `old`, to hold `new`."""
    if same(old, new):
        return
    text = editor.text
    multiline = "\n" in text[start:end]
    if multiline and type(old) is list and type(new) is list and text[start] == "[":
        _Array(editor, parse_value(text, start), old).edit(new)
    elif multiline and type(old) is dict and type(new) is dict and text[start] == "{":
        _inline_table(editor, parse_value(text, start), old, new)
    else:
        editor.replace(start, end, format_value(new))


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


class _Array:
    """A multi-line array in the old text, and how its items sit on their lines."""

    def __init__(self, editor: Editor, node: Node, old: list[Any]) -> None:
        if len(node.items) != len(old):
            raise Rewrite
        self.editor = editor
        self.text = editor.text
        self.node = node
        self.old = old
        text = self.text
        self.alone: list[bool] = []
        self.lead: list[int] = []  # where an item's own lines start (its comment block)
        self.line_end: list[int] = []  # after the line end of its last line
        previous_end = node.start + 1
        for index, item in enumerate(node.items):
            limit = text.find("\n", previous_end, item.start) + 1 or -1
            comma = node.commas[index]
            after = comma + 1 if comma >= 0 and "\n" not in text[item.end : comma] else item.end
            eol = TRIVIA_RE.match(text, after)
            line_start = _line_start(text, item.start)
            alone = (
                limit >= 0
                and line_start >= limit
                and not text[line_start : item.start].strip()
                and eol is not None
                and eol.end() > after
                and text[eol.end() - 1] == "\n"
                and (comma < 0 or after == comma + 1)
            )
            self.alone.append(alone)
            self.lead.append(comment_block_start(text, limit, line_start) if alone else item.start)
            self.line_end.append(eol.end() if alone and eol is not None else item.end)
            previous_end = comma + 1 if comma >= 0 else item.end
        self.one_per_line = all(self.alone)
        self.trailing_comma = not node.items or node.commas[-1] >= 0

    def edit(self, new: list[Any]) -> None:
        editor, node, old = self.editor, self.node, self.old
        pairs = match_items(old, new)
        stay = staying(pairs)
        removals = sorted(self.removal(index) for index in range(len(old)) if index not in stay)
        for start, end in _merged(removals):  # neighbours on one line may share the space between them
            editor.replace(start, end, "")
        last_new = len(new) - 1
        previous: int | None = None  # the old index of the last item that stayed
        pending: list[str] = []  # texts of new and moved items waiting for their place
        for new_index, old_index in enumerate(pairs):
            is_last = new_index == last_new
            if old_index is not None and old_index in stay:
                self.flush(pending, previous, old_index)
                pending = []
                item = node.items[old_index]
                edit_value(editor, item.start, item.end, old[old_index], new[new_index])
                if self.one_per_line and node.commas[old_index] < 0 and not is_last:
                    editor.replace(item.end, item.end, ",")
                previous = old_index
            elif old_index is not None:
                pending.append(self.moved(old_index, new[new_index], is_last))
            else:
                pending.append(self.fresh(new[new_index], is_last))
        self.flush(pending, previous, None)

    # removing

    def removal(self, index: int) -> tuple[int, int]:
        """What goes with an item: its own lines if it has them, else it, its comma and a space."""
        text, node = self.text, self.node
        item = node.items[index]
        if self.alone[index]:
            return self.lead[index], self.line_end[index]
        comma = node.commas[index]
        start, end = item.start, item.end
        first_on_line = not text[_line_start(text, start) : start].strip()
        if comma >= 0:
            end = comma + 1
            rest = TRIVIA_RE.match(text, end)
            last_on_line = rest is not None and text[rest.end() - 1 : rest.end()] == "\n"
            if first_on_line or not last_on_line:
                end = _SPACES_RE.match(text, end).end()  # type: ignore[union-attr]
                return start, end
        while start > 0 and text[start - 1] in " \t":  # `1, 2,⏎`: no space left at the end
            start -= 1
        return start, end

    # new and moved items

    def fresh(self, value: Any, is_last: bool) -> str:
        text = format_value(value)
        if self.one_per_line:
            comma = "," if self.trailing_comma or not is_last else ""
            return self.indent() + text + comma + self.editor.newline
        return text

    def moved(self, index: int, value: Any, is_last: bool) -> str:
        from intl_sdk._edit import Editor

        node, item = self.node, self.node.items[index]
        sub = Editor(self.text, self.editor.layout)
        edit_value(sub, item.start, item.end, self.old[index], value)
        if node.commas[index] < 0 and not is_last and self.alone[index]:
            sub.replace(item.end, item.end, ",")
        if self.alone[index] and self.one_per_line:
            chunk = sub.apply(self.lead[index], self.line_end[index])
            return chunk if chunk.endswith("\n") else chunk + self.editor.newline
        return sub.apply(item.start, item.end)

    def indent(self) -> str:
        text, node = self.text, self.node
        for index, item in enumerate(node.items):
            if self.alone[index]:
                return text[_line_start(text, item.start) : item.start]
        close = node.end - 1
        line_start = _line_start(text, close)
        closing = text[line_start:close]
        return (closing if not closing.strip() else "") + "    "

    def flush(self, pending: list[str], previous: int | None, following: int | None) -> None:
        """Put new and moved items between the item that stayed before them and the one after."""
        if not pending:
            return
        editor, node = self.editor, self.node
        if self.one_per_line:
            if previous is not None:
                at = self.line_end[previous]
            elif following is not None:
                at = self.lead[following]
            else:
                at = self.before_closing()
            prefix = "" if self.text[at - 1] == "\n" else editor.newline
            editor.replace(at, at, prefix + "".join(pending))
            return
        if previous is not None:
            item = node.items[previous]
            comma = node.commas[previous]
            if comma >= 0:
                editor.replace(comma + 1, comma + 1, "".join(" " + text + "," for text in pending))
            else:
                editor.replace(item.end, item.end, "".join(", " + text for text in pending))
        elif following is not None:
            at = node.items[following].start
            editor.replace(at, at, "".join(text + ", " for text in pending))
        else:
            at = node.end - 1
            editor.replace(at, at, ", ".join(pending))

    def before_closing(self) -> int:
        """Where items go when none stayed: at the start of the closing bracket's line."""
        close = self.node.end - 1
        line_start = _line_start(self.text, close)
        return line_start if not self.text[line_start:close].strip() else close


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in ranges:
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _inline_table(editor: Editor, node: Node, old: dict[str, Any], new: dict[str, Any]) -> None:
    """An inline table that spans lines (an array inside it does): kept entries
    keep their text, comments inside them included; the table is put back together."""
    from intl_sdk._edit import Editor

    text = editor.text
    entries: dict[str, tuple[int, Node]] = {}
    for keys, key_start, _, value in node.entries:
        if len(keys) != 1:  # dotted keys inside an inline table: rare; keep it simple
            if "#" in text[node.start : node.end]:
                raise Rewrite
            editor.replace(node.start, node.end, format_value(new))
            return
        entries[keys[0]] = (key_start, value)
    parts = []
    for key, value in new.items():
        found = entries.get(key)
        if found is None:
            parts.append(f"{format_key(key)} = {format_value(value)}")
            continue
        key_start, value_node = found
        sub = Editor(text, editor.layout)
        edit_value(sub, value_node.start, value_node.end, old[key], value)
        parts.append(sub.apply(key_start, value_node.end))
    opening = text[node.start : node.entries[0][1]] if node.entries else "{ "
    closing = text[node.entries[-1][3].end : node.end] if node.entries else " }"
    separator = ", "
    if len(node.entries) > 1:
        separator = text[node.entries[0][3].end : node.entries[1][1]]
    editor.replace(node.start, node.end, opening + separator.join(parts) + closing if parts else "{}")

