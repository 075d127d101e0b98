"""Reading a plan again after an edit of its text, re-parsing only what changed.

An editor (the language server) reads a plan again after every few
keystrokes, and most keystrokes change the lines of one table: a share's
digits, an action's title, a new key, a blank line. Parsing the whole text
with `tomllib` is most of what a check costs, so `loads_edited` parses only
the lines under the edited table's header and puts the table they make in a
copy of the previous data (the tables and lists on the way to it copied,
everything else shared: nothing changes an origin's data).

The answer is always `loads(text)`'s: where the edit is anything else (the
root table, a header, a table other headers write into), or the lines do not
read on their own, or anything is not as expected, the whole text is read.
"""

from __future__ import annotations

import gc
import os
import tomllib
from decimal import Decimal
from typing import Any

from intl_sdk.errors import PlanError
from intl_sdk.layout import Layout
from intl_sdk.model import Plan
from intl_sdk.reading import BOM, loads, plan_from_data

__all__ = ["edited_data", "loads_edited"]


def loads_edited(text: str, previous: Plan, *, path: str | os.PathLike[str] | None = None) -> Plan:
    """The plan of `text`, an edit of the text `previous` was read from: the
    same plan (or `PlanError`) as `loads(text, path=path)`, sooner when the edit
    stays inside one value on one line."""
    origin = previous.origin
    if origin is not None:
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
    """What `tomllib` reads from `new`, from `old`'s data and layout, if `new`
    differs from `old` inside the lines of one table that no other header
    writes into (a `[[regions]]` item, `[strategy]`); else None.

    Those lines are read on their own, as the lines under a header are read
    in the whole text, and their table replaces the old one. The header
    itself and the next one must stay as they were, on lines of their own,
    and the new lines must hold no header."""
    start, old_end, new_end = _changed(old, new)
    if start is None:
        return data  # the same text
    section = layout.section_holding(start)
    body = section.body_start
    if not section.path or start < body or (body and old[body - 1] != "\n"):
        return None  # the root table (headers write into it), or the header's own line
    if old_end >= section.stop and section.stop != len(old):
        return None  # the edit reaches the next header's line
    if layout.has_sections_below(section):
        return None
    lines = new[body : section.stop + new_end - old_end]
    try:
        table = tomllib.loads(lines, parse_float=Decimal)
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):
        return None  # the whole text says where, and what
    if len(Layout(lines).sections) != 1:
        return None  # a header typed among the lines: the tables change
    return _replaced(data, section.path, table)


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
