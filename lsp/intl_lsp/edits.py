"""Edits to a plan as an editor applies them: through the layout-keeping writer.

A change is made on a freshly read copy of the plan, written with
`intl_sdk.dumps` (which keeps comments, blank lines and key order, and
changes only the lines of what changed), and handed to the editor as the
smallest text edits that turn the old text into the new. A change the writer
could only make by rewriting the whole file is refused, never applied.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from intl_sdk import Plan

    from intl_lsp.analysis import Analysis

__all__ = ["EditRefused", "TextEdit", "edit_plan", "text_edits"]

#: (start offset, end offset in the old text, replacement)
TextEdit = tuple[int, int, str]


class EditRefused(Exception):
    """The edit cannot be made (the message says why, for the editor to show)."""


def edit_plan(analysis: Analysis, change: Callable[[Plan], None]) -> list[TextEdit]:
    """The text edits that make `change` to the document's plan, through `dumps`."""
    from intl_sdk import LayoutLostWarning, PlanError, dumps, loads

    try:
        plan = loads(analysis.text)
    except PlanError as error:
        raise EditRefused(f"the plan cannot be read: {error.message}") from None
    change(plan)
    with warnings.catch_warnings():
        warnings.simplefilter("error", LayoutLostWarning)
        try:
            new_text = dumps(plan)
        except LayoutLostWarning:
            raise EditRefused("this change cannot be made without rewriting the whole file; make it by hand") from None
    return text_edits(analysis.text, new_text)


def text_edits(old: str, new: str) -> list[TextEdit]:
    """Small edits from `old` to `new`: one per changed line when the lines
    correspond one to one (the writer's in-place edits), else one edit of the
    part between the common beginning and end."""
    if old == new:
        return []
    old_lines = old.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)
    if len(old_lines) == len(new_lines):
        edits = []
        offset = 0
        for before, after in zip(old_lines, new_lines, strict=True):
            if before != after:
                edits.append(_trimmed(offset, before, after))
            offset += len(before)
        return edits
    return [_trimmed(0, old, new)]


def _trimmed(offset: int, before: str, after: str) -> TextEdit:
    """One edit of `before` (at `offset`) into `after`, without their common ends."""
    limit = min(len(before), len(after))
    prefix = 0
    while prefix < limit and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and before[len(before) - 1 - suffix] == after[len(after) - 1 - suffix]:
        suffix += 1
    return (offset + prefix, offset + len(before) - suffix, after[prefix : len(after) - suffix])
