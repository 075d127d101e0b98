"""`intl schema`: a JSON Schema that accepts the examples and rejects wrong types."""

from __future__ import annotations

import json
import tomllib

import jsonschema
import pytest

from intl_sdk.reading import parse_toml
from intl_sdk.schema import as_json_data, plan_schema

from support import EXAMPLES

DRAFT4_KEYWORDS = {
    "$schema", "id", "title", "description", "type", "properties", "required",
    "additionalProperties", "items", "enum", "pattern", "patternProperties",
    "definitions", "$ref", "allOf", "format", "minimum", "maximum",
}


@pytest.fixture(scope="module")
def schema(request):
    return plan_schema()


def _as_json(text: str):
    return as_json_data(parse_toml(text))


def test_intl_schema_prints_the_generated_schema(run_intl):
    result = run_intl("schema")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == plan_schema()


def test_schema_is_a_valid_draft4_schema_using_only_draft4_keywords(schema):
    jsonschema.Draft4Validator.check_schema(schema)
    used: set[str] = set()

    def walk(node, in_properties=False):
        if isinstance(node, dict):
            for key, value in node.items():
                if not in_properties:
                    used.add(key)
                walk(value, in_properties=key in ("properties", "definitions", "patternProperties") and not in_properties)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(schema)
    assert used <= DRAFT4_KEYWORDS, used - DRAFT4_KEYWORDS


@pytest.mark.parametrize("name", ["nwda.toml", "starter.toml"])
def test_examples_validate(schema, name):
    jsonschema.Draft4Validator(schema).validate(_as_json((EXAMPLES / name).read_text(encoding="utf-8")))


def test_a_string_share_is_rejected(schema, nwda_text):
    data = _as_json(nwda_text.replace("share = 24", 'share = "24%"'))
    errors = list(jsonschema.Draft4Validator(schema).iter_errors(data))
    assert [list(e.absolute_path) for e in errors] == [["regions", 0, "share"]]


def test_regions_as_a_string_is_rejected(schema):
    data = _as_json('format = 1\nregions = "north-america"\n')
    errors = list(jsonschema.Draft4Validator(schema).iter_errors(data))
    assert [list(e.absolute_path) for e in errors] == [["regions"]]


def test_schema_knows_every_model_key(schema):
    """Generated from the model: every key of the file format is described."""
    assert set(schema["properties"]) == {
        "format", "frameworks", "ignore", "severity", "strategy",
        "regions", "actions", "indicators", "agreements",
    }
    action = schema["definitions"]["Action"]["properties"]
    assert set(action) == {"id", "region", "pillars", "title", "cost", "staff_fte", "start", "end", "indicators", "not_given"}
    assert action["pillars"]["items"]["enum"][0] == "competitive-sectors"
    assert tomllib  # the examples are TOML; the schema checks their JSON form


def test_schema_describes_qualitative_targets_and_not_given(schema):
    measurement = schema["definitions"]["Measurement"]["properties"]
    assert measurement["change"]["enum"] == ["increase", "decrease"]
    for item in ("Strategy", "TargetRegion", "Action", "Indicator", "Agreement"):
        assert schema["definitions"][item]["properties"]["not_given"]["type"] == "array", item
