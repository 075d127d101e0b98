"""Reading a plan again after an edit of its text, re-parsing only what changed.

An editor (the language server) reads a plan again after every few
keystrokes, and most keystrokes change a few lines: a share's digits, an
action's title, a new key, an item pasted. Parsing the whole text with
`tomllib` is most of what a check costs, so `loads_edited` parses only the
lines the edit touched, when they read on their own: the lines under one
table's header, the root table's lines, or whole top-level tables and items.
What they make goes into a copy of the previous data (the tables and lists
on the way copied, everything else shared: nothing changes an origin's data).

The answer is always `loads(text)`'s: where the edit is anything else
(nested headers, a key both the root table and a header write), or the lines
do not read on their own, or anything is not as expected, the whole text is read.
"""

from __future__ import annotations

import gc
import os
import tomllib
from bisect import bisect_left
from decimal import Decimal
from typing import Any

from intl_sdk.errors import PlanError
from intl_sdk.layout import Layout
from intl_sdk.model import Plan
from intl_sdk.reading import BOM, loads, plan_from_data

__all__ = ["edited_data", "loads_edited"]


def loads_edited(text: str | bytes, previous: Plan, *, path: str | os.PathLike[str] | None = None) -> Plan:
    """The plan of `text`, an edit of the text `previous` was read from: the
    same plan (or `PlanError`) as `loads(text, path=path)`, sooner when the edit
    stays inside one table, the root table's lines, or whole top-level tables."""
    origin = previous.origin
    if origin is not None and isinstance(text, str):  # bytes: `loads` decodes them, and says where they are not UTF-8
        bom = text.startswith(BOM)
        body = text[1:] if bom else text
        if bom == origin.bom:
            data = edited_data(origin.text, origin.data, origin.layout, body)
            if data is not None:
                file = os.fspath(path) if path is not None else None
                enabled = gc.isenabled()
                gc.disable()  # as `loads` does: building the plan allocates and frees nothing
                try:
                    return plan_from_data(body, data, file, bom)
                except PlanError:
                    pass  # the same error as reading the whole text gives; let `loads` say it
                finally:
                    if enabled:
                        gc.enable()
    return loads(text, path=path)


def edited_data(old: str, data: dict[str, Any], layout: Layout, new: str) -> dict[str, Any] | None:
    """What `tomllib` reads from `new`, from `old`'s data and layout, where the
    edit can be read on its own; else None (then read the whole text).

    Three kinds of edit are: one inside the lines of a table that no other
    header writes into (a `[[regions]]` item, `[strategy]`), whose lines are
    read alone and replace that table; one inside the root table's lines
    (above the first header), read alone likewise; and one across whole
    top-level tables and items (an item pasted, removed, or edited with its
    header), whose sections are read alone and spliced into the data."""
    start, old_end, new_end = _changed(old, new)
    if start is None:
        return data  # the same text
    for read in (_one_table, _root_table, _whole_sections):
        found = read(old, data, layout, new, start, old_end, new_end)
        if found is not None:
            return found
    return None


def _read(text: str) -> dict[str, Any] | None:
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):
        return None  # the whole text says where, and what


def _read_table_lines(lines: str) -> dict[str, Any] | None:
    """The table some lines make on their own; None if they do not read, or
    hold a header (typed among them: then the tables change)."""
    table = _read(lines)
    return table if table is not None and len(Layout(lines).sections) == 1 else None


def _one_table(old: str, data: dict[str, Any], layout: Layout, new: str, start: int, old_end: int, new_end: int) -> dict[str, Any] | None:
    """The lines under one header read alone (see `edited_data`). The header
    itself and the next one must stay as they were, on lines of their own,
    and the new lines must hold no header."""
    section = layout.section_holding(start)
    body = section.body_start
    if not section.path or start < body or (body and old[body - 1] != "\n"):
        return None  # the root table (headers write into it), or the header's own line
    if old_end >= section.stop and section.stop != len(old):
        return None  # the edit reaches the next header's line
    if layout.has_sections_below(section):
        return None
    table = _read_table_lines(new[body : section.stop + new_end - old_end])
    return None if table is None else _replaced(data, section.path, table)


def _root_table(old: str, data: dict[str, Any], layout: Layout, new: str, start: int, old_end: int, new_end: int) -> dict[str, Any] | None:
    """The root table's lines (before the first header) read alone, when no
    header writes into a key they write (`a.b = 1` above `[a.c]`)."""
    first_header = layout.section_at(1)
    stop = first_header.header_start if first_header is not None else len(old)
    if start >= stop or (old_end >= stop and stop != len(old)):
        return None  # the edit reaches the first header's line
    table = _read_table_lines(new[: stop + new_end - old_end])
    if table is None:
        return None
    written_by_headers = [key for key in data if layout.first_section_of(key) is not None]
    if any(key in table for key in written_by_headers):
        return None  # a key both the root table and a header write: the whole text says how
    if any(key in layout.root_names for key in written_by_headers):
        return None  # the same, before the edit: its data mixes both
    # the root table's keys come first, as the text writes them; a key it no longer writes is gone
    return {**table, **{key: data[key] for key in written_by_headers}}


def _whole_sections(old: str, data: dict[str, Any], layout: Layout, new: str, start: int, old_end: int, new_end: int) -> dict[str, Any] | None:
    """Whole top-level tables and items read alone (see `edited_data`): from
    the header of the first section the edit touches to the next header it
    leaves as it was. Every section on either side must be a top-level
    `[a]` or `[[a]]` that no deeper header writes into."""
    first = layout.section_holding(start)
    last = layout.section_holding(max(start, old_end - 1))
    if not first.path:
        return None  # the root table: every header writes into it
    new_stop = last.stop + new_end - old_end
    if last.stop != len(old) and new[new_stop - 1 : new_stop] != "\n":
        return None  # the next header no longer starts a line
    nested = layout.nested_names
    old_tables: list[str] = []
    old_items: dict[str, int] = {}  # name -> how many of its items the edit replaces
    for number in range(first.index, last.index + 1):
        path = layout.section_at(number).path  # type: ignore[union-attr]
        if not layout.is_flat(path) or path[0] in nested:
            return None
        if len(path) == 2:
            old_items[path[0]] = old_items.get(path[0], 0) + 1
        else:
            old_tables.append(path[0])
    text = new[first.header_start : new_stop]
    chunk = _read(text)
    if chunk is None:
        return None
    chunk_layout = Layout(text)
    if chunk_layout.statements(chunk_layout.section_at(0)):  # type: ignore[arg-type]
        return None  # keys before the first header: they belong to the table above
    names: list[str] = []  # in the order the new sections first name them
    for section in chunk_layout.sections[1:]:
        if not chunk_layout.is_flat(section.path) or section.path[0] in nested:
            return None  # a deeper header elsewhere (`[a.b]`) writes into the last `[[a]]` above it
        if section.path[0] not in names:
            names.append(section.path[0])

    result = dict(data)
    for name in old_tables:
        del result[name]
    for name in names:
        if type(chunk[name]) is dict:  # a `[name]` table
            if name in result:
                return None  # written elsewhere too: the whole text says how
            result[name] = chunk[name]
    for name in old_items.keys() | {name for name in names if type(chunk[name]) is list}:
        items = result.get(name)
        numbers = layout.item_numbers((name,))
        if items is None:
            items = []
        elif type(items) is not list or len(items) != len(numbers) or not numbers:
            return None  # not the `[[name]]` items alone: the whole text says how
        before = bisect_left(numbers, first.index)
        spliced = items[:before] + chunk.get(name, []) + items[before + old_items.get(name, 0) :]
        if spliced:
            result[name] = spliced
        else:
            del result[name]
    return _in_reading_order(result, layout, first.index, last.index, names)


def _in_reading_order(result: dict[str, Any], layout: Layout, first: int, last: int, names: list[str]) -> dict[str, Any]:
    """`result`'s top-level keys in the order `tomllib` makes them: the order
    in which the text first writes each (the root table's keys come first)."""

    nested = layout.nested_names
    # a name both the root table and deeper headers write (`a.b = 1`, `[a.c]`) is the root table's
    root_names = layout.root_names if any(key in nested for key in result) else set()

    def written_at(key: str) -> float:
        number = layout.first_section_of(key)
        if key in root_names:
            return -1
        if number is not None and number < first:
            return number
        if key in names:
            return first + names.index(key) / (len(names) + 1)
        if number is None:
            return -1  # a key of the root table: before every header, in its own order
        later = [n for n in layout.item_numbers((key,)) if n > last] or [number]
        return later[0]

    order = sorted(result, key=written_at)  # stable: the root table's keys keep their order
    return {key: result[key] for key in order}


def _changed(old: str, new: str) -> tuple[int | None, int, int]:
    """Where `old` and `new` first differ, and where the difference ends in each
    (the longest common prefix and suffix, compared in halves: C-speed slices)."""
    if old == new:
        return None, 0, 0
    shorter = min(len(old), len(new))
    low, high = 0, shorter  # the common prefix's length is in [low, high]
    while low < high:
        middle = (low + high + 1) // 2
        if old[low:middle] == new[low:middle]:
            low = middle
        else:
            high = middle - 1
    start = low
    low, high = 0, shorter - start  # the common suffix's length, not overlapping the prefix
    while low < high:
        middle = (low + high + 1) // 2
        if old[len(old) - middle : len(old) - low] == new[len(new) - middle : len(new) - low]:
            low = middle
        else:
            high = middle - 1
    return start, len(old) - low, len(new) - low


def _replaced(data: dict[str, Any], path: tuple, value: Any) -> dict[str, Any] | None:
    """A copy of `data` with the table at `path` replaced by `value`: the tables
    and lists on the way copied, the rest shared."""
    nodes: list[Any] = [data]
    try:
        for part in path[:-1]:
            nodes.append(nodes[-1][part])
        if type(nodes[-1][path[-1]]) is not dict:
            return None  # the line map and the data disagree: read the whole text
    except (KeyError, IndexError, TypeError):
        return None
    for node, part in zip(reversed(nodes), reversed(path)):
        copy = dict(node) if type(node) is dict else list(node)
        copy[part] = value
        value = copy
    return value
