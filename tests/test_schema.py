"""`intl schema`: a JSON Schema that accepts the examples and rejects wrong types."""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib

from unittest.mock import ANY

import jsonschema
import pytest

import intl_sdk
from hypothesis import HealthCheck, example, given, settings

from intl_sdk.reading import parse_toml
from intl_sdk.schema import as_json_data, plan_schema

from strategies import broken_plans, plan_text_pool
from support import EXAMPLES

# Its module-wide fixture is costly: the tests of this file run on one worker (pytest -n, --dist loadgroup).
pytestmark = pytest.mark.xdist_group("schema")


DRAFT4_KEYWORDS = {
    "$schema", "id", "title", "description", "type", "properties", "required",
    "additionalProperties", "items", "enum", "pattern", "patternProperties",
    "definitions", "$ref", "allOf", "anyOf", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
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


METHODOLOGY_AND_OFFICES = """\
format = 1
[methodology]
consensus = "Agreed with the cluster boards"
baseline_outputs = ["indicators.exporters"]
[[offices]]
id = "shanghai"
region = "china"
staff_fte = 2
opened = 2007-04-01
tasks = ["Inward investment lead generation"]
"""


def test_methodology_takes_text_or_a_list_and_offices_validate(schema):
    validator = jsonschema.Draft4Validator(schema)
    assert validator.is_valid(_as_json(METHODOLOGY_AND_OFFICES))
    for wrong in ("consensus = 3", "consensus = [1]", "consensus = { text = 'x' }"):
        text = METHODOLOGY_AND_OFFICES.replace('consensus = "Agreed with the cluster boards"', wrong)
        assert not validator.is_valid(_as_json(text)), wrong
        with pytest.raises(intl_sdk.PlanError):
            intl_sdk.loads(text)
    unknown_driver = "format = 1\n[strategy]\ndrivers = [\"tourism\"]\n"
    assert not validator.is_valid(_as_json(unknown_driver))  # the schema hints; the checker reports it
    intl_sdk.loads(unknown_driver)


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
        "format", "frameworks", "as_of", "ignore", "severity", "strategy", "methodology",
        "regions", "offices", "actions", "indicators", "agreements",
    }
    action = schema["definitions"]["Action"]["properties"]
    assert set(action) == {"id", "region", "pillars", "title", "cost", "staff_fte", "start", "end", "indicators", "drivers", "not_given"}
    assert action["pillars"]["items"]["enum"][0] == "competitive-sectors"
    assert action["drivers"]["items"]["enum"] == list(intl_sdk.DRIVER_IDS)
    assert schema["definitions"]["Strategy"]["properties"]["drivers"] == {**action["drivers"], "description": ANY}
    office = schema["definitions"]["Office"]["properties"]
    assert {"id", "region", "location", "host", "staff_fte", "opened", "tasks"} <= set(office)
    assert office["opened"]["format"] == "date"
    assert set(schema["definitions"]["Methodology"]["properties"]) == set(intl_sdk.METHODOLOGY_KEYS)
    agreement = schema["definitions"]["Agreement"]["properties"]
    assert agreement["funds"]["type"] == agreement["staff_fte"]["type"] == "number"
    assert schema["properties"]["as_of"]["format"] == "date"  # a TOML date, as a string in JSON
    region_code = schema["definitions"]["TargetRegion"]["properties"]["code"]["pattern"]
    assert re.match(region_code, "CN") and re.match(region_code, "021") and re.match(region_code, "ES-AS")
    assert not re.match(region_code, "CHN") and not re.match(region_code, "cn") and not re.match(region_code, "21")
    assert tomllib  # the examples are TOML; the schema checks their JSON form


def test_schema_describes_qualitative_targets_and_not_given(schema):
    measurement = schema["definitions"]["Measurement"]["properties"]
    assert measurement["change"]["enum"] == ["increase", "decrease"]
    for item in ("Strategy", "TargetRegion", "Action", "Indicator", "Agreement"):
        assert schema["definitions"][item]["properties"]["not_given"]["type"] == "array", item


def _schema_can_say(mismatch) -> bool:
    """Whether a type error the reader raises is one a JSON Schema can express
    (the schema's description lists those it cannot)."""
    from decimal import Decimal

    from intl_sdk import _kinds

    value = mismatch.value
    if "nested at most" in mismatch.expected:
        return False  # unknown keys nested too deeply
    if isinstance(value, str) and mismatch.expected.startswith("a date"):
        return False  # "2007-04-01" in quotes and a TOML date are the same JSON string
    if isinstance(value, (dt.date, dt.time)) and "string" in mismatch.expected:
        return False  # and the other way round: a TOML date where text goes
    if isinstance(value, Decimal) and (not value.is_finite() or abs(value) < _kinds.LIMIT):
        return False  # NaN and infinity, or too many decimal places: JSON cannot tell
    return True


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@example(b'format = 1\n[[regions]]\nid = "a"\nshare = 999999999999999999999999999999\n')
@example(b'format = 1\n[[actions]]\nid = "a"\ncost = -1e18\n')
@example(b'format = 1\n[[actions]]\nid = "a"\nstart = "2007-04-01"\n')  # cannot be said: listed
@example(b'format = 1\n[[regions]]\nid = "a"\nshare = 0.000000000000000000001\n')  # ditto
@example(b'format = 1\n[[indicators]]\nid = "a"\nactuals = { 2007 = "many" }\n')
@example(b'format = 1\n[[regions]]\nid = 7\n')
@given(broken_plans(bases=plan_text_pool(100)))
def test_every_type_error_the_schema_can_express_is_refused_by_both(schema, data):
    from intl_sdk import PlanError, _kinds, loads
    from intl_sdk.model import Plan

    try:
        parsed = parse_toml(data.decode("utf-8"))
    except (UnicodeDecodeError, PlanError):
        return  # not TOML: the reader's business, not a schema's
    try:
        loads(data)
    except PlanError as error:
        refused = error
    else:
        return  # the reader accepts it; the schema may still hint (ids, enums)
    try:
        _kinds.build(Plan, parsed, ())
    except _kinds.TypeMismatch as mismatch:
        expressible = _schema_can_say(mismatch)
    else:
        expressible = True  # a `format` the reader refuses: missing, not a whole number, out of range
    if expressible:
        valid = jsonschema.Draft4Validator(schema).is_valid(as_json_data(parsed))
        assert not valid, f"the reader refuses it ({refused}) but the schema accepts it"


@pytest.mark.parametrize(
    "text",
    [
        "format = 1\n[[regions]]\nid = \"a\"\nshare = 1e18\n",
        "format = 1\n[[regions]]\nid = \"a\"\nshare = -1000000000000000000\n",
        "format = 1\n[strategy]\nperiod = { start = 1000000000000000000 }\n",
        "format = 1\n[[indicators]]\nid = \"a\"\nactuals = { 2007 = 1e19 }\n",
        "format = 2\n",
        "frameworks = []\n",
    ],
)
def test_the_readers_numeric_limits_and_format_are_in_the_schema(schema, text):
    from intl_sdk import PlanError, loads

    with pytest.raises(PlanError):
        loads(text)
    assert not jsonschema.Draft4Validator(schema).is_valid(_as_json(text))


def test_the_schema_lists_what_it_cannot_express(schema):
    for part in ("a date in quotes", "a TOML date or time where a string goes", "decimal places", "NaN and infinity", "nested more than 32"):
        assert part in schema["description"]
