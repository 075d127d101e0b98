"""Editing a plan in memory: add, duplicate and delete items, rename ids with their references.

The TUI uses these, and so can any program: an id renamed here is renamed
wherever the plan refers to it, so a plan never points at a name it lost.
"""

from __future__ import annotations

import copy
from typing import Any

from intl_sdk.methodology import METHODOLOGY_KEYS
from intl_sdk.model import Action, Agreement, Indicator, Office, Plan, TargetRegion

__all__ = ["COLLECTIONS", "add_item", "delete_item", "duplicate_item", "rename_id", "unique_id"]

#: The plan's item lists and the class of their items.
COLLECTIONS: dict[str, type] = {
    "regions": TargetRegion,
    "offices": Office,
    "actions": Action,
    "indicators": Indicator,
    "agreements": Agreement,
}
_SINGULAR = {"regions": "region", "offices": "office", "actions": "action", "indicators": "indicator", "agreements": "agreement"}


def unique_id(plan: Plan, collection: str, stem: str) -> str:
    """`stem`, or `stem-2`, `stem-3`... whichever no item of the collection has."""
    taken = {item.id for item in getattr(plan, collection)}
    if stem not in taken:
        return stem
    number = 2
    while f"{stem}-{number}" in taken:
        number += 1
    return f"{stem}-{number}"


def add_item(plan: Plan, collection: str, index: int | None = None, **values: Any) -> int:
    """Insert a new item (after `index`, or at the end) with a fresh id; return its index."""
    cls = COLLECTIONS[collection]
    values.setdefault("id", unique_id(plan, collection, f"new-{_SINGULAR[collection]}"))
    items = getattr(plan, collection)
    position = len(items) if index is None else index + 1
    items.insert(position, cls(**values))
    return position


def duplicate_item(plan: Plan, collection: str, index: int) -> int:
    """Insert a copy of an item right after it, with a fresh id; return the copy's index."""
    items = getattr(plan, collection)
    copied = copy.deepcopy(items[index])
    copied.id = unique_id(plan, collection, f"{items[index].id or _SINGULAR[collection]}-copy")
    items.insert(index + 1, copied)
    return index + 1


def delete_item(plan: Plan, collection: str, index: int) -> Any:
    """Remove an item and return it (so it can be put back with `list.insert`)."""
    return getattr(plan, collection).pop(index)


def rename_id(plan: Plan, collection: str, old: str, new: str) -> int:
    """Rename references to an item's id from `old` to `new`; return how many changed.

    Rename the item itself first. Nothing moves when `old` is empty, when `new`
    is already another item's id (references would merge), or when they are equal.
    """
    if not old or old == new:
        return 0
    if sum(1 for item in getattr(plan, collection) if item.id == new) > 1:
        return 0
    changed = 0

    def replace(values: list[str]) -> None:
        nonlocal changed
        for position, value in enumerate(values):
            if value == old:
                values[position] = new
                changed += 1

    if collection == "regions":
        for item in [*plan.actions, *plan.offices]:
            if item.region == old:
                item.region = new
                changed += 1
    elif collection == "indicators":
        for action in plan.actions:
            replace(action.indicators)
    elif collection == "agreements":
        for agreement in plan.agreements:
            replace(agreement.builds_on)
    methodology = plan.methodology
    if methodology is not None:  # references there are written "collection.id"
        for key in METHODOLOGY_KEYS:
            value = getattr(methodology, key)
            if isinstance(value, list):
                for position, text in enumerate(value):
                    if text == f"{collection}.{old}":
                        value[position] = f"{collection}.{new}"
                        changed += 1
    return changed
