"""Editing a TOML text through its line map, table by table and item by item.

`Editor` compares the data a text holds with the data it should hold and
collects edits (replace these offsets with that text): a changed value is
replaced where it is (arrays item by item, see `_edit_values`), a removed key
or item goes with its own lines and the comment lines directly above it, a
new key is written after the last key of its table, a new `[[item]]` after
its neighbour, a moved item with its comments. Nothing else is touched.
"""

from __future__ import annotations

from typing import Any

from intl_sdk import _kinds
from intl_sdk._compare import MISSING, empty_is_absent, emptyish, is_tables, model_of, same
from intl_sdk._edit_values import Rewrite, edit_value
from intl_sdk._matching import match_items, staying
from intl_sdk.layout import Layout, Path, Section
from intl_sdk.rendering import format_key, format_statement, format_value, render_table_body

__all__ = ["Editor", "Rewrite", "newline_of"]


def newline_of(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


class Editor:
    """Edits to one text, made together at the end (`apply`)."""

    def __init__(self, text: str, layout: Layout) -> None:
        self.text = text
        self.layout = layout
        self.newline = newline_of(text)
        self.edits: list[tuple[int, int, int, int, str]] = []
        self.new_headers: dict[Path, int] = {}  # headers written for tables that had none

    # -- the edits themselves ---------------------------------------------------

    def replace(self, start: int, end: int, new_text: str, *, late: bool = False) -> None:
        """Replace text; among insertions at one place, `late` ones go last
        (new blocks at the end of the file come after keys added to its last table)."""
        self.edits.append((start, end, int(late), len(self.edits), new_text))

    def apply(self, start: int, end: int) -> str:
        """The text from `start` to `end` with the edits inside it made."""
        parts = []
        position = start
        for edit_start, edit_end, _, _, new_text in sorted(e for e in self.edits if start <= e[0] and e[1] <= end):
            if edit_start < position:
                raise Rewrite  # overlapping edits: never guess
            parts.append(self.text[position:edit_start])
            parts.append(new_text)
            position = edit_end
        parts.append(self.text[position:end])
        return "".join(parts)

    def result(self) -> str:
        """The whole text edited, ending with as many line ends as it did."""
        text = self.text
        out = self.apply(0, len(text))
        body = text.rstrip("\r\n")
        ending = text[len(body) :]
        trimmed = out.rstrip("\r\n")
        if trimmed and len(out) - len(trimmed) > len(ending):
            out = trimmed + (ending or "")
        return out

    # -- tables -----------------------------------------------------------------

    def table(
        self,
        path: Path,
        old: dict[str, Any],
        new: dict[str, Any],
        section: Section | None,
        model: type | None,
    ) -> None:
        """Edit a table; `section` is its own `[table]` section, if it has one,
        and `model` the class it holds, if it is one of the model's."""
        layout = self.layout
        kinds = _kinds.field_kinds(model) if model else {}
        for key in list(new) + [key for key in old if key not in new]:
            before = old.get(key, MISSING)
            after = new.get(key, MISSING)
            absent_is_empty = empty_is_absent(kinds, key)
            if same(before, after) or (absent_is_empty and emptyish(before) and emptyish(after)):
                continue
            if after is MISSING and absent_is_empty and type(before) in (list, dict):
                after = type(before)()  # the same to the model: emptied where it is, its comments kept
            sub = path + (key,)
            statement = layout.statement(sub)
            if statement is not None:
                if after is MISSING:
                    self.replace(layout.statement_start(statement), statement.end, "")
                else:
                    edit_value(self, statement.value_start, statement.value_end, before, after)
                continue
            if before is MISSING:
                self.add(path, key, after, section)
                continue
            if is_tables(before) and (after is MISSING or after == [] or is_tables(after)):
                items = layout.array_items(sub)
                if len(items) != len(before):
                    raise Rewrite
                self.array_of_tables(sub, before, [] if after is MISSING else after, items, model_of(kinds.get(key)))
                if after == [] and not absent_is_empty:  # an empty array has no sections: a key of its table
                    self.add(path, key, after, section)
                continue
            if isinstance(before, dict):
                if after is MISSING:
                    self.delete_tables(sub)
                    continue
                if isinstance(after, dict):
                    own = layout.section(sub)
                    if own is not None and own.is_array_item:
                        own = None
                    if own is None and not after and section is not None:
                        # written only by keys or tables below it, which all go: `key = {}` keeps it
                        self.delete_tables(sub)
                        self.add(path, key, after, section)
                        continue
                    self.table(sub, before, after, own, model_of(kinds.get(key)))
                    continue
            if section is not None and (isinstance(before, dict) or is_tables(before)):
                # A table became a plain value: drop its sections, write the value.
                self.delete_tables(sub)
                self.add(path, key, after, section)
                continue
            raise Rewrite

    def add(self, path: Path, key: str, value: Any, section: Section | None) -> None:
        """A key the text did not have."""
        newline = self.newline
        if section is None:
            self.add_dotted(path, key, value)
            return
        end_of_text = len(self.text)
        if path == () and is_tables(value):
            blocks = "".join(
                newline + f"[[{format_key(key)}]]" + newline + render_table_body(item, newline) for item in value
            )
            self.replace(end_of_text, end_of_text, self.gap_at_end() + blocks.removeprefix(newline), late=True)
            return
        if path == () and isinstance(value, dict):
            block = f"[{format_key(key)}]{newline}{render_table_body(value, newline)}"
            first = self.layout.section_at(1)
            if first is not None:
                at = self.layout.start_of(first)
                self.replace(at, at, block + newline)
            else:
                self.replace(end_of_text, end_of_text, self.gap_at_end() + block, late=True)
            return
        at = self.layout.body_end(section)
        self.replace(at, at, self.line_break_before(at) + format_statement(key, value, newline))

    def add_dotted(self, path: Path, key: str, value: Any) -> None:
        """A key of a table written with dotted keys (`a.b = 1`): `a.key = value` after them."""
        layout = self.layout
        for depth in range(len(path) - 1, -1, -1):
            holder = layout.section(path[:depth])
            if holder is None:
                continue
            written = [s for s in layout.statements(holder) if s.path[: len(path)] == path]
            if written:
                at = written[-1].end
                prefix = ".".join(format_key(part) for part in path[depth:]) + "."
                line = prefix + format_key(key) + " = " + format_value(value) + self.newline
                self.replace(at, at, self.line_break_before(at) + line)
                return
        # a table only the headers below it imply: give it a header above them
        at = self.new_headers.get(path)
        if at is None:
            under = layout.sections_under(path)
            if not under:
                raise Rewrite
            at = self.new_headers[path] = layout.start_of(under[0])
            self.replace(at, at, "[" + ".".join(format_key(p) for p in path if isinstance(p, str)) + "]" + self.newline)
            self.replace(at, at, self.newline, late=True)
        self.replace(at, at, format_statement(key, value, self.newline))

    def line_break_before(self, at: int) -> str:
        return "" if at == 0 or self.text[at - 1] == "\n" else self.newline

    def gap_at_end(self) -> str:
        """What goes between the file's last line and a new block: one blank line."""
        text = self.text
        if not text:
            return ""
        if text.endswith(self.newline * 2) or not text.strip():
            return ""
        return self.newline if text.endswith("\n") else self.newline * 2

    def delete_tables(self, path: Path) -> None:
        """Remove a table: its sections, and its dotted keys in the sections above it."""
        layout = self.layout
        for section in layout.sections_under(path):
            self.replace(layout.start_of(section), layout.end_of(section), "")
        for depth in range(len(path) - 1, -1, -1):
            holder = layout.section(path[:depth])
            if holder is None:
                continue
            for statement in layout.statements(holder):
                if statement.path[: len(path)] == path:
                    self.replace(layout.statement_start(statement), statement.end, "")

    # -- arrays of tables ---------------------------------------------------------

    def array_of_tables(
        self, path: Path, old: list[dict], new: list[dict], sections: list[Section], model: type | None
    ) -> None:
        layout = self.layout
        pairs = match_items(old, new)
        stay = staying(pairs)
        for index, section in enumerate(sections):
            if index not in stay:
                self.replace(layout.start_of(section), layout.owned_end(section), "")
        header = f"[[{'.'.join(format_key(p) for p in path if isinstance(p, str))}]]"
        newline = self.newline
        previous: int | None = None
        pending: list[str] = []
        for new_index, old_index in enumerate(pairs):
            if old_index is not None and old_index in stay:
                self.place_blocks(pending, sections, previous, old_index)
                pending = []
                self.table(path + (old_index,), old[old_index], new[new_index], sections[old_index], model)
                previous = old_index
            elif old_index is not None:
                section = sections[old_index]
                sub = Editor(self.text, layout)
                sub.table(path + (old_index,), old[old_index], new[new_index], section, model)
                pending.append(sub.apply(layout.start_of(section), layout.owned_end(section)).rstrip("\r\n") + newline)
            else:
                pending.append(header + newline + render_table_body(new[new_index], newline))
        self.place_blocks(pending, sections, previous, None)

    def place_blocks(self, blocks: list[str], sections: list[Section], previous: int | None, following: int | None) -> None:
        """New and moved items after the item that stayed before them, or before the one after."""
        if not blocks:
            return
        layout = self.layout
        if previous is not None:
            at = layout.owned_end(sections[previous])
            for block in blocks:
                self.replace(at, at, self.block_after(at, block), late=True)
            return
        target = sections[following] if following is not None else sections[0] if sections else None
        if target is None:
            at = len(self.text)
            for block in blocks:
                self.replace(at, at, self.block_after(at, block), late=True)
            return
        at = layout.start_of(target)
        for block in blocks:
            self.replace(at, at, block + self.newline, late=True)

    def block_after(self, at: int, block: str) -> str:
        """A new block inserted at `at`, set off by a blank line as its neighbours are."""
        text = self.text
        newline = self.newline
        if not text.endswith("\n", 0, at):
            return newline * 2 + block
        if text.endswith(newline * 2, 0, at) or text.endswith("\n\n", 0, at):
            return block + newline
        return newline + block
