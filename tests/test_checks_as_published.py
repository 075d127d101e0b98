"""Checks read a plan as the report writes one: qualitative targets, figures the
source does not give, shares rounded for print, an action repeated in two regions.

The NWDA example is the report's plan as published (seed 001, section 3.4.3);
`intl check` on it must report the report's real slips and nothing it records.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import intl_sdk
from intl_sdk.checks.duplicates import repeated_actions, title_words
from intl_sdk.views import progress

from support import EXAMPLES

INDICATOR = """\
format = 1
[strategy]
name = "x"
period = { start = 2006, end = 2009 }

[[indicators]]
id = "fdi-gva-share"
name = "Share of the economy from FDI"
direction = "up"
baseline = { value = 16, year = 2006 }
target = { change = "increase", year = 2009 }
"""


def codes(text: str, *select: str) -> list[str]:
    return [f.code for f in intl_sdk.check(intl_sdk.loads(text), select=list(select) or None)]


def messages(text: str, code: str) -> list[str]:
    return [f.message for f in intl_sdk.check(intl_sdk.loads(text), select=[code])]


# -- the NWDA example, as published -------------------------------------------


def test_nwda_reports_the_published_slips_and_nothing_the_plan_records():
    findings = intl_sdk.check(intl_sdk.load(EXAMPLES / "nwda.toml"))
    assert sorted((f.code, f.path) for f in findings) == [
        ("driver-unanswered", "actions"),
        ("duplicate-action", "actions.emerging-markets-ukti.title"),
        ("methodology-incomplete", "methodology"),
        ("minimum-indicators", "indicators"),
        ("pillar-uncovered", "actions"),
        ("shares-sum", "regions"),
        ("target-without-action", "indicators.fdi-gva-share.target"),
        ("target-without-action", "indicators.fdi-high-salary.target"),
        ("target-without-action", "indicators.gva-growth.target"),
    ]
    by_code = {f.code: f for f in findings}
    assert "pillar 5" in by_code["pillar-uncovered"].message
    assert "rounding" in by_code["shares-sum"].message and by_code["shares-sum"].severity.value == "error"
    assert "china-ukti-emerging-markets in China" in by_code["duplicate-action"].message
    # no action's words name population change, skills, or energy and the environment
    assert by_code["driver-unanswered"].message.endswith(": 2 population-change, 6 skills, 7 energy-environment")
    assert by_code["methodology-incomplete"].message.endswith(": 1 driver_mechanisms, 2 consensus, 5 value_web")


def test_nwda_keeps_the_seeds_wording_of_the_two_ukti_actions():
    text = (EXAMPLES / "nwda.toml").read_text(encoding="utf-8")
    assert 'title = "Work with UKTI to implement the emerging markets strategy"' in text
    assert 'title = "Work with UKTI to implement the new emerging markets strategy"' in text


# -- qualitative targets ---------------------------------------------------------


def test_a_target_worded_as_a_change_is_complete():
    assert "indicator-incomplete" not in codes(INDICATOR)
    plan = intl_sdk.loads(INDICATOR)
    assert plan.indicators[0].target.change == "increase" and plan.indicators[0].target.value is None


def test_a_change_against_the_direction_is_reported_and_a_change_gives_the_direction():
    against = INDICATOR.replace('direction = "up"', 'direction = "down"')
    (message,) = messages(against, "target-direction")
    assert "asks for an increase, but direction 'down' says lower is better" in message
    assert not messages(INDICATOR, "target-direction")
    no_direction = INDICATOR.replace('direction = "up"\n', "").replace('"increase"', '"decrease"')
    assert intl_sdk.loads(no_direction).indicators[0].better == "down"


def test_progress_on_a_qualitative_target_goes_as_far_as_the_figures_allow():
    plan = intl_sdk.loads(INDICATOR)
    indicator = plan.indicators[0]
    assert progress(indicator).status == "no actuals"
    indicator.actuals = {2008: 18}
    moved = progress(indicator)
    assert moved.status == "achieved" and moved.fraction is None and moved.latest == 18
    indicator.actuals = {2008: 15}
    assert progress(indicator).status == "behind"
    indicator.baseline = None
    assert progress(indicator).status == "incomplete"


def test_a_change_on_a_baseline_or_an_unknown_change_is_an_invalid_value():
    baseline_change = INDICATOR.replace("baseline = { value = 16, year = 2006 }", 'baseline = { change = "increase", year = 2006 }')
    assert any("a baseline is where things stand" in m for m in messages(baseline_change, "invalid-value"))
    assert messages(INDICATOR.replace('"increase"', '"increse"'), "invalid-value") == [
        "change 'increse' is not one of increase, decrease (did you mean 'increase'?)"
    ]


# -- not_given ---------------------------------------------------------------------


def test_not_given_silences_exactly_the_part_it_names():
    no_year = INDICATOR.replace("baseline = { value = 16, year = 2006 }", "baseline = { value = 16 }")
    assert messages(no_year, "indicator-incomplete") == ["Share of the economy from FDI has no baseline year"]
    recorded = no_year + 'not_given = ["baseline.year"]\n'
    assert messages(recorded, "indicator-incomplete") == []
    # the record covers the year, not the value: a missing value is still reported
    no_value = recorded.replace("baseline = { value = 16 }", "baseline = { }")
    assert messages(no_value, "indicator-incomplete") == ["Share of the economy from FDI has no baseline value"]
    # a whole table covers its parts
    no_baseline = INDICATOR.replace("baseline = { value = 16, year = 2006 }\n", "") + 'not_given = ["baseline"]\n'
    assert messages(no_baseline, "indicator-incomplete") == []


def test_the_hint_says_what_to_record():
    no_year = INDICATOR.replace("baseline = { value = 16, year = 2006 }", "baseline = { value = 16 }")
    (finding,) = intl_sdk.check(intl_sdk.loads(no_year), select=["indicator-incomplete"])
    assert 'not_given = ["baseline.year"]' in finding.hint


def test_not_given_on_the_strategy_silences_the_period_and_resources_findings():
    text = INDICATOR.replace("period = { start = 2006, end = 2009 }", "period = { end = 2009 }")
    assert sorted(codes(text, "missing-field", "resources-missing")) == ["missing-field", "resources-missing"]
    recorded = text.replace('name = "x"\n', 'name = "x"\nnot_given = ["period.start", "budget", "staff_fte"]\n', 1)
    assert codes(recorded, "missing-field", "resources-missing", "not-given-invalid") == []
    only_budget = text.replace('name = "x"\n', 'name = "x"\nnot_given = ["budget"]\n', 1)
    assert "resources-missing" in codes(only_budget, "resources-missing")  # staff is still not accounted for


def test_not_given_on_an_agreement_silences_a_frameworks_required_field():
    import intl_corallia
    from intl_sdk.testing import check_with

    text = """\
format = 1
frameworks = ["corallia"]
[strategy]
name = "x"
[[agreements]]
id = "bilateral"
framework = "corallia"
kind = "bilateral"
partner = "Partner country"
parties = [{ name = "Greece", level = "government" }]
resources = "Joint calls"
"""
    def required(text: str) -> list[str]:
        return [f.message for f in check_with(intl_sdk.loads(text), intl_corallia) if f.code == "corallia/required-field"]

    assert required(text) == ["agreement 'bilateral' (Bilateral Agreement) has no sponsor"]
    assert required(text + 'not_given = ["sponsor"]\n') == []


# -- shares rounded for print ---------------------------------------------------------


REGIONS = """\
format = 1
[strategy]
name = "x"
{regions}
"""


def shares_message(*shares: str) -> str:
    regions = "".join(f'[[regions]]\nid = "r{i}"\nname = "R{i}"\nshare = {share}\n' for i, share in enumerate(shares))
    (message,) = messages(REGIONS.format(regions=regions), "shares-sum")
    return message


def test_whole_shares_within_half_a_point_each_may_be_rounding():
    assert shares_message("24", "23", "12", "13", "9", "18").endswith(
        "(6 shares: up to 3 percentage points)"
    )
    assert "rounding" in shares_message("34", "33", "34")  # 101: over, within 1.5
    assert "up to 1.5 percentage points" in shares_message("34", "33", "34")


def test_no_rounding_note_beyond_half_a_point_each_or_with_decimal_shares():
    assert "rounding" not in shares_message("50", "48")  # 2 off with 2 regions: more than 1
    assert "rounding" not in shares_message("24.5", "74")  # not all whole numbers
    assert shares_message("50", "49").startswith("target-region shares total 99%: 1 percentage point unallocated; every share")


# -- duplicate actions --------------------------------------------------------------------


DUPLICATES = """\
format = 1
[strategy]
name = "x"
[[regions]]
id = "china"
name = "China"
share = 50
[[regions]]
id = "emerging"
name = "Emerging markets"
share = 50
[[actions]]
id = "a"
region = "china"
pillars = ["strategic-countries"]
title = "{first}"
[[actions]]
id = "b"
region = "{region}"
pillars = ["strategic-countries"]
title = "{second}"
"""


def duplicate(first: str, second: str, region: str = "emerging") -> list[str]:
    return messages(DUPLICATES.format(first=first, second=second, region=region), "duplicate-action")


def test_titles_are_compared_without_case_punctuation_or_common_words():
    assert title_words("Work with UKTI to implement the new emerging-markets strategy!") == {
        "work", "ukti", "implement", "new", "emerging", "markets", "strategy"
    }


def test_the_seeds_two_ukti_actions_are_duplicates_either_way_round():
    seed_china = "Work with UKTI to implement the emerging markets strategy"
    seed_emerging = "Work with UKTI to implement the new emerging markets strategy"
    assert duplicate(seed_china, seed_emerging) == [
        f'action b in Emerging markets says what action a in China says: "{seed_china}"'
    ]
    assert len(duplicate(seed_emerging, seed_china)) == 1


def test_eighty_percent_is_the_threshold():
    # 5 words each, 4 shared: 80%, the same thing
    assert duplicate("alpha beta gamma delta epsilon", "alpha beta gamma delta zeta")
    # 5 words each, 3 shared: 60%, different things
    assert not duplicate("alpha beta gamma delta epsilon", "alpha beta gamma eta zeta")
    # 6 words each, 4 shared: 67%
    assert not duplicate("alpha beta gamma delta epsilon zeta", "alpha beta gamma delta eta theta")


def test_actions_in_the_same_region_are_not_duplicates_of_each_other():
    assert not duplicate("Work with UKTI", "Work with UKTI", region="china")


def test_an_action_is_reported_once_against_the_first_it_repeats():
    text = DUPLICATES.format(first="Trade missions to the region", second="Trade missions to the region", region="emerging")
    text += '[[actions]]\nid = "c"\nregion = "emerging"\npillars = ["strategic-countries"]\ntitle = "Trade missions to the region"\n'
    found = intl_sdk.check(intl_sdk.loads(text), select=["duplicate-action"])
    assert [(f.path, f.message.split(" says what action ")[1].split(" in ")[0]) for f in found] == [
        ("actions.b.title", "a"),
        ("actions.c.title", "a"),
    ]



VOCABULARY = ["work", "with", "ukti", "implement", "the", "new", "emerging", "markets", "strategy", "trade", "china"]


@given(
    st.lists(
        st.tuples(st.lists(st.sampled_from(VOCABULARY), max_size=7).map(" ".join), st.sampled_from(["a", "b", "c"])),
        max_size=25,
    )
)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_the_word_index_finds_exactly_what_comparing_every_pair_finds(titled):
    def same(x: frozenset, y: frozenset) -> bool:
        return bool(x and y) and 5 * len(x & y) >= 4 * min(len(x), len(y))

    words = [title_words(title) for title, _ in titled]
    expected = []
    for later in range(len(titled)):
        for earlier in range(later):
            if titled[earlier][1] != titled[later][1] and same(words[earlier], words[later]):
                expected.append((earlier, later))
                break
    assert repeated_actions(list(titled)) == expected


def test_the_readmes_check_sample_is_what_intl_check_prints(run_intl):
    readme = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    sample = readme.split("```console\n$ intl check examples/nwda.toml\n", 1)[1].split("```", 1)[0]
    result = run_intl("check", "examples/nwda.toml", cwd=EXAMPLES.parent)
    printed = result.stdout.splitlines()
    shown = [line for line in sample.splitlines() if line != "..."]
    assert shown and all(line in printed for line in shown), [line for line in shown if line not in printed]
    assert shown[-1] == printed[-1]


def test_diff_and_show_read_a_qualitative_target(run_intl):
    from intl_sdk.diff import diff_plans

    old = intl_sdk.load(EXAMPLES / "nwda.toml")
    new = intl_sdk.load(EXAMPLES / "nwda.toml")
    target = next(i for i in new.indicators if i.id == "fdi-gva-share").target
    target.change, target.value = None, 20
    texts = [c.text for c in diff_plans(old, new).changes]
    assert "Share of the Northwest economy from FDI: target increase (2009) → 20 (2009)" in texts
    shown = run_intl("show", str(EXAMPLES / "nwda.toml"))
    assert shown.returncode == 0 and "increase (2009)" in shown.stdout
