"""Which old array item each new item continues, and which items stay in place.

Saving edits an array item by item, so it must know that the third action of
the new plan is the second of the file (one was deleted before it), or that
an objective was moved. Items are matched by id, then by content, then by
place between matched neighbours; all in linear time (n log n for moves).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from intl_sdk._compare import same

__all__ = ["match_items", "staying"]


def match_items(old: list[Any], new: list[Any]) -> list[int | None]:
    """For each new item, the index of the old item it continues, or None (a new item).

    1. Tables with the same `id` (ids that are unique among the old items);
       where there are none, equal items at the start and at the end.
    2. Equal content, preferring the first unmatched old item after the one
       matched just before (so deleting the first of two equal items keeps the second).
    3. Items left between the same matched neighbours continue each other in
       order: a renamed id, or an id-less item edited in place.
    """
    pairs: list[int | None] = [None] * len(new)
    used = [False] * len(old)
    _by_id(old, new, pairs, used)
    if not any(used):
        _ends(old, new, pairs, used)
    _by_content(old, new, pairs, used)
    _by_place(len(old), pairs, used)
    return pairs


def _by_id(old: list[Any], new: list[Any], pairs: list[int | None], used: list[bool]) -> None:
    ids: dict[str, int] = {}
    duplicated: set[str] = set()
    for index, item in enumerate(old):
        key = item.get("id") if type(item) is dict else None
        if isinstance(key, str):
            if key in ids:
                duplicated.add(key)
            ids[key] = index
    for key in duplicated:
        del ids[key]
    if not ids:
        return
    for new_index, item in enumerate(new):
        key = item.get("id") if type(item) is dict else None
        index = ids.get(key) if isinstance(key, str) else None
        if index is not None and not used[index]:
            pairs[new_index] = index
            used[index] = True


def _ends(old: list[Any], new: list[Any], pairs: list[int | None], used: list[bool]) -> None:
    """Equal items at the start and the end: what a single edit leaves alone."""
    size = min(len(old), len(new))
    start = 0
    while start < size and same(old[start], new[start]):
        pairs[start] = start
        used[start] = True
        start += 1
    end = 1
    while end <= size - start and same(old[-end], new[-end]):
        pairs[len(new) - end] = len(old) - end
        used[len(old) - end] = True
        end += 1


def _by_content(old: list[Any], new: list[Any], pairs: list[int | None], used: list[bool]) -> None:
    if all(pair is not None for pair in pairs) or all(used):
        return
    buckets: dict[Any, list[int]] = {}
    try:
        for index, item in enumerate(old):
            if not used[index]:
                buckets.setdefault(_frozen(item), []).append(index)
    except TypeError:  # something unhashable: leave it to place
        return
    last = -1
    for new_index, item in enumerate(new):
        paired = pairs[new_index]
        if paired is not None:
            last = paired
            continue
        try:
            candidates = buckets.get(_frozen(new[new_index]))
        except TypeError:
            continue
        if not candidates:
            continue
        position = bisect_left(candidates, last + 1)
        chosen = candidates.pop(position if position < len(candidates) else 0)
        pairs[new_index] = chosen
        used[chosen] = True
        last = chosen


def _by_place(old_count: int, pairs: list[int | None], used: list[bool]) -> None:
    count = len(pairs)
    following = [old_count] * (count + 1)  # old index of the next matched new item
    for index in range(count - 1, -1, -1):
        paired = pairs[index]
        following[index] = paired if paired is not None else following[index + 1]
    skip: dict[int, int] = {}  # union-find: the next old index that may be free

    def next_free(index: int) -> int:
        root = index
        while root in skip:
            root = skip[root]
        while index != root:
            skip[index], index = root, skip[index]
        return root

    for index in range(old_count):
        if used[index]:
            skip[index] = index + 1
    low = -1
    for index in range(count):
        paired = pairs[index]
        if paired is not None:
            low = paired
            continue
        candidate = next_free(low + 1)
        if candidate < following[index + 1] and candidate < old_count:
            pairs[index] = candidate
            used[candidate] = True
            skip[candidate] = candidate + 1
            low = candidate


def _frozen(value: Any) -> Any:
    """A hashable stand-in for TOML data, equal exactly when the data is the same."""
    kind = type(value)
    if kind is dict:
        return (dict, tuple(sorted((key, _frozen(item)) for key, item in value.items())))
    if kind is list:
        return (list, tuple(_frozen(item) for item in value))
    return (kind, value)


def staying(pairs: list[int | None]) -> set[int]:
    """The old indexes that keep their place: the longest run of matched items
    already in order. The other matched items moved."""
    tails: list[int] = []  # smallest old index ending an increasing run of each length
    tail_at: list[int] = []  # position in `pairs` of that index
    before: dict[int, int] = {}  # position -> position of its predecessor in the run
    for position, index in enumerate(pairs):
        if index is None:
            continue
        length = bisect_left(tails, index)
        if length == len(tails):
            tails.append(index)
            tail_at.append(position)
        else:
            tails[length] = index
            tail_at[length] = position
        if length:
            before[position] = tail_at[length - 1]
    out: set[int] = set()
    position = tail_at[-1] if tail_at else -1
    while position >= 0:
        out.add(pairs[position])  # type: ignore[arg-type]
        position = before.get(position, -1)
    return out
