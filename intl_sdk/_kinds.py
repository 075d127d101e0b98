"""What type each plan key takes: one definition serves the reader and the schema.

A kind converts a value parsed by `tomllib` into the model's value, or raises
`TypeMismatch` saying what was expected. Kinds check *types* only; whether a
value of the right type makes sense is the checker's business.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Any

__all__ = [
    "ID_PATTERN",
    "Kind",
    "TypeMismatch",
    "describe_value",
]

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class TypeMismatch(Exception):
    """A value of the wrong type at `path` (a tuple of keys and indexes)."""

    def __init__(self, path: tuple, expected: str, value: object) -> None:
        super().__init__(path, expected, value)
        self.path = path
        self.expected = expected
        self.value = value


class TooDeep(TypeMismatch):
    """A value nested deeper than `MAX_NESTING`."""


def describe_value(value: object) -> str:
    """A short, literal description of a value for error messages."""
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the string {shown!r}"
    if isinstance(value, Decimal):
        if value.is_nan():
            return "nan (not a number)"
        if value.is_infinite():
            return "infinity"
        shown = str(value)
        return f"the number {shown if len(shown) <= 40 else f'{value:.6E}'}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"the number {value}" if abs(value) < 10**40 else f"a number of {len(str(abs(value)))} digits"
    if isinstance(value, float):
        return f"the number {value}"
    if isinstance(value, _dt.datetime):
        return f"the date-time {value.isoformat()}"
    if isinstance(value, _dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, _dt.time):
        return f"the time {value.isoformat()}"
    if isinstance(value, list):
        return f"a list of {len(value)} item{'' if len(value) == 1 else 's'}"
    if isinstance(value, dict):
        return "a table"
    return f"a {type(value).__name__}"


class Kind:
    """A type of plan value: how to check it and how to describe it in a schema."""

    expected: str = "a value"
    #: Lists and maps: leaving the key out and leaving it empty mean the same.
    empty_is_absent: bool = False
    #: The type of value `convert` returns as it is, unchecked further (the reader skips the call).
    taken_as_is: type | None = None

    def convert(self, value: Any, path: tuple) -> Any:
        raise NotImplementedError

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        raise NotImplementedError


class Text(Kind):
    expected = "a string"
    taken_as_is = str

    def __init__(self, enum: tuple[str, ...] = (), pattern: str | None = None) -> None:
        self.enum = enum
        self.pattern = pattern

    def convert(self, value: Any, path: tuple) -> str:
        if type(value) is str:
            return value
        raise TypeMismatch(path, self.expected, value)

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "string"}
        if self.enum:
            out["enum"] = list(self.enum)
        if self.pattern:
            out["pattern"] = self.pattern
        return out


#: Plan figures are money, shares, counts and years: anything at or beyond
#: 10^18, or with more than 20 decimal places, is a slip (or an attack on the
#: tools that format numbers), and is refused at load like infinity.
LIMIT = 10**18
MAX_PLACES = 20  # a Python float written as a share (100/12) has up to 17


#: The reader's limits as draft 4 says them (its `exclusiveMaximum` is a boolean).
#: The decimal places cannot be said: JSON numbers carry no scale.
_LIMITS = {"minimum": -LIMIT, "exclusiveMinimum": True, "maximum": LIMIT, "exclusiveMaximum": True}


def _in_range(value: int | Decimal) -> bool:
    if type(value) is int:
        return -LIMIT < value < LIMIT
    exponent = value.as_tuple().exponent
    return abs(value) < LIMIT and isinstance(exponent, int) and exponent >= -MAX_PLACES


class Integer(Kind):
    expected = "a whole number"

    def __init__(self, minimum: int | None = None) -> None:
        self.minimum = minimum

    def convert(self, value: Any, path: tuple) -> int:
        if type(value) is int:
            if _in_range(value):
                return value
            raise TypeMismatch(path, "a whole number below 10^18", value)
        raise TypeMismatch(path, self.expected, value)

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "integer", **_LIMITS}
        if self.minimum is not None:
            out["minimum"] = self.minimum
            del out["exclusiveMinimum"]
        return out


class Year(Integer):
    expected = "a year (a whole number such as 2009)"


class Number(Kind):
    """int or Decimal (floats are read as `Decimal`, so sums are exact)."""

    expected = "a number"

    def convert(self, value: Any, path: tuple) -> int | Decimal:
        kind = type(value)
        if kind is float and value == value and value not in (float("inf"), float("-inf")):
            value, kind = Decimal(repr(value)), Decimal
        if kind is int or (kind is Decimal and value.is_finite()):
            if _in_range(value):
                return value
            raise TypeMismatch(path, f"a number below 10^18 with at most {MAX_PLACES} decimal places", value)
        raise TypeMismatch(path, "a finite number" if kind is Decimal else self.expected, value)

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        return {"type": "number", **_LIMITS}


class Boolean(Kind):
    expected = "true or false"
    taken_as_is = bool

    def convert(self, value: Any, path: tuple) -> bool:
        if type(value) is bool:
            return value
        raise TypeMismatch(path, self.expected, value)

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        return {"type": "boolean"}


class Date(Kind):
    expected = "a date (YYYY-MM-DD, without quotes)"
    taken_as_is = _dt.date

    def convert(self, value: Any, path: tuple) -> _dt.date:
        if type(value) is _dt.date:
            return value
        raise TypeMismatch(path, self.expected, value)

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        # TOML dates reach JSON Schema tools as RFC 3339 strings.
        return {"type": "string", "format": "date"}


class TextList(Kind):
    expected = "a list of strings"
    empty_is_absent = True

    def __init__(self, item: Text | None = None) -> None:
        self.item = item or Text()

    def convert(self, value: Any, path: tuple) -> list[str]:
        if type(value) is not list:
            raise TypeMismatch(path, self.expected, value)
        for index, item in enumerate(value):
            if type(item) is not str:
                raise TypeMismatch(path + (index,), "a string (an item of a list of strings)", item)
        return list(value)

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        return {"type": "array", "items": self.item.schema(defs)}


class TextOrList(Kind):
    """A string (prose), or a list of strings (references such as `"indicators.exporters"`).

    Empty text and an empty list both mean "not said", like a missing key."""

    expected = "a string or a list of strings"

    def __init__(self, item: Text | None = None) -> None:
        self.item = item or Text()

    def convert(self, value: Any, path: tuple) -> str | list[str]:
        if type(value) is str:
            return value
        if type(value) is list:
            return TextList().convert(value, path)
        raise TypeMismatch(path, self.expected, value)

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        return {"anyOf": [{"type": "string"}, {"type": "array", "items": self.item.schema(defs)}]}


class YearMap(Kind):
    """`{ 2007 = 7600, 2008 = 8900 }`: TOML keys are strings, the model's are ints."""

    expected = "a table of year = number"
    empty_is_absent = True

    def convert(self, value: Any, path: tuple) -> dict[int, int | Decimal]:
        if type(value) is not dict:
            raise TypeMismatch(path, self.expected, value)
        out: dict[int, int | Decimal] = {}
        number = Number()
        for key, item in value.items():
            if not (key.isascii() and key.isdigit() and len(key) == 4):
                raise TypeMismatch(path + (key,), "a year as the key (such as 2008)", key)
            out[int(key)] = number.convert(item, path + (key,))
        return out

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "object",
            "patternProperties": {"^[0-9]{4}$": Number().schema(defs)},
            "additionalProperties": False,
        }


class TextMap(Kind):
    expected = "a table of key = string"
    empty_is_absent = True

    def __init__(self, values: Text | None = None) -> None:
        self.values = values or Text()

    def convert(self, value: Any, path: tuple) -> dict[str, str]:
        if type(value) is not dict:
            raise TypeMismatch(path, self.expected, value)
        for key, item in value.items():
            if type(item) is not str:
                raise TypeMismatch(path + (key,), "a string", item)
        return dict(value)

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        return {"type": "object", "additionalProperties": self.values.schema(defs)}


class Table(Kind):
    """A nested attrs class, written as a table (often inline)."""

    def __init__(self, cls: type, *, empty_is_absent: bool = False) -> None:
        self.cls = cls
        self.expected = f"a table ({cls.__name__})"
        self.empty_is_absent = empty_is_absent

    def convert(self, value: Any, path: tuple) -> Any:
        if type(value) is not dict:
            raise TypeMismatch(path, self.expected, value)
        return build(self.cls, value, path)

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        name = self.cls.__name__
        if name not in defs:
            defs[name] = {}  # reserve first: classes may refer to each other
            defs[name] = class_schema(self.cls, defs)
        return {"$ref": f"#/definitions/{name}"}


class TableList(Table):
    """A list of nested attrs classes: an array of tables or of inline tables."""

    def __init__(self, cls: type) -> None:
        super().__init__(cls)
        self.expected = f"a list of tables ({cls.__name__})"
        self.empty_is_absent = True

    def convert(self, value: Any, path: tuple) -> list[Any]:
        if type(value) is not list:
            raise TypeMismatch(path, self.expected, value)
        items = []
        for index, item in enumerate(value):
            if type(item) is not dict:
                raise TypeMismatch(path + (index,), f"a table ({self.cls.__name__})", item)
            items.append(build(self.cls, item, path + (index,)))
        return items

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        return {"type": "array", "items": super().schema(defs)}


# -- building attrs classes from parsed data ---------------------------------

_FIELD_KINDS: dict[type, dict[str, Kind]] = {}


def field_kinds(cls: type) -> dict[str, Kind]:
    """The `{toml key: Kind}` of a model class, from its attrs field metadata."""
    kinds = _FIELD_KINDS.get(cls)
    if kinds is None:
        import attrs

        kinds = {f.name: f.metadata["kind"] for f in attrs.fields(cls) if "kind" in f.metadata}
        _FIELD_KINDS[cls] = kinds
    return kinds


#: Unknown keys may hold any TOML, but not nested deeper than this: nothing in
#: a plan needs it, and it keeps every tool that walks a plan within its stack.
MAX_NESTING = 32


def check_unknown(value: Any, path: tuple, depth: int = 0) -> None:
    """An unknown key's value: any TOML, but finite and not nested too deeply."""
    if depth > MAX_NESTING:
        raise TooDeep(path, f"a value nested at most {MAX_NESTING} levels deep", value)
    kind = type(value)
    if kind is Decimal:
        if not value.is_finite():
            raise TypeMismatch(path, "a finite number", value)
    elif kind is list:
        for index, item in enumerate(value):
            check_unknown(item, path + (index,), depth + 1)
    elif kind is dict:
        for key, item in value.items():
            check_unknown(item, path + (key,), depth + 1)


def _detached(value: Any) -> Any:
    """A copy of an unknown key's lists and tables: the reader keeps what it
    parsed to compare with at save time, so the model must not share it."""
    kind = type(value)
    if kind is list:
        return [_detached(item) for item in value]
    if kind is dict:
        return {key: _detached(item) for key, item in value.items()}
    return value


def build(cls: type, data: dict[str, Any], path: tuple) -> Any:
    """An instance of `cls` from a parsed table; unknown keys go to `extra`."""
    kinds = field_kinds(cls)
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in data.items():
        kind = kinds.get(key)
        if kind is not None and type(value) is kind.taken_as_is:
            values[key] = value  # the common case, without a call
            continue
        if kind is None:
            if type(value) in (Decimal, list, dict):
                check_unknown(value, path + (key,))
                value = _detached(value)
            extra[key] = value
        else:
            values[key] = kind.convert(value, path + (key,))
    return cls(**values, extra=extra)


def class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema object for a model class; unknown keys are allowed."""
    import attrs

    properties: dict[str, Any] = {}
    required: list[str] = []
    for f in attrs.fields(cls):
        kind = f.metadata.get("kind")
        if kind is None:
            continue
        prop = kind.schema(defs)
        doc = f.metadata.get("doc")
        if doc:
            prop = {"description": doc, **prop} if "$ref" not in prop else {"allOf": [prop], "description": doc}
        properties[f.name] = prop
        if f.metadata.get("schema_required"):
            required.append(f.name)
    out: dict[str, Any] = {"type": "object"}
    if cls.__doc__:
        out["description"] = cls.__doc__.strip().splitlines()[0]
    out["properties"] = properties
    if required:
        out["required"] = required
    out["additionalProperties"] = True
    return out
