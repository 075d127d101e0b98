"""Saving plans: keep the author's file, change only the lines that changed.

A plan read from a file is saved by comparing its data with the data the file
had and editing the text through the line map: a changed value is replaced in
place, a removed item's lines go, a new item is written after its neighbour.
Comments, blank lines, key order and layout stay. Every result is parsed back
and compared with the plan; if an edit cannot be made faithfully the whole
plan is written afresh (data is never traded for layout).
"""

from __future__ import annotations

import os
import tempfile
import warnings
from decimal import Decimal
from typing import Any

from intl_sdk import _kinds
from intl_sdk.layout import Layout, Path, Section
from intl_sdk.model import Plan
from intl_sdk.reading import parse_toml
from intl_sdk._origin import Origin
from intl_sdk.rendering import (
    format_key,
    format_multiline_list,
    format_statement,
    format_value,
    render_plan,
    render_table_body,
    to_data,
)

__all__ = ["LayoutLostWarning", "dump", "dumps"]

_MISSING: Any = object()


class LayoutLostWarning(UserWarning):
    """Saving could not keep the file's layout and wrote the plan afresh."""


class _Rewrite(Exception):
    """This change cannot be made as a small edit."""


def dumps(plan: Plan) -> str:
    """The plan as TOML text: its own file's text, edited, if it came from one."""
    data = to_data(plan)
    origin = plan.origin
    if origin is not None:
        edited = _edit(origin, data)
        if edited is not None:
            return edited
        warnings.warn(
            "this change could not be made as a small edit; the plan was written afresh "
            "(comments and layout not kept)",
            LayoutLostWarning,
            stacklevel=2,
        )
    text = render_plan(data, _newline(origin.text) if origin else "\n")
    if not _equivalent(parse_toml(text), data, Plan):  # a bug in rendering, never a user's error
        raise ValueError("the plan cannot be written as TOML faithfully")
    return text


def dump(plan: Plan, path: str | os.PathLike[str]) -> None:
    """Save atomically: the file holds either its old text or the new, never half.

    The new text goes to a temporary file in the same folder, is flushed to
    disk and renamed over the old one; the old file's permissions are kept.
    Afterwards the plan remembers the new text, so the next save diffs from it.
    """
    text = dumps(plan)
    target = os.fspath(path)
    write_atomic(target, text.encode("utf-8"))
    plan.origin = Origin(text, target)


def _remove_stale_temporaries(folder: str, base: str) -> None:
    """Delete temporary files a killed save left behind (their writer is gone)."""
    prefix = f".{base}."
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if not (name.startswith(prefix) and name.endswith(".tmp")):
            continue
        pid_text = name[len(prefix) :].split(".", 1)[0]
        if not pid_text.isdigit() or _alive(int(pid_text)):
            continue
        try:
            os.unlink(os.path.join(folder, name))
        except OSError:
            pass


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def write_atomic(target: str, payload: bytes) -> None:
    """Write `payload` to `target` so that it holds either the old or the new
    bytes, whatever happens: a temporary file named after this process in the
    same folder, fsync'd, then renamed over the target. A temporary file left
    by a process that was killed mid-save is removed by the next save."""
    folder = os.path.dirname(os.path.abspath(target))
    base = os.path.basename(target)
    _remove_stale_temporaries(folder, base)
    try:
        mode = os.stat(target).st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    handle, temporary = tempfile.mkstemp(prefix=f".{base}.{os.getpid()}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
    try:  # make the rename itself durable
        directory = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(directory)
    except OSError:
        pass
    finally:
        os.close(directory)


# -- editing through the layout ---------------------------------------------


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _edit(origin: Origin, new: dict[str, Any]) -> str | None:
    text = origin.text
    old = parse_toml(text, origin.path)
    if _equivalent(old, new, Plan):
        return text  # unchanged: the same bytes, without scanning the layout
    editor = _Editor(text, origin.layout)
    try:
        editor.table((), old, new, origin.layout.sections[0], Plan)
        result = editor.apply(0, len(text))
    except _Rewrite:
        return None
    try:
        reread = parse_toml(result)
    except Exception:
        return None
    return result if _equivalent(reread, new, Plan) else None


class _Editor:
    def __init__(self, text: str, layout: Layout) -> None:
        self.text = text
        self.layout = layout
        self.newline = _newline(text)
        self.edits: list[tuple[int, int, int, int, str]] = []

    # the edits themselves

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
                raise _Rewrite  # overlapping edits: never guess
            parts.append(self.text[position:edit_start])
            parts.append(new_text)
            position = edit_end
        parts.append(self.text[position:end])
        return "".join(parts)

    # tables

    def table(
        self, path: Path, old: dict[str, Any], new: dict[str, Any], section: Section | None, model: type | None
    ) -> None:
        """Edit a table; `model` is the class it holds, if it is one of the model's."""
        layout = self.layout
        kinds = _kinds.field_kinds(model) if model else {}
        keys = list(new) + [key for key in old if key not in new]
        for key in keys:
            before = old.get(key, _MISSING)
            after = new.get(key, _MISSING)
            if _same(before, after) or (_empty_is_absent(kinds, key) and _emptyish(before) and _emptyish(after)):
                continue
            sub = path + (key,)
            statement = layout.statements.get(sub)
            if statement is not None:
                if after is _MISSING:
                    self.replace(statement.start, statement.end, "")
                else:
                    self.replace(statement.value_start, statement.value_end, self.value(after, statement))
                continue
            if before is _MISSING:
                self.add(path, key, after, section)
                continue
            if _is_tables(before) and (after is _MISSING or after == [] or _is_tables(after)):
                items = layout.array_items(sub)
                if len(items) != len(before):
                    raise _Rewrite
                self.array(sub, before, after if after is not _MISSING else [], items, _model_of(kinds.get(key)))
                continue
            if isinstance(before, dict):
                own = layout.section(sub)
                if after is _MISSING:
                    self.delete_tables(sub)
                    continue
                if isinstance(after, dict):
                    self.table(sub, before, after, own if own and not own.is_array_item else None, _model_of(kinds.get(key)))
                    continue
            if section is not None and (isinstance(before, dict) or _is_tables(before)):
                # A table became a plain value: drop its sections, write the value.
                self.delete_tables(sub)
                self.add(path, key, after, section)
                continue
            raise _Rewrite

    def value(self, value: Any, statement: Any) -> str:
        """A replacement value, multi-line if the old one was and it is a list."""
        old_text = self.text[statement.value_start : statement.value_end]
        if isinstance(value, list) and value and "\n" in old_text and old_text.startswith("["):
            lines = old_text.splitlines()
            indent = lines[1][: len(lines[1]) - len(lines[1].lstrip())] or "    "
            closing = lines[-1][: len(lines[-1]) - len(lines[-1].lstrip())]
            return format_multiline_list(value, self.newline, indent, closing)
        return format_value(value)

    def add(self, path: Path, key: str, value: Any, section: Section | None) -> None:
        """A key the file did not have."""
        if section is None:
            raise _Rewrite
        newline = self.newline
        end_of_text = len(self.text)
        if path == () and _is_tables(value):
            blocks = "".join(
                newline + f"[[{format_key(key)}]]" + newline + render_table_body(item, newline) for item in value
            )
            self.replace(end_of_text, end_of_text, self.gap_at_end() + blocks.removeprefix(newline), late=True)
            return
        if path == () and isinstance(value, dict):
            block = f"[{format_key(key)}]{newline}{render_table_body(value, newline)}"
            sections = self.layout.sections
            if len(sections) > 1:
                self.replace(sections[1].start, sections[1].start, block + newline)
            else:
                self.replace(end_of_text, end_of_text, self.gap_at_end() + block, late=True)
            return
        at = section.body_end
        self.replace(at, at, self.line_break_before(at) + format_statement(key, value, newline))

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
        """Remove a table: its sections, and its dotted keys in other sections."""
        depth = len(path)
        removed = []
        for section in self.layout.sections:
            if section.path[:depth] == path and section.path != ():
                self.replace(section.start, section.end, "")
                removed.append((section.start, section.end))
        for statement in self.layout.statements.values():
            if statement.path[:depth] == path and not any(a <= statement.start < b for a, b in removed):
                self.replace(statement.start, statement.end, "")

    # arrays of tables

    def array(
        self, path: Path, old: list[dict], new: list[dict], sections: list[Section], model: type | None
    ) -> None:
        layout = self.layout
        pairs = _match_items(old, new)
        matched = [index for index in pairs if index is not None]
        ends = [layout.owned_end(section) for section in sections]
        if matched != sorted(matched):
            self.reorder(path, old, new, sections, ends, pairs, model)
            return
        for index, section in enumerate(sections):
            if index not in matched:
                self.replace(section.start, ends[index], "")
        header = f"[[{'.'.join(format_key(p) for p in path if isinstance(p, str))}]]"
        previous: int | None = None
        for new_index, old_index in enumerate(pairs):
            if old_index is not None:
                self.table(path + (old_index,), old[old_index], new[new_index], sections[old_index], model)
                previous = old_index
                continue
            block = header + self.newline + render_table_body(new[new_index], self.newline)
            if previous is None and sections:
                at = sections[0].start
                self.replace(at, at, block + self.newline, late=True)
            else:
                at = ends[previous] if previous is not None else len(self.text)
                self.replace(at, at, self.block_after(at, block), late=True)

    def block_after(self, at: int, block: str) -> str:
        """A new block inserted at `at`, set off by a blank line as its neighbours are."""
        before = self.text[:at]
        newline = self.newline
        if not before.endswith("\n"):
            return newline * 2 + block
        if before.endswith(newline * 2) or before.endswith("\n\n"):
            return block + newline
        return newline + block

    def reorder(self, path, old, new, sections, ends, pairs, model) -> None:
        for index in range(len(sections) - 1):
            if ends[index] != sections[index + 1].start:
                raise _Rewrite  # other tables stand between the items
        newline = self.newline
        header = f"[[{'.'.join(format_key(p) for p in path if isinstance(p, str))}]]"
        blocks = []
        for new_index, old_index in enumerate(pairs):
            if old_index is None:
                blocks.append(header + newline + render_table_body(new[new_index], newline))
                continue
            sub = _Editor(self.text, self.layout)
            sub.table(path + (old_index,), old[old_index], new[new_index], sections[old_index], model)
            blocks.append(sub.apply(sections[old_index].start, ends[old_index]).rstrip("\r\n") + newline)
        start, end = sections[0].start, ends[-1]
        tail = self.text[start:end]
        trailing = tail[len(tail.rstrip("\r\n")) :]
        joined = newline.join(blocks)
        self.replace(start, end, joined.rstrip("\r\n") + (trailing or newline))


def _is_tables(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def _emptyish(value: Any) -> bool:
    return value is _MISSING or value == [] or value == {}


def _same(a: Any, b: Any) -> bool:
    """Equal as TOML data: an int is not a float, `true` is not 1."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[key], b[key]) for key in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


def _empty_is_absent(kinds: dict[str, _kinds.Kind], key: str) -> bool:
    kind = kinds.get(key)
    return kind is not None and kind.empty_is_absent


def _model_of(kind: _kinds.Kind | None) -> type | None:
    return kind.cls if isinstance(kind, _kinds.Table) else None


def _equivalent(a: Any, b: Any, model: type | None = None) -> bool:
    """`_same`, where a model key left out and left empty are one."""
    if isinstance(a, dict) and isinstance(b, dict):
        kinds = _kinds.field_kinds(model) if model else {}
        for key in a.keys() | b.keys():
            x, y = a.get(key, _MISSING), b.get(key, _MISSING)
            if _empty_is_absent(kinds, key) and _emptyish(x) and _emptyish(y):
                continue
            if not _equivalent(x, y, _model_of(kinds.get(key))):
                return False
        return True
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_equivalent(x, y, model) for x, y in zip(a, b))
    if isinstance(a, Decimal) and isinstance(b, Decimal):
        return a == b or (a.is_nan() and b.is_nan())
    return _same(a, b)


def _match_items(old: list[dict], new: list[dict]) -> list[int | None]:
    """For each new item, the old item it continues (same id; else same place)."""
    ids: dict[Any, int] = {}
    duplicated = set()
    for index, item in enumerate(old):
        key = item.get("id")
        if isinstance(key, str):
            if key in ids:
                duplicated.add(key)
            ids[key] = index
    for key in duplicated:
        del ids[key]
    pairs: list[int | None] = [None] * len(new)
    used: set[int] = set()
    for new_index, item in enumerate(new):
        index = ids.get(item.get("id"))
        if index is not None and index not in used:
            pairs[new_index] = index
            used.add(index)
    # Unmatched items between the same matched neighbours continue each other:
    # a renamed id, or items without ids, edited in place.
    new_index = 0
    while new_index < len(new):
        if pairs[new_index] is not None:
            new_index += 1
            continue
        run_end = new_index
        while run_end < len(new) and pairs[run_end] is None:
            run_end += 1
        low = max((p for p in pairs[:new_index] if p is not None), default=-1)
        high = min((p for p in pairs[run_end:] if p is not None), default=len(old))
        free = [index for index in range(low + 1, high) if index not in used]
        for offset, index in zip(range(new_index, run_end), free):
            pairs[offset] = index
            used.add(index)
        new_index = run_end
    return pairs
