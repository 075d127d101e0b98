"""The checks of the report's whole model beyond their firing rows in test_checks.py:
drivers scoped by the strategy, the methodology table's forms, recommendation 1's
conditions by status, conclusion 2's policy agreement, offices against the staff."""

from __future__ import annotations

import pytest

from test_checks import CLEAN, findings


def codes_of(text: str, code: str) -> list:
    return [f for f in findings(text, select=[code])]


def line_text(text: str, finding) -> str:
    return text.splitlines()[finding.line - 1]


# -- driver-unanswered ------------------------------------------------------


def test_a_strategy_that_names_its_drivers_is_held_to_those_and_only_those():
    scoped = CLEAN.replace('objectives = ["Grow"]', 'objectives = ["Grow"]\ndrivers = ["skills", "global-markets"]')
    assert codes_of(scoped, "driver-unanswered") == []
    # skills is claimed; take it off the only action that answers it, and energy-environment too
    text = scoped.replace('"skills", "energy-environment"]', '"innovation-rewards"]')
    (finding,) = codes_of(text, "driver-unanswered")
    assert finding.message == "the strategy answers driver 6, Skills increasingly needed by all (skills), but no action does"
    assert finding.path == "strategy.drivers[0]" and line_text(text, finding).startswith("drivers = ")
    # energy-environment is answered by no action either, but the strategy does not claim it: no finding


def test_every_driver_unanswered_is_listed_in_one_finding_when_no_action_names_any():
    text = CLEAN.replace('drivers = ["changing-balance", "global-markets", "international-specialisation"]\n', "").replace(
        'drivers = ["population-change", "innovation-rewards", "skills", "energy-environment"]\n', ""
    )
    (finding,) = codes_of(text, "driver-unanswered")
    assert finding.message == (
        "7 of the 7 global drivers are answered by no action: 1 changing-balance, 2 population-change, "
        "3 global-markets, 4 international-specialisation, 5 innovation-rewards, 6 skills, 7 energy-environment"
    )
    assert line_text(text, finding) == "[[actions]]"


def test_an_unknown_driver_on_the_strategy_is_an_unknown_reference_and_does_not_scope():
    text = CLEAN.replace('objectives = ["Grow"]', 'objectives = ["Grow"]\ndrivers = ["skils"]')
    (reference,) = codes_of(text, "unknown-reference")
    assert reference.path == "strategy.drivers[0]" and "did you mean 'skills'" in reference.message
    assert codes_of(text, "driver-unanswered") == []  # all seven are answered anyway


# -- methodology-incomplete ---------------------------------------------------


def test_a_plan_without_a_methodology_table_gets_one_info_on_its_strategy():
    start = CLEAN.index("[methodology]")
    end = CLEAN.index("[[regions]]")
    text = CLEAN[:start] + CLEAN[end:]
    (finding,) = codes_of(text, "methodology-incomplete")
    assert finding.severity.value == "info" and finding.path == "methodology"
    assert "none of its 7 minimum contents is addressed" in finding.message
    assert line_text(text, finding) == "[strategy]"


@pytest.mark.parametrize(
    "empty",
    ['consensus = ""', 'consensus = "   "', "consensus = []"],
)
def test_blank_text_and_an_empty_list_address_nothing(empty):
    text = CLEAN.replace('consensus = "Agreed with the cluster boards"', empty)
    (finding,) = codes_of(text, "methodology-incomplete")
    assert finding.message.endswith("does not address 1 of its 7 minimum contents: 2 consensus")


def test_text_and_references_each_address_a_content():
    text = CLEAN.replace('consensus = "Agreed with the cluster boards"', 'consensus = ["agreements.mou-partner"]')
    assert codes_of(text, "methodology-incomplete") == []
    assert codes_of(text, "unknown-reference") == []


def test_methodology_text_in_a_list_is_not_taken_for_a_reference():
    text = CLEAN.replace('consensus = "Agreed with the cluster boards"', 'consensus = ["Agreed with the boards"]')
    (finding,) = codes_of(text, "unknown-reference")
    assert finding.path == "methodology.consensus[0]" and "not a reference to an item" in finding.message
    assert 'write consensus = "..." as text' in finding.hint


# -- recommendation 1's conditions and conclusion 2's policy agreement --------

CONDITIONS = ("agreement-added-value", "agreement-resources", "agreement-sponsor")
BARE = CLEAN.replace('added_value = "Shared services for SMEs in both regions"\n', "").replace(
    "funds = 40_000\nstaff_fte = 0.5\n", ""
).replace('sponsor = "Regional minister for the economy"\n', "")


@pytest.mark.parametrize("status", ["negotiating", "signed"])
def test_the_three_conditions_apply_to_agreements_under_way(status):
    text = BARE.replace('status = "signed"', f'status = "{status}"')
    found = findings(text, select=list(CONDITIONS))
    assert sorted(f.code for f in found) == sorted(CONDITIONS)
    assert all(f.path == "agreements.mou-partner" and f"is {status} but" in f.message for f in found)
    assert {f.code: f.severity.value for f in found} == {
        "agreement-added-value": "warning", "agreement-resources": "info", "agreement-sponsor": "warning",
    }


@pytest.mark.parametrize("status", ["draft", "ended"])
def test_drafts_and_ended_agreements_are_not_held_to_the_conditions(status):
    text = BARE.replace('status = "signed"', f'status = "{status}"')
    assert findings(text, select=list(CONDITIONS)) == []


@pytest.mark.parametrize(
    ("resources", "fires"),
    [
        ("funds = 0\n", True),
        ("staff_fte = 0\n", True),
        ('resources = ""\n', True),
        ("funds = 40_000\n", False),
        ("staff_fte = 0.5\n", False),
        ('resources = "Self-financed participation: the cluster manager\'s time"\n', False),
    ],
)
def test_dedicated_resources_are_funds_or_staff_above_zero_or_words(resources, fires):
    text = CLEAN.replace("funds = 40_000\nstaff_fte = 0.5\n", resources)
    found = codes_of(text, "agreement-resources")
    assert bool(found) is fires
    if found:
        assert line_text(text, found[0]) == resources.strip()  # points at the key that says too little


def test_no_policy_agreement_is_quiet_without_agreements():
    text = CLEAN[: CLEAN.index("[[agreements]]")]
    assert codes_of(text, "no-policy-agreement") == []


def test_an_ended_policy_agreement_no_longer_counts():
    text = CLEAN.replace('status = "signed"', 'status = "ended"')
    (finding,) = codes_of(text, "no-policy-agreement")
    assert finding.severity.value == "warning" and line_text(text, finding) == "[[agreements]]"


def test_without_the_framework_the_common_policy_levels_count():
    # the framework is not installed: its levels are unknown, and the report's RDAs and their peers count
    text = CLEAN.replace('framework = "pact"', 'framework = "elsewhere"').replace(
        'frameworks = ["pact"]', 'frameworks = ["pact", "elsewhere"]'
    )
    assert codes_of(text, "no-policy-agreement") == []
    companies = text.replace('level = "development-agency" }', 'level = "company" }')
    assert len(codes_of(companies, "no-policy-agreement")) == 1


def test_an_installed_framework_decides_which_of_its_levels_implement_policy():
    # "company" is a level of pact that does not implement cluster policy, even twice
    text = CLEAN.replace('level = "development-agency" }', 'level = "company" }')
    assert len(codes_of(text, "no-policy-agreement")) == 1


# -- offices -------------------------------------------------------------------


def test_an_office_in_a_region_without_a_share_key():
    text = CLEAN.replace("share = 25.55\n", "")
    (finding,) = codes_of(text, "office-without-share")
    assert "which has no share of the resources" in finding.message
    assert finding.path == "offices.boston.region"


def test_office_staff_is_not_weighed_without_the_strategys_staff():
    text = CLEAN.replace("staff_fte = 2\nopened", "staff_fte = 30\nopened").replace("staff_fte = 10\n", "")
    assert codes_of(text, "office-staff-exceeded") == []


def test_office_staff_adds_up_across_a_regions_offices():
    second = '\n[[offices]]\nid = "chicago"\nregion = "north-america"\nstaff_fte = 1\n'
    text = CLEAN.replace("[[actions]]", second.lstrip("\n") + "\n[[actions]]", 1)
    (finding,) = codes_of(text, "office-staff-exceeded")
    assert "have 3 FTE of staff" in finding.message and finding.path == "offices.boston.staff_fte"


def test_offices_share_the_id_checks_of_every_item():
    text = CLEAN.replace('id = "boston"', 'id = "Boston Office"')
    (finding,) = codes_of(text, "invalid-id")
    assert finding.path == "offices.Boston Office.id" and "'boston-office'" in finding.hint
    missing = CLEAN.replace('region = "north-america"\nlocation', "location")
    (finding,) = codes_of(missing, "missing-field")
    assert finding.message == "boston has no region"


NEW_CODES = (
    "driver-unanswered", "methodology-incomplete", "agreement-added-value", "agreement-resources",
    "agreement-sponsor", "no-policy-agreement", "office-without-share", "office-staff-exceeded",
)


@pytest.mark.parametrize("code", NEW_CODES)
def test_intl_explain_documents_each_new_code_with_its_seed_lines(run_intl, code):
    result = run_intl("explain", code)
    assert result.returncode == 0, result.stderr
    for section in ("What it does", "Why is this bad?", "Example", "Use instead"):
        assert f"## {section}" in result.stdout
    assert "seed 001, line" in result.stdout.replace("\n", " ").replace("  ", " ")
