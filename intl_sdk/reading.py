"""Reading plan files: TOML text to a typed `Plan`, or a `PlanError` with a line.

Types are checked here; values are not (see the checker). Floats are read as
`Decimal` so that shares add up exactly as written.
"""

from __future__ import annotations

import gc
import os
import re
import tomllib
from decimal import Decimal
from typing import Any

from intl_sdk import _kinds
from intl_sdk._origin import Origin
from intl_sdk.errors import NotAPlanError, PlanError
from intl_sdk.model import FORMAT_VERSION, Plan

__all__ = ["load", "loads", "parse_toml", "plan_from_data"]

# Patterns for tomllib's error messages, compiled (and cached by `re`) only when a file has an error.
_TOML_POSITION = r"\s*\(at line (\d+), column (\d+)\)$"
_TOML_AT_END = r"\s*\(at end of document\)$"


def parse_toml(text: str, file: str | None = None) -> dict[str, Any]:
    """`tomllib.loads` with floats as `Decimal` and errors as `PlanError`."""
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise _toml_error(error, text, file) from None
    except RecursionError:
        raise PlanError(_TOO_DEEP, file=file, line=_deepest_line(text)) from None
    except ValueError:  # tomllib lets Python's limit on an integer's digits through
        match = re.search(r"\d{1000,}", text)
        line = text.count("\n", 0, match.start()) + 1 if match else None
        raise PlanError("a number has too many digits to be a plan's figure", file=file, line=line) from None


_TOO_DEEP = "arrays or tables are nested too deeply to read"
#: Brackets nested deeper than this are "too deep to read", whether or not tomllib
#: had the stack for them (a plan allows 32 levels in unknown keys: `_kinds.MAX_NESTING`).
_READABLE_DEPTH = 100


def _deepest_line(text: str, limit: int = _READABLE_DEPTH) -> int | None:
    """The line where brackets first nest deeper than `limit`, for the error message."""
    depth = 0
    for match in re.finditer(r"[\[{]|[\]}]|\n", text):
        char = match.group()
        if char in "[{":
            depth += 1
            if depth > limit:
                return text.count("\n", 0, match.start()) + 1
        elif char in "]}":
            depth -= 1
    return None


def _toml_error(error: tomllib.TOMLDecodeError, text: str, file: str | None) -> PlanError:
    message = str(error)
    line = column = None
    position = re.search(_TOML_POSITION, message)
    if position:
        line, column = int(position.group(1)), int(position.group(2))
        message = message[: position.start()]
    elif at_end := re.search(_TOML_AT_END, message):
        message = message[: at_end.start()]
        line = text.count("\n") + (0 if text.endswith("\n") else 1) or 1
    message = message[:1].lower() + message[1:]
    return PlanError(f"not valid TOML: {message}", file=file, line=line, column=column)


BOM = "\ufeff"


def loads(text: str | bytes, *, path: str | os.PathLike[str] | None = None) -> Plan:
    """A plan from TOML text. `path` only names the file in error messages.

    A UTF-8 byte-order mark at the start (as Notepad and Excel write) is
    accepted, and saving keeps it."""
    file = os.fspath(path) if path is not None else None
    if isinstance(text, (bytes, bytearray)):
        text = _decode(bytes(text), file)
    bom = text.startswith(BOM)
    if bom:
        text = text[1:]
    enabled = gc.isenabled()
    gc.disable()  # parsing allocates a lot and frees nothing: no collection needed meanwhile
    try:
        return plan_from_data(text, parse_toml(text, file), file, bom)
    finally:
        if enabled:
            gc.enable()


def plan_from_data(text: str, data: dict[str, Any], file: str | None, bom: bool) -> Plan:
    """The plan of `data`, what `parse_toml` read from `text` (without its byte-order mark)."""
    origin = Origin(text, file, bom=bom, data=data)
    _check_format(data, origin)
    try:
        plan = _kinds.build(Plan, data, ())
    except _kinds.TooDeep as mismatch:
        # Whether tomllib itself ran out of stack on such a text depends on the caller's
        # recursion limit; past `_READABLE_DEPTH` the answer is the same either way.
        line = _deepest_line(text)
        if line is None:
            raise _type_error(mismatch, origin) from None
        raise PlanError(_TOO_DEEP, file=file, line=line) from None
    except _kinds.TypeMismatch as mismatch:
        raise _type_error(mismatch, origin) from None
    plan.origin = origin
    return plan


def load(path: str | os.PathLike[str]) -> Plan:
    """A plan from a TOML file (UTF-8)."""
    file = os.fspath(path)
    try:
        with open(file, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        raise PlanError("no such file", file=file) from None
    except IsADirectoryError:
        raise PlanError("is a folder, not a plan file", file=file) from None
    except OSError as error:
        raise PlanError(f"cannot be read: {error.strerror or error}", file=file) from None
    return loads(_decode(raw, file), path=file)


def _decode(raw: bytes, file: str | None) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        byte = raw[error.start : error.start + 1].hex()
        return _raise(
            PlanError(
                f"not valid UTF-8 (byte 0x{byte}); save the file as UTF-8",
                file=file,
                line=line,
                column=column,
            )
        )


def _raise(error: PlanError) -> Any:
    raise error


def _check_format(data: dict[str, Any], origin: Origin) -> None:
    if "format" not in data:
        raise NotAPlanError(
            f"missing `format = {FORMAT_VERSION}` at the top: is this a plan file?",
            file=origin.path,
            line=1,
        )
    version = data["format"]
    if type(version) is not int:
        raise _type_error(_kinds.TypeMismatch(("format",), "a whole number", version), origin)
    if version > FORMAT_VERSION:
        raise PlanError(
            f"format {version} is newer than this version of intl-sdk reads "
            f"(up to {FORMAT_VERSION}); upgrade intl-sdk",
            file=origin.path,
            line=origin.line_of(("format",)),
        )
    if version < 1:
        raise PlanError(
            f"format {version} does not exist; the first format is 1",
            file=origin.path,
            line=origin.line_of(("format",)),
        )


def describe_path(path: tuple) -> str:
    """`("regions", 0, "share")` as `regions[0].share`, the way a reader finds it."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            text = part if re.fullmatch(r"[A-Za-z0-9_-]+", part) else repr(part)
            out += f".{text}" if out else text
    return out


def _type_error(mismatch: _kinds.TypeMismatch, origin: Origin) -> PlanError:
    path = mismatch.path
    layout = origin.layout
    line = layout.line_of(path)
    column = None
    span = layout.span(path)
    if span is not None:
        column = span.value_start - (layout.text.rfind("\n", 0, span.value_start) + 1) + 1
    return PlanError(
        f"`{describe_path(path)}` must be {mismatch.expected}, "
        f"not {_kinds.describe_value(mismatch.value)}",
        file=origin.path,
        line=line,
        column=column,
    )
