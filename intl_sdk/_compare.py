"""Comparing TOML data as the file sees it: types matter, model keys left out and left empty are one."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from intl_sdk import _kinds

__all__ = ["MISSING", "emptyish", "empty_is_absent", "equivalent", "is_tables", "model_of", "same"]

MISSING: Any = object()


def is_tables(value: Any) -> bool:
    """An array of tables: a non-empty list of dicts."""
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def emptyish(value: Any) -> bool:
    return value is MISSING or value == [] or value == {}


def same(a: Any, b: Any) -> bool:
    """Equal as TOML data: an int is not a float, `true` is not 1."""
    if a is b:
        return True
    kind = type(a)
    if kind is not type(b):
        return False
    if kind is dict:
        return a.keys() == b.keys() and all(same(a[key], b[key]) for key in a)
    if kind is list:
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def empty_is_absent(kinds: dict[str, _kinds.Kind], key: str) -> bool:
    kind = kinds.get(key)
    return kind is not None and kind.empty_is_absent


def model_of(kind: _kinds.Kind | None) -> type | None:
    return kind.cls if isinstance(kind, _kinds.Table) else None


def equivalent(a: Any, b: Any, model: type | None = None) -> bool:
    """`same`, where a model key left out and left empty are one."""
    if isinstance(a, dict) and isinstance(b, dict):
        kinds = _kinds.field_kinds(model) if model else {}
        for key in a.keys() | b.keys():
            x, y = a.get(key, MISSING), b.get(key, MISSING)
            if empty_is_absent(kinds, key) and emptyish(x) and emptyish(y):
                continue
            if not equivalent(x, y, model_of(kinds.get(key))):
                return False
        return True
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(equivalent(x, y, model) for x, y in zip(a, b))
    if isinstance(a, Decimal) and isinstance(b, Decimal):
        return a == b or (a.is_nan() and b.is_nan())
    return same(a, b)
