"""Every core check: a small plan that fires it (on the right line) and one that does not."""

from __future__ import annotations

import pytest

import intl_sdk
from intl_sdk import Severity
from intl_sdk.checks import UnknownCodeError, all_rules
from intl_sdk.checks.registry import CORE_RULES

CLEAN = """\
format = 1
frameworks = []

[strategy]
name = "Clean plan"
organisation = "Agency"
home_region = "Region"
period = { start = 2006, end = 2009 }
budget = { amount = 1_000_000, currency = "GBP" }
staff_fte = 10
objectives = ["Grow"]

[[regions]]
id = "north-america"
name = "North America"
share = 25.55

[[regions]]
id = "europe"
name = "Europe"
share = 74.45

[[actions]]
id = "na-missions"
region = "north-america"
pillars = ["competitive-sectors", "strategic-countries", "science-rd-hei"]
title = "Trade missions"
cost = 200_000
staff_fte = 2
start = 2007-04-01
end = 2009-03-31
indicators = ["exporters"]

[[actions]]
id = "eu-lobbying"
region = "europe"
pillars = ["regional-assets", "international-connections", "european-policy"]
title = "Lead European programmes"
cost = 500_000
staff_fte = 5
indicators = ["relocations-out"]

[[indicators]]
id = "exporters"
name = "Exporters"
direction = "up"
baseline = { value = 7147, year = 2006 }
target = { value = 10000, year = 2009 }
actuals = { 2007 = 7600 }
measures = ["gva", "inward-investment", "research-intensity", "jobs"]

[[indicators]]
id = "relocations-out"
name = "Relocations out"
direction = "down"
baseline = { value = 458, year = 2006 }
target = { value = 400, year = 2009 }
measures = ["average-salary", "international-sales", "human-capital"]
"""


def findings(text: str, **options) -> list[intl_sdk.Finding]:
    return intl_sdk.check(intl_sdk.loads(text), **options)


def line(text: str, number: int | None) -> str:
    assert number is not None, "the finding has no line"
    return text.splitlines()[number - 1]


def test_the_clean_plan_has_no_findings_at_all():
    assert findings(CLEAN) == []


# (code, replace this, with this, the finding's line contains, message contains)
FIRING = [
    ("shares-sum", "share = 74.45", "share = 74", "share = 25.55", "0.45 percentage points unallocated"),
    ("shares-sum", "share = 74.45", "share = 75", "share = 25.55", "0.55 percentage points over-allocated"),
    ("share-range", "share = 25.55", "share = -25.55", "share = -25.55", "outside 0–100"),
    ("share-precision", "share = 25.55", "share = 25.545", "share = 25.545", "more than two decimal places"),
    ("region-without-actions", 'region = "europe"', 'region = "north-america"', "[[regions]]", "Europe has a 74.45% share but no actions"),
    ("region-name-empty", 'name = "Europe"', 'name = " "', 'name = " "', "empty name"),
    ("duplicate-id", 'id = "europe"', 'id = "north-america"', 'id = "north-america"', "used again"),
    ("invalid-id", 'id = "eu-lobbying"', 'id = "EU Lobbying"', 'id = "EU Lobbying"', "not lowercase"),
    ("missing-field", 'title = "Trade missions"\n', "", "[[actions]]", "na-missions has no title"),
    ("missing-field", "period = { start = 2006, end = 2009 }", "period = { end = 2009 }", "period =", "no start year"),
    ("invalid-value", 'direction = "down"', 'direction = "downward"', 'direction = "downward"', "did you mean 'down'"),
    ("unknown-reference", 'region = "europe"', 'region = "eruope"', 'region = "eruope"', "did you mean 'europe'"),
    ("unknown-reference", '"competitive-sectors", "strategic', '"competitive-sector", "strategic', "pillars", "did you mean 'competitive-sectors'"),
    ("unknown-reference", 'indicators = ["exporters"]', 'indicators = ["exporter"]', 'indicators = ["exporter"]', "did you mean 'exporters'"),
    ("unknown-reference", '"gva", "inward', '"gvaa", "inward', "measures", "did you mean 'gva'"),
    ("pillar-uncovered", '"regional-assets", ', "", '[[actions]]', "pillar 4, Promoting the region's assets"),
    ("action-without-pillars", 'pillars = ["regional-assets", "international-connections", "european-policy"]', "pillars = []", "pillars = []", "names no pillar"),
    ("action-outside-period", "end = 2009-03-31", "end = 2011-03-31", "end = 2011-03-31", "outside the period 2006–2009"),
    ("budget-exceeded", "cost = 200_000", "cost = 300_000", "share = 25.55", "more than its 25.55% share"),
    ("staff-exceeded", "staff_fte = 2\n", "staff_fte = 3\n", "share = 25.55", "3 FTE of staff"),
    ("indicator-incomplete", "baseline = { value = 7147, year = 2006 }", "baseline = { value = 7147 }", "baseline =", "no baseline year"),
    ("invalid-value", "target = { value = 10000, year = 2009 }", 'target = { change = "rise", year = 2009 }', "target =", "change 'rise' is not one of increase, decrease"),
    ("not-given-invalid", "actuals = { 2007 = 7600 }", 'actuals = { 2007 = 7600 }\nnot_given = ["baseline.yaer"]', "not_given =", "did you mean 'baseline.year'"),
    ("not-given-invalid", "actuals = { 2007 = 7600 }", 'actuals = { 2007 = 7600 }\nnot_given = ["baseline.year"]', "not_given =", "'baseline.year', but this indicator gives it"),
    ("target-without-action", 'indicators = ["exporters"]\n', "", "target = { value = 10000", "no action names indicator 'exporters'"),
    ("duplicate-action", 'title = "Lead European programmes"', 'title = "Trade missions!"', 'title = "Trade missions!"', 'says what action na-missions in North America says: "Trade missions"'),
    ("target-direction", "target = { value = 400, year = 2009 }", "target = { value = 500, year = 2009 }", "target = { value = 500", "not below the baseline 458 (direction down)"),
    ("target-direction", "target = { value = 10000, year = 2009 }", "target = { value = 7000, year = 2009 }", "target = { value = 7000", "not above the baseline"),
    ("target-outside-period", "target = { value = 10000, year = 2009 }", "target = { value = 10000, year = 2012 }", "year = 2012", "target year 2012 is outside"),
    ("actuals-outside-period", "actuals = { 2007 = 7600 }", "actuals = { 2005 = 7000, 2007 = 7600 }", "actuals =", "actuals for 2005"),
    ("minimum-indicators", '"jobs"]', "]", '[[indicators]]', "Jobs created (jobs)"),
    ("period-reversed", "start = 2006, end = 2009", "start = 2009, end = 2006", "period =", "ends in 2006, before it starts in 2009"),
    ("resources-missing", 'budget = { amount = 1_000_000, currency = "GBP" }\nstaff_fte = 10\n', "", "[strategy]", "no budget and no staff"),
    ("framework-missing", "frameworks = []", 'frameworks = ["atlantis"]', "frameworks =", "'atlantis', which no installed plugin provides"),
    ("unknown-code", "frameworks = []", 'frameworks = []\nignore = ["pillar-uncoverd"]', "ignore =", "did you mean 'pillar-uncovered'"),
    ("unknown-code", "frameworks = []", 'frameworks = []\n[severity]\nshares-sum = "fatal"', "shares-sum =", "not error, warning or info"),
]


@pytest.mark.parametrize(("code", "old", "new", "on_line", "words"), FIRING, ids=[f"{row[0]}-{i}" for i, row in enumerate(FIRING)])
def test_each_check_fires_on_its_slip_at_the_offending_line(code, old, new, on_line, words):
    assert old in CLEAN
    text = CLEAN.replace(old, new, 1)
    found = [f for f in findings(text) if f.code == code]
    assert found, f"{code} did not fire"
    finding = next((f for f in found if words in f.message), found[0])
    assert words in finding.message
    assert on_line in line(text, finding.line)
    assert finding.hint and finding.severity == CORE_RULES[code].severity


PLUGIN_DEPENDENT = {"unknown-agreement-kind", "plugin-error"}  # fired in test_plugins.py


def test_every_core_code_has_a_firing_test_and_does_not_fire_on_the_clean_plan():
    assert {row[0] for row in FIRING} == set(CORE_RULES) - PLUGIN_DEPENDENT
    assert {f.code for f in findings(CLEAN)} == set()


def test_nwda_shares_sum_says_99_and_one_point_on_the_first_share():
    plan = intl_sdk.load("examples/nwda.toml")
    (finding,) = [f for f in intl_sdk.check(plan) if f.code == "shares-sum"]
    assert finding.severity is Severity.ERROR
    assert finding.message == (
        "target-region shares total 99%: 1 percentage point unallocated; every share is a whole number, "
        "so the gap may come from rounding each to a whole percentage (6 shares: up to 3 percentage points)"
    )
    assert finding.path == "regions"
    assert plan.origin.text.splitlines()[finding.line - 1] == "share = 24"


def test_exact_decimal_sums_and_the_tolerance():
    assert not findings(CLEAN, select=["shares-sum"])  # 25.55 + 74.45 is exactly 100
    within = CLEAN.replace("share = 74.45", "share = 74.46")  # 0.01 over: within tolerance
    assert not findings(within, select=["shares-sum"])
    beyond = CLEAN.replace("share = 74.45", "share = 74.47")
    assert findings(beyond, select=["shares-sum"])[0].message.endswith("0.02 percentage points over-allocated")


def test_paths_use_ids_and_fall_back_to_indexes_for_shared_ids():
    text = CLEAN.replace("share = 25.55", "share = 125.55")
    (finding,) = findings(text, select=["share-range"])
    assert finding.path == "regions.north-america.share"
    text = CLEAN.replace('id = "europe"', 'id = "north-america"').replace("share = 74.45", "share = 174.45")
    range_findings = findings(text, select=["share-range"])
    assert [f.path for f in range_findings] == ["regions[1].share"]


def test_findings_are_sorted_by_line_then_code():
    text = CLEAN.replace("share = 74.45", "share = -74").replace('region = "europe"', 'region = "nowhere"')
    result = findings(text)
    keys = [(f.line or 0, f.code) for f in result]
    assert keys == sorted(keys) and len(result) >= 3


def test_plan_ignore_and_severity_apply_and_the_command_line_wins():
    text = CLEAN.replace("share = 74.45", "share = 74").replace(
        "frameworks = []", 'frameworks = []\nignore = ["shares-sum"]\n[severity]\nregion-without-actions = "info"'
    )
    assert not [f for f in findings(text) if f.code == "shares-sum"]
    assert [f.code for f in findings(text, select=["shares-sum"])] == ["shares-sum"]
    text2 = CLEAN.replace("frameworks = []", 'frameworks = []\n[severity]\nshares-sum = "warning"').replace(
        "share = 74.45", "share = 74"
    )
    assert findings(text2, select=["shares-sum"])[0].severity is Severity.WARNING
    assert findings(text2, select=["shares-sum"], severity={"shares-sum": "info"})[0].severity is Severity.INFO
    assert all(f.code != "shares-sum" for f in findings(text2, ignore=["shares-sum"]))


@pytest.mark.parametrize(
    "options",
    [{"ignore": ["no-such-code"]}, {"select": ["shares-summ"]}, {"severity": {"shares-sum": "fatal"}}, {"severity": {"nope": "error"}}],
)
def test_unknown_codes_from_the_caller_are_usage_errors(options):
    with pytest.raises(UnknownCodeError):
        findings(CLEAN, **options)


def test_every_rule_is_documented_in_ruffs_sections():
    for rule in all_rules().values():
        for section in ("What it does", "Why is this bad?", "Example", "Use instead"):
            assert rule.section(section), f"{rule.code} lacks {section}"
        assert rule.summary.endswith(".")


def test_a_plan_made_in_python_is_checked_without_lines():
    plan = intl_sdk.loads(CLEAN)
    plan.origin = None
    plan.regions[0].share = 30
    (finding,) = intl_sdk.check(plan, select=["shares-sum"])
    assert finding.line is None and "over-allocated" in finding.message
