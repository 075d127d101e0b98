"""New TOML text in the plan layout of PRODUCT.md, and the model as TOML data.

`tomli-w` lays every table out as a `[sub.table]`; plans want `period`,
`budget`, `baseline`, `target`, `actuals` and `parties` inline and one
`[[regions]]` block per item, so values are formatted here, with `tomli-w`
doing the string escapes (its rules, so the two never disagree).
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal
from typing import Any

import attrs
import tomli_w

__all__ = ["format_key", "format_value", "render_plan", "render_table_body", "to_data"]

_MAX_LINE = 100
_PLAIN_STRING_RE = re.compile(r'[^\x00-\x1f\x7f"\\]*\Z')
_BARE_KEY_RE = re.compile(r"[A-Za-z0-9_-]+\Z")

# -- the model as plain TOML data ---------------------------------------------

_FIELDS_CACHE: dict[type, tuple[tuple[str, bool, Any], ...]] = {}


def _fields(cls: type) -> tuple[tuple[str, bool, Any], ...]:
    """(name, may be left out when empty, the kind that checks a number or None) per plan key."""
    cached = _FIELDS_CACHE.get(cls)
    if cached is None:
        from intl_sdk import _kinds

        cached = tuple(
            (
                f.name,
                f.metadata["kind"].empty_is_absent and not f.metadata.get("always"),
                f.metadata["kind"] if isinstance(f.metadata["kind"], (_kinds.Number, _kinds.Integer)) else None,
            )
            for f in attrs.fields(cls)
            if "kind" in f.metadata
        )
        _FIELDS_CACHE[cls] = cached
    return cached


def to_data(obj: Any) -> dict[str, Any]:
    """A model object as the dict `tomllib` would read from its file.

    Known keys come first in the model's order, then `extra` in its own order.
    `None` is left out, and so are empty lists and maps (for them, leaving the
    key out and leaving it empty mean the same) unless the format always shows them.
    """
    out: dict[str, Any] = {}
    for name, omit_empty, number in _fields(type(obj)):
        value = getattr(obj, name)
        if value is None or (omit_empty and not value):
            continue
        if number is not None and not isinstance(value, bool):
            _refuse_what_load_refuses(number, name, value)
        out[name] = _data_value(value)
    for key, value in obj.extra.items():
        if key not in out:
            out[key] = _data_value(value)
    return out


def _refuse_what_load_refuses(kind: Any, name: str, value: Any) -> None:
    """Never write a number that `load` would refuse: that file could not be opened again."""
    from intl_sdk import _kinds

    try:
        kind.convert(value, (name,))
    except _kinds.TypeMismatch as mismatch:
        raise ValueError(
            f"cannot save `{name}` = {value!r}: it must be {mismatch.expected}"
        ) from None


_AS_IS = frozenset({str, int, bool, Decimal, _dt.date, _dt.datetime, _dt.time})


def _data_value(value: Any) -> Any:
    kind = type(value)
    if kind in _AS_IS:
        return value
    if kind is list:
        return [_data_value(item) for item in value]
    if attrs.has(kind):
        return to_data(value)
    if isinstance(value, list):
        return [_data_value(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _data_value(item) for key, item in value.items()}
    if isinstance(value, float):
        return Decimal(repr(value))
    return value


# -- values -----------------------------------------------------------------


def format_key(key: str) -> str:
    return key if _BARE_KEY_RE.match(key) else _format_string(key)


def _format_string(text: str) -> str:
    if _PLAIN_STRING_RE.match(text):
        return f'"{text}"'
    return tomli_w.dumps({"s": text})[4:-1]


def _format_decimal(number: Decimal) -> str:
    text = str(number).lower()
    return text if "." in text or "e" in text else text + ".0"


def format_value(value: Any) -> str:
    """One value as inline TOML (tables as `{ a = 1 }`, lists on one line)."""
    kind = type(value)
    if kind is str:
        return _format_string(value)
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return str(value)
    if kind is Decimal:
        return _format_decimal(value)
    if kind is float:
        return _format_decimal(Decimal(repr(value)))
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(format_value(item) for item in value) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{format_key(k)} = {format_value(v)}" for k, v in value.items()) + " }"
    return tomli_w.dumps({"v": value})[4:-1]  # raises TypeError for what TOML cannot hold


def format_statement(key: str, value: Any, newline: str = "\n", indent: str = "    ") -> str:
    """`key = value` and its line end; a long list goes one item a line."""
    head = f"{format_key(key)} = "
    inline = format_value(value)
    if isinstance(value, list) and value and len(head) + len(inline) > _MAX_LINE:
        inline = format_multiline_list(value, newline, indent, "")
    return head + inline + newline


def format_multiline_list(values: list[Any], newline: str, indent: str, closing_indent: str) -> str:
    items = "".join(f"{indent}{format_value(item)},{newline}" for item in values)
    return f"[{newline}{items}{closing_indent}]"


# -- whole documents ---------------------------------------------------------


def _is_array_of_tables(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def render_table_body(data: dict[str, Any], newline: str = "\n") -> str:
    """The `key = value` lines of a table; nested tables and lists inline."""
    return "".join(format_statement(key, value, newline) for key, value in data.items())


def render_section(header: str, data: dict[str, Any], newline: str = "\n") -> str:
    return header + newline + render_table_body(data, newline)


def render_plan(data: dict[str, Any], newline: str = "\n") -> str:
    """A whole plan file in the layout of PRODUCT.md, from its data."""
    scalars = {}
    blocks: list[str] = []
    for key, value in data.items():
        name = format_key(key)
        if isinstance(value, dict):
            blocks.append(render_section(f"[{name}]", value, newline))
        elif _is_array_of_tables(value):
            blocks.extend(render_section(f"[[{name}]]", item, newline) for item in value)
        else:
            scalars[key] = value
    head = render_table_body(scalars, newline)
    return newline.join(([head] if head else []) + blocks)
