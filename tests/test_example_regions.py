"""The report's other regions as example plans: each loads, saves unchanged, fits the schema,
says it is a practice, and gives the report's section for its figures."""

from __future__ import annotations

import re

import jsonschema
import pytest

import intl_sdk
from intl_sdk.reading import parse_toml
from intl_sdk.schema import as_json_data, plan_schema
from support import EXAMPLES

REGIONS = sorted((EXAMPLES / "regions").glob("*.toml"))
SEED = {"asturias": "3.4.4.2", "finnode": "3.4.4.3", "slovenia": "3.4.4.4", "nrw": "3.4.4.5", "lazio": "3.4.4.6", "montreal": "3.4.4.7"}


def test_there_is_a_plan_for_each_region_of_the_report():
    assert sorted(path.stem for path in REGIONS) == sorted(SEED)


@pytest.mark.parametrize("path", REGIONS, ids=lambda p: p.stem)
def test_each_loads_saves_unchanged_and_fits_the_schema(path):
    text = path.read_text(encoding="utf-8")
    plan = intl_sdk.load(path)
    assert intl_sdk.dumps(plan) == text
    jsonschema.Draft4Validator(plan_schema()).validate(as_json_data(parse_toml(text)))
    assert plan.as_of is not None, "examples set as_of, so that no output depends on the day"


@pytest.mark.parametrize("path", REGIONS, ids=lambda p: p.stem)
def test_each_says_it_is_a_practice_and_names_the_section_of_its_figures(path):
    plan = intl_sdk.load(path)
    section = SEED[path.stem]
    assert plan.strategy.extra["summary"].startswith("A practice, not a plan: ")
    assert f"section {section}" in plan.strategy.extra["source"]
    for indicator in plan.indicators:
        assert indicator.source and f"section {section}" in indicator.source, indicator.id
    offices = plan.extra.get("offices", []) if not hasattr(plan, "offices") else plan.offices
    for office in offices:
        source = office["source"] if isinstance(office, dict) else office.extra["source"]
        assert f"section {section}" in source
    # Every line number the comments cite lies within the report's section (or the report's dating lines).
    text = path.read_text(encoding="utf-8")
    cited = [int(n) for n in re.findall(r"\blines? (\d{2,4})", text)]
    assert cited and all(n in (26, 1854) or 1090 <= n <= 1800 for n in cited), cited


@pytest.mark.parametrize("path", REGIONS, ids=lambda p: p.stem)
def test_what_the_report_does_not_give_is_recorded_or_reported(path):
    plan = intl_sdk.load(path)
    codes = {f.code for f in intl_sdk.check(plan)}
    assert not {"shares-sum", "missing-field", "not-given-invalid", "unknown-reference", "framework-missing"} & codes
    assert "minimum-indicators" in codes  # no region of these gives all seven impact measures
    # The report divides no region's resources between target regions: every share is recorded as not given.
    assert all(r.share is None and r.not_given == ["share"] for r in plan.regions)


def test_lazio_keeps_the_italian_districts_figure_as_context_not_as_its_own():
    plan = intl_sdk.load(EXAMPLES / "regions" / "lazio.toml")
    assert plan.strategy.budget.amount == 3_000_000 and plan.strategy.period.start == 2008
    assert not plan.indicators
    assert plan.strategy.extra["context"]["figure"] == intl_sdk.loads("format = 1\nx = 8.4\n").extra["x"]
    assert "not Lazio" in plan.strategy.extra["context"]["scope"]
