"""TOML documents with comments everywhere TOML allows them, and whom each comment belongs to.

A document is a tree (`Table`, `Array`, `Inline`, `Scalar`) rendered with a
random choice at every place a comment may go: above a key, after a value,
after an array's `[`, above, after and between its items, before its `]`,
above and after a table header, between blocks. Each comment carries a unique
marker (`# <c12>`) and the renderer records which element it belongs to,
by the rule of issue 11: a comment belongs to an element when it is on the
element's own lines, trails its last line, or is the block of comment lines
directly above it with no blank line between. A free comment (a blank line
below it) belongs to the table or array whose lines it is on.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from intl_sdk.rendering import format_key, format_value

Path = tuple


@dataclass
class Scalar:
    value: Any
    text: str | None = None  # as written, when not format_value's (a multi-line string, a literal)


@dataclass
class Array:
    items: list[Any]
    multiline: bool = True
    packed: bool = False  # several items a line


@dataclass
class Inline:
    entries: dict[str, Any]


@dataclass
class Table:
    entries: dict[str, Any]  # key -> Scalar | Array | Inline | Table | list[Table] (an array of tables)
    dotted: bool = False  # written as `key.sub = value` lines in its parent
    implicit: bool = False  # no header of its own (only sub-tables below it)


@dataclass
class Rendered:
    text: str
    owners: dict[str, Path | None] = field(default_factory=dict)  # marker -> element it belongs to
    lines: dict[Path, int] = field(default_factory=dict)  # path -> line of its key, header or item


def _is_tables(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, Table) for item in value)


class Renderer:
    def __init__(self, rng: random.Random, chance: float = 0.5, newline: str = "\n") -> None:
        self.rng = rng
        self.chance = chance
        self.newline = newline
        self.owners: dict[str, Path | None] = {}
        self.lines: dict[Path, int] = {}

    def at(self, out: list[str], pending: str = "") -> int:
        """The line the next text goes on."""
        return "".join(out).count("\n") + pending.count("\n") + 1

    def record(self, path: Path, line: int, *, since: int = 1) -> None:
        """A path's line, and its parents' (first written wins) down to depth `since`."""
        for depth in range(since, len(path)):
            self.lines.setdefault(path[:depth], line)
        self.lines.setdefault(path, line)

    def maybe(self) -> bool:
        return self.rng.random() < self.chance

    def comment(self, owner: Path | None) -> str:
        marker = f"<c{len(self.owners) + 1}>"
        self.owners[marker] = owner
        return f"# {marker}"

    # -- documents and sections ------------------------------------------------

    def render(self, root: Table) -> Rendered:
        out: list[str] = []
        if self.maybe():
            out.append(self.comment(None) + "\n\n")
        self.section(root, (), None, out)
        if self.maybe():
            out.append("\n" + self.comment(self.free_owner) + "\n")
        text = "".join(out)
        return Rendered(text.replace("\n", self.newline), dict(self.owners), dict(self.lines))

    def section(self, table: Table, path: Path, header: str | None, out: list[str]) -> None:
        implicit = table.implicit and not (header or "").startswith("[[")  # an item always has its header
        if header is not None and not implicit:
            out.append("\n")
            if self.maybe():
                out.append(self.comment(self.free_owner) + "\n\n")
            if self.maybe():
                out.append(self.comment(path) + "\n")
            line = header
            if self.maybe():
                line += "  " + self.comment(path)
            self.record(path, self.at(out))
            out.append(line + "\n")
        if header is not None and not implicit:
            self.free_owner = path
        self.body(table, path, path, out)
        names = [p for p in path if isinstance(p, str)]
        for key, value in table.entries.items():
            if isinstance(value, Table) and not value.dotted:
                self.section(value, path + (key,), "[" + ".".join(map(format_key, names + [key])) + "]", out)
            elif _is_tables(value):
                for index, item in enumerate(value):
                    self.section(item, path + (key, index), "[[" + ".".join(map(format_key, names + [key])) + "]]", out)

    free_owner: Path | None = None

    def body(self, table: Table, path: Path, prefix: Path, out: list[str]) -> None:
        """The `key = value` lines of a table (its dotted sub-tables' too)."""
        for key, value in table.entries.items():
            if (isinstance(value, Table) and not value.dotted) or _is_tables(value):
                continue
            if isinstance(value, Table):  # dotted: `key.sub = value`
                self.body(value, path + (key,), prefix, out)
                continue
            key_path = path + (key,)
            if self.maybe():
                out.append(self.comment(self.free_owner) + "\n\n")
            if self.maybe():
                out.append(self.comment(key_path) + "\n")
            dotted = ".".join(format_key(part) for part in key_path[len(prefix) :])
            here = self.at(out)
            self.record(key_path, here, since=len(prefix) + 1)
            line = f"{dotted} = " + self.value(value, key_path, "", here)
            if self.maybe():
                line += "  " + self.comment(key_path)
            out.append(line + "\n")

    # -- values ------------------------------------------------------------------

    def value(self, node: Any, path: Path, indent: str, line: int) -> str:
        """A value starting on `line`; the lines of its items are recorded."""
        if isinstance(node, Scalar):
            return node.text if node.text is not None else format_value(node.value)
        if isinstance(node, Inline):
            text = "{ "
            for key, value in node.entries.items():
                text += "" if text == "{ " else ", "
                here = line + text.count("\n")
                self.record(path + (key,), here, since=len(path) + 1)
                text += f"{format_key(key)} = " + self.value(value, path + (key,), indent, here)
            return text + " }" if node.entries else "{}"
        assert isinstance(node, Array)
        if not node.multiline:
            text = "["
            for index, item in enumerate(node.items):
                text += "" if index == 0 else ", "
                here = line + text.count("\n")
                self.record(path + (index,), here, since=len(path) + 1)
                text += self.value(item, path + (index,), indent, here)
            return text + "]"
        inner = indent + "  "
        trailing = self.maybe() or not node.items
        text = "["
        if self.maybe():
            text += "  " + self.comment(path)
        text += "\n"
        last = len(node.items) - 1
        if node.packed:
            parts: list[str] = []
            for index, item in enumerate(node.items):
                here = line + text.count("\n")
                self.record(path + (index,), here, since=len(path) + 1)
                parts.append(self.value(item, path + (index,), inner, here) + ("," if index < last or trailing else ""))
                if len(parts) == 2 or index == last:
                    # a trailing comment trails the last line of every item on it: the array's, unless one item
                    owner = path + (index,) if len(parts) == 1 else path
                    end = "  " + self.comment(owner) if self.maybe() else ""
                    text += inner + " ".join(parts) + end + "\n"
                    parts = []
        else:
            for index, item in enumerate(node.items):
                item_path = path + (index,)
                if self.maybe():
                    text += inner + self.comment(path) + "\n\n"
                if self.maybe():
                    text += inner + self.comment(item_path) + "\n"
                here = line + text.count("\n")
                self.record(item_path, here, since=len(path) + 1)
                text += inner + self.value(item, item_path, inner, here) + ("," if index < last or trailing else "")
                if self.maybe():
                    text += "  " + self.comment(item_path)
                text += "\n"
        if self.maybe():
            text += inner + self.comment(path) + "\n"
        return text + indent + "]"


# -- the data a tree holds, and edits to it -------------------------------------------


def data_of(node: Any) -> Any:
    if isinstance(node, Scalar):
        return node.value
    if isinstance(node, Array):
        return [data_of(item) for item in node.items]
    if isinstance(node, (Inline, Table)):
        return {key: data_of(value) for key, value in node.entries.items()}
    if isinstance(node, list):
        return [data_of(item) for item in node]
    raise TypeError(node)


def leaf_paths(data: Any, path: Path = ()) -> list[Path]:
    if isinstance(data, dict):
        return [p for key, value in data.items() for p in leaf_paths(value, path + (key,))]
    if isinstance(data, list):
        return [p for index, value in enumerate(data) for p in leaf_paths(value, path + (index,))]
    return [path]


def element_paths(data: Any, path: Path = ()) -> list[Path]:
    """Every key and every array element, at every depth."""
    out: list[Path] = []
    if isinstance(data, dict):
        for key, value in data.items():
            out.append(path + (key,))
            out.extend(element_paths(value, path + (key,)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            out.append(path + (index,))
            out.extend(element_paths(value, path + (index,)))
    return out


def copy_data(data: Any) -> Any:
    if isinstance(data, dict):
        return {key: copy_data(value) for key, value in data.items()}
    if isinstance(data, list):
        return [copy_data(value) for value in data]
    return data


def changed(value: Any) -> Any:
    """A different value of the same type, equal to no other value of the documents here."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, Decimal)):
        return value + 1_000_003
    if isinstance(value, str):
        return value + "x"
    if isinstance(value, dt.datetime):
        return value + dt.timedelta(hours=1, days=3001)
    if isinstance(value, dt.date):
        return value + dt.timedelta(days=3001)
    if isinstance(value, dt.time):
        return value.replace(hour=(value.hour + 1) % 24)
    raise TypeError(value)


def with_change(data: Any, path: Path) -> Any:
    out = copy_data(data)
    holder = out
    for part in path[:-1]:
        holder = holder[part]
    holder[path[-1]] = changed(holder[path[-1]])
    return out


def without(data: Any, path: Path) -> Any:
    out = copy_data(data)
    holder = out
    for part in path[:-1]:
        holder = holder[part]
    del holder[path[-1]]
    return out


def belongs(owner: Path | None, deleted: Path) -> bool:
    return owner is not None and deleted is not None and owner[: len(deleted)] == deleted


_MARKER_RE = re.compile(r"<c\d+>")


def markers_in(text: str) -> list[str]:
    return _MARKER_RE.findall(text)
