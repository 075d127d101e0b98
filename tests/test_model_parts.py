"""Drivers, [methodology], [[offices]] and the agreements' resources through every layer:
read with types checked, saved keeping the file, renamed with their references,
diffed, and turned into views."""

from __future__ import annotations

import difflib
from decimal import Decimal

import pytest

import intl_sdk
from intl_sdk import Methodology, Office, views
from intl_sdk.diff import diff_plans
from intl_sdk.editing import add_item, rename_id

PLAN = """\
format = 1
frameworks = []

[strategy]
name = "Northland plan"  # a fictional region
staff_fte = 10
drivers = ["global-markets", "skills"]

# How the plan meets the methodology's minimum (seed 001, 1170-1180)
[methodology]
consensus = "Agreed with the cluster boards"  # at the 2006 forum
baseline_outputs = [
    "indicators.exporters",
]

[[regions]]
id = "china"
name = "China"
share = 40

[[regions]]
id = "japan"
name = "Japan"
share = 60

# Presence abroad
[[offices]]
id = "shanghai"
region = "china"
location = "Shanghai"
host = "Consulate"  # integrated within the consulate
staff_fte = 2
opened = 2007-04-02
tasks = ["Inward investment lead generation", "Aftercare"]

[[actions]]
id = "china-fdi"
region = "china"
pillars = ["strategic-countries"]
title = "Inward investment"
drivers = ["global-markets"]  # FDI flows to and from China

[[actions]]
id = "japan-students"
region = "japan"
pillars = ["science-rd-hei", "competitive-sectors"]
title = "Students"
drivers = ["skills", "population-change"]

[[indicators]]
id = "exporters"
name = "Exporters"

[[agreements]]
id = "mou"
framework = "x"
kind = "mou"
partner = "Partner"
status = "signed"
funds = 40_000
staff_fte = 0.5
"""


def changed(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_the_new_keys_load_as_typed_values():
    plan = intl_sdk.loads(PLAN)
    assert plan.strategy.drivers == ["global-markets", "skills"]
    assert plan.methodology.consensus == "Agreed with the cluster boards"
    assert plan.methodology.baseline_outputs == ["indicators.exporters"] and plan.methodology.value_web is None
    (office,) = plan.offices
    assert (office.region, office.staff_fte, office.opened.isoformat()) == ("china", 2, "2007-04-02")
    assert office.tasks == ["Inward investment lead generation", "Aftercare"]
    assert (plan.agreements[0].funds, plan.agreements[0].staff_fte) == (40_000, Decimal("0.5"))
    assert intl_sdk.dumps(plan) == PLAN  # unchanged: the same bytes


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        ('drivers = ["global-markets", "skills"]', "drivers = 7", 7, "`strategy.drivers` must be a list of strings, not the number 7"),
        ('consensus = "Agreed with the cluster boards"', "consensus = 2006", 11, "`methodology.consensus` must be a string or a list of strings"),
        ('    "indicators.exporters",', "    3,", 13, "`methodology.baseline_outputs[0]` must be a string"),
        ("staff_fte = 2\n", 'staff_fte = "two"\n', 32, "`offices[0].staff_fte` must be a number"),
        ("opened = 2007-04-02", 'opened = "2007-04-02"', 33, "`offices[0].opened` must be a date"),
        ("funds = 40_000", 'funds = "40k"', 60, "`agreements[0].funds` must be a number"),
    ],
)
def test_a_wrong_type_in_a_new_key_names_its_line(old, new, line, words):
    with pytest.raises(intl_sdk.PlanError) as caught:
        intl_sdk.loads(PLAN.replace(old, new), path="plan.toml")
    assert caught.value.line == line and words in str(caught.value)


def test_edits_to_the_new_keys_change_only_their_lines_and_keep_comments():
    plan = intl_sdk.loads(PLAN)
    plan.offices[0].staff_fte = 3
    plan.actions[0].drivers.append("changing-balance")
    plan.methodology.baseline_outputs.append("indicators.gva")
    plan.agreements[0].funds = 50_000
    after = intl_sdk.dumps(plan)
    assert changed(PLAN, after) == [
        '+    "indicators.gva",',
        "-staff_fte = 2",
        "+staff_fte = 3",
        '-drivers = ["global-markets"]  # FDI flows to and from China',
        '+drivers = ["global-markets", "changing-balance"]  # FDI flows to and from China',
        "-funds = 40_000",
        "+funds = 50000",
    ]
    assert "# at the 2006 forum" in after and "# Presence abroad" in after
    assert intl_sdk.loads(after) == plan


def test_a_new_office_and_a_new_methodology_key_are_added_in_plan_layout():
    plan = intl_sdk.loads(PLAN)
    add_item(plan, "offices", 0, region="japan", location="Tokyo", staff_fte=1)
    plan.methodology.global_view = "The summary of action plans by principal region"
    after = intl_sdk.dumps(plan)
    lines = changed(PLAN, after)
    assert lines == [
        '+global_view = "The summary of action plans by principal region"',
        "+",
        "+[[offices]]",
        '+id = "new-office"',
        '+region = "japan"',
        '+location = "Tokyo"',
        "+staff_fte = 1",
    ]
    assert after.index('id = "new-office"') < after.index("[[actions]]")  # after its neighbour, before the actions


def test_a_plan_made_in_python_writes_methodology_after_the_strategy_and_offices_after_the_regions():
    plan = intl_sdk.Plan(
        strategy=intl_sdk.Strategy(name="x", drivers=["skills"]),
        methodology=Methodology(consensus="Agreed", value_web=["actions.a"]),
        regions=[intl_sdk.TargetRegion(id="r", name="R", share=100)],
        offices=[Office(id="o", region="r", tasks=["Aftercare"])],
        actions=[intl_sdk.Action(id="a", region="r", pillars=["skills"], title="A")],
    )
    text = intl_sdk.dumps(plan)
    order = [text.index(header) for header in ("[strategy]", "[methodology]", "[[regions]]", "[[offices]]", "[[actions]]")]
    assert order == sorted(order)
    assert 'value_web = ["actions.a"]' in text and 'drivers = ["skills"]' in text
    assert intl_sdk.loads(text) == plan


def test_renaming_a_region_or_an_item_renames_offices_and_methodology_references():
    plan = intl_sdk.loads(PLAN)
    plan.regions[0].id = "prc"
    assert rename_id(plan, "regions", "china", "prc") == 2  # the action and the office
    assert plan.offices[0].region == "prc"
    plan.indicators[0].id = "exporting-companies"
    assert rename_id(plan, "indicators", "exporters", "exporting-companies") == 1
    assert plan.methodology.baseline_outputs == ["indicators.exporting-companies"]
    references = intl_sdk.check(plan, select=["unknown-reference"])
    assert [f.path for f in references] == ["agreements.mou.framework"]  # the plan does not list "x"; nothing else


def test_diff_reports_offices_drivers_methodology_and_agreement_resources():
    old = intl_sdk.loads(PLAN)
    new = intl_sdk.loads(PLAN)
    new.offices[0].staff_fte = 3
    new.offices.append(Office(id="tokyo", region="japan"))
    new.actions[1].drivers = ["skills"]
    new.methodology.consensus = None
    new.agreements[0].staff_fte = 1
    kinds = [(c.kind, c.path) for c in diff_plans(old, new).changes if not c.kind.startswith("finding")]
    assert kinds == [
        ("methodology-changed", "methodology.consensus"),
        ("office-added", "offices.tokyo"),
        ("office-changed", "offices.shanghai.staff_fte"),
        ("action-changed", "actions.japan-students.drivers"),
        ("agreement-changed", "agreements.mou.staff_fte"),
    ]


def test_driver_coverage_is_the_driver_by_pillar_matrix():
    matrix = views.driver_coverage(intl_sdk.loads(PLAN))
    assert matrix.count("skills", "science-rd-hei") == 1 and matrix.count("skills", "competitive-sectors") == 1
    assert matrix.count("global-markets", "strategic-countries") == 1 and matrix.count("skills", "strategic-countries") == 0
    assert matrix.driver_total("skills") == 1 and matrix.answered_by["population-change"] == ("japan-students",)
    assert matrix.expected == ("global-markets", "skills") and matrix.unanswered == ()
    assert [d.number for d in matrix.drivers] == [1, 2, 3, 4, 5, 6, 7]


def test_without_strategy_drivers_all_seven_are_expected():
    matrix = views.driver_coverage(intl_sdk.loads(PLAN.replace('drivers = ["global-markets", "skills"]\n', "")))
    assert matrix.unanswered == ("changing-balance", "international-specialisation", "innovation-rewards", "energy-environment")


def test_methodology_status_resolves_references_to_item_labels():
    plan = intl_sdk.loads(PLAN.replace('    "indicators.exporters",', '    "indicators.exporters",\n    "actions.nowhere",\n    "loose words",'))
    rows = {row.content.key: row for row in views.methodology_status(plan)}
    assert list(rows) == list(intl_sdk.METHODOLOGY_KEYS)
    assert rows["consensus"].text == "Agreed with the cluster boards" and rows["consensus"].addressed
    found, missing, words = rows["baseline_outputs"].references
    assert (found.label, found.found) == ("Exporters", True)
    assert (missing.collection, missing.id, missing.found) == ("actions", "nowhere", False)
    assert (words.collection, words.found) == (None, False)
    assert not rows["value_web"].addressed


def test_presence_sets_each_regions_offices_against_its_share_of_the_staff():
    china, japan = views.presence(intl_sdk.loads(PLAN))
    assert china.offices == (0,) and china.office_staff == 2 and china.staff_share == 4
    assert japan.offices == () and japan.office_staff == 0 and japan.staff_share == 6
