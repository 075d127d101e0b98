"""Every core check: a small plan that fires it (on the right line) and one that does not."""

from __future__ import annotations

import pytest

import intl_sdk
from intl_sdk import Severity, hookimpl
from intl_sdk.checks import UnknownCodeError, all_rules
from intl_sdk.checks.registry import CORE_RULES
from intl_sdk.frameworks import AgreementKind, Framework, PartyLevel
from intl_sdk.testing import plugins_with


class PactFramework:
    """A framework for the clean plan's agreement: two levels, one of them implementing cluster policy."""

    @hookimpl
    def intl_frameworks(self):
        return [
            Framework(
                "pact",
                "Pact",
                kinds=[AgreementKind("mou", "MoU", 1)],
                levels=[
                    PartyLevel("development-agency", "Development agency", implements_cluster_policy=True),
                    PartyLevel("company", "Company"),
                ],
            )
        ]


PLUGINS = plugins_with(PactFramework(), installed=True)

CLEAN = """\
format = 1
frameworks = ["pact"]

[strategy]
name = "Clean plan"
organisation = "Agency"
home_region = "Region"
period = { start = 2006, end = 2009 }
budget = { amount = 1_000_000, currency = "GBP" }
staff_fte = 10
objectives = ["Grow"]

[methodology]
driver_mechanisms = ["actions.na-missions", "actions.eu-lobbying"]
consensus = "Agreed with the cluster boards"
prioritised_framework = "The regional economic strategy's priority sectors"
global_view = ["regions.north-america", "regions.europe"]
value_web = "Supply chains in both regions"
national_focus = "Aligned with the national trade agency"
baseline_outputs = ["indicators.exporters", "indicators.relocations-out"]

[[regions]]
id = "north-america"
name = "North America"
share = 25.55
code = "021"

[[regions]]
id = "europe"
name = "Europe"
share = 74.45
code = "150"

[[offices]]
id = "boston"
region = "north-america"
location = "Boston"
host = "Consulate"
staff_fte = 2
opened = 2007-01-15
tasks = ["Inward investment lead generation"]

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
drivers = ["changing-balance", "global-markets", "international-specialisation"]

[[actions]]
id = "eu-lobbying"
region = "europe"
pillars = ["regional-assets", "international-connections", "european-policy"]
title = "Lead European programmes"
cost = 500_000
staff_fte = 5
indicators = ["relocations-out"]
drivers = ["population-change", "innovation-rewards", "skills", "energy-environment"]

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

[[agreements]]
id = "mou-partner"
framework = "pact"
kind = "mou"
partner = "Partner region"
parties = [
    { name = "Agency", level = "development-agency" },
    { name = "Partner agency", level = "development-agency" },
]
status = "signed"
signed = 2007-06-01
added_value = "Shared services for SMEs in both regions"
funds = 40_000
staff_fte = 0.5
sponsor = "Regional minister for the economy"
"""


def findings(text: str, **options) -> list[intl_sdk.Finding]:
    return intl_sdk.check(intl_sdk.loads(text), plugins=PLUGINS, **options)


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
    ("staff-exceeded", "staff_fte = 2\nstart", "staff_fte = 3\nstart", "share = 25.55", "3 FTE of staff"),
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
    ("framework-missing", 'frameworks = ["pact"]', 'frameworks = ["pact", "atlantis"]', "frameworks =", "'atlantis', which no installed plugin provides"),
    ("unknown-code", 'frameworks = ["pact"]', 'frameworks = ["pact"]\nignore = ["pillar-uncoverd"]', "ignore =", "did you mean 'pillar-uncovered'"),
    ("unknown-code", 'frameworks = ["pact"]', 'frameworks = ["pact"]\n[severity]\nshares-sum = "fatal"', "shares-sum =", "not error, warning or info"),
    # the report's whole model: drivers, the methodology, co-operation, presence abroad
    ("unknown-reference", '"population-change", "innovation', '"population-changes", "innovation', "drivers =", "did you mean 'population-change'"),
    ("unknown-reference", 'region = "north-america"\nlocation', 'region = "north-amerika"\nlocation', 'region = "north-amerika"', "office 'boston' names region"),
    ("unknown-reference", '"indicators.exporters"', '"indicators.exporter"', "baseline_outputs", "did you mean 'indicators.exporters'"),
    ("unknown-reference", '"actions.na-missions"', '"action.na-missions"', "driver_mechanisms", "not a reference to an item (did you mean 'actions'?)"),
    ("driver-unanswered", '"population-change", ', "", "[[actions]]", "1 of the 7 global drivers is answered by no action: 2 population-change"),
    ("methodology-incomplete", 'consensus = "Agreed with the cluster boards"\n', "", "[methodology]", "does not address 1 of its 7 minimum contents: 2 consensus"),
    ("office-without-share", "share = 25.55", "share = 0", 'region = "north-america"', "office 'boston' is in North America, which has a share of 0%"),
    ("office-staff-exceeded", "staff_fte = 2\nopened", "staff_fte = 3\nopened", "staff_fte = 3", "offices in North America have 3 FTE of staff, more than its 25.55% share of 10 FTE (2.56 FTE)"),
    ("agreement-added-value", 'added_value = "Shared services for SMEs in both regions"\n', "", "[[agreements]]", "'mou-partner' is signed but says no added value"),
    ("agreement-resources", "funds = 40_000\nstaff_fte = 0.5\n", "", "[[agreements]]", "dedicates no resources"),
    ("agreement-sponsor", 'sponsor = "Regional minister for the economy"', 'sponsor = " "', 'sponsor = " "', "names no political sponsor"),
    ("no-policy-agreement", '{ name = "Partner agency", level = "development-agency" }', '{ name = "Partner SA", level = "company" }', "[[agreements]]", "no agreement is between two bodies that implement cluster policy"),
    ("region-code-invalid", 'code = "150"', 'code = "EUR"', 'code = "EUR"', "Europe has code 'EUR', which is not an ISO 3166 code"),
    ("region-code-invalid", 'home_region = "Region"', 'home_region = "Region"\nhome_code = "north"', 'home_code = "north"', "the home region has code 'north'"),
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
        'frameworks = ["pact"]', 'frameworks = ["pact"]\nignore = ["shares-sum"]\n[severity]\nregion-without-actions = "info"'
    )
    assert not [f for f in findings(text) if f.code == "shares-sum"]
    assert [f.code for f in findings(text, select=["shares-sum"])] == ["shares-sum"]
    text2 = CLEAN.replace('frameworks = ["pact"]', 'frameworks = ["pact"]\n[severity]\nshares-sum = "warning"').replace(
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
    (finding,) = intl_sdk.check(plan, select=["shares-sum"], plugins=PLUGINS)
    assert finding.line is None and "over-allocated" in finding.message
