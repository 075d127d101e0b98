"""The JSON Schema of the plan file, generated from the model.

It uses only draft-04 keywords, which both the `jsonschema` package and
Taplo (Even Better TOML) understand, so editors can complete and check keys.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Any

from intl_sdk import _kinds
from intl_sdk.model import FORMAT_VERSION, Plan

__all__ = ["SCHEMA_ID", "as_json_data", "plan_schema"]

SCHEMA_ID = "https://intl-sdk.invalid/schema/plan-v1.json"


#: What `intl_sdk.load` refuses that this schema cannot: a JSON Schema sees the
#: plan converted to JSON, where some TOML distinctions no longer exist.
NOT_EXPRESSIBLE = (
    "What intl-sdk's reader refuses and this schema cannot say: a date in quotes where a TOML "
    "date goes, or a TOML date or time where a string goes (TOML-to-JSON turns both into the "
    "same string); numbers with more than 20 decimal places (JSON numbers carry no scale); NaN "
    "and infinity under unknown keys (JSON has none); unknown keys nested more than 32 levels "
    "deep; duplicate keys and other TOML syntax."
)


def plan_schema() -> dict[str, Any]:
    """The JSON Schema (draft 04) of format `FORMAT_VERSION` plan files."""
    definitions: dict[str, Any] = {}
    root = _kinds.class_schema(Plan, definitions)
    root["properties"]["format"] = {
        "description": "File format version; this version of intl-sdk reads up to "
        f"{FORMAT_VERSION}.",
        "type": "integer",
        "minimum": 1,
        "maximum": FORMAT_VERSION,
    }
    return {
        "$schema": "http://json-schema.org/draft-04/schema#",
        "id": SCHEMA_ID,
        "title": "intl-sdk plan",
        **root,
        "description": "A region's internationalisation strategy: six pillars, target regions "
        "with resource shares, actions, indicators and partnership agreements. "
        + NOT_EXPRESSIBLE,
        "definitions": definitions,
    }


def as_json_data(value: Any) -> Any:
    """TOML data as JSON data: numbers as numbers, dates as ISO strings."""
    if isinstance(value, dict):
        return {key: as_json_data(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json_data(item) for item in value]
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    return value
