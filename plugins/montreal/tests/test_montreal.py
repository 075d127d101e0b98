"""The Montreal practices: the [governance] section kept as written, each check firing on its slip and quiet on sound governance."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

import intl_montreal
import intl_sdk
from intl_sdk.testing import assert_loads_cleanly, check_with

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"

GOOD = """\
format = 1
as_of = 2009-06-01
frameworks = ["montreal"]

[strategy]
name = "Governed"

[governance]
published = 2003
document = "Vision 2025"
stakeholders = ["business", "higher-education", "government"]
levels = ["metropolitan", "provincial", "federal"]
builds_on = ["Economic Development Plan"]
networking = ["monthly meetings", "web portal"]

[[governance.consultations]]
what = "Benchmarking study"
year = 2007

[[governance.committees]]
name = "Internationalisation committee"
remit = ["internationalisation"]

[[governance.reviews]]
date = 2008-06-30
against = "business plans"

[[governance.updates]]
event = "Annual Leadership Summit"
date = 2008-11-20
"""


def montreal_findings(text: str) -> list[intl_sdk.Finding]:
    plan = intl_sdk.loads(text)
    return [f for f in check_with(plan, intl_montreal) if f.code.startswith(("montreal/", "framework-missing", "plugin-error"))]


def codes(text: str) -> list[str]:
    return [f.code for f in montreal_findings(text)]


def test_the_plugin_loads_cleanly_and_declares_its_framework_checks_and_template():
    plugins = assert_loads_cleanly(intl_montreal)
    assert plugins.frameworks["montreal"].kinds == ()
    assert "3.4.4.7" in plugins.frameworks["montreal"].source
    assert {code for code in plugins.rules if code.startswith("montreal/")} == {c for c, _, _ in intl_montreal.checks.CHECKS}
    assert len(intl_montreal.PRACTICES) == 9
    for rule in plugins.rules.values():
        if rule.code.startswith("montreal/"):
            for section in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
                assert section in rule.docs, (rule.code, section)


def test_sound_governance_has_no_montreal_findings():
    assert montreal_findings(GOOD) == []


# (code, replace this, with this, the finding's line holds, the message holds)
FIRING = [
    ("montreal/governance-missing", GOOD[GOOD.index("[governance]"):], "", 'frameworks = ["montreal"]', "no [governance] section"),
    ("montreal/governance-invalid", "published = 2003", 'published = "in 2003"', "published =", "a date or a year, not text"),
    ("montreal/governance-invalid", "date = 2008-06-30", 'date = "June 2008"', 'date = "June 2008"', "reviews 1: date is a date or a year"),
    ("montreal/governance-invalid", 'networking = ["monthly meetings", "web portal"]', 'networking = "monthly"', "networking =", "a list of text"),
    ("montreal/not-published", "published = 2003\n", "", "[governance]", "no publication date"),
    ("montreal/no-stakeholders", 'stakeholders = ["business", "higher-education", "government"]\n', "", "[governance]", "names no stakeholders"),
    ("montreal/business-education-missing", '"business", "higher-education", ', "", "stakeholders =", "leave out business and education"),
    ("montreal/no-higher-level", '"metropolitan", "provincial", "federal"', '"metropolitan", "municipal"', "levels =", "no level of government above"),
    ("montreal/builds-on-nothing", 'builds_on = ["Economic Development Plan"]\n', "", "[governance]", "nothing existing"),
    ("montreal/no-committees", GOOD[GOOD.index("[[governance.committees]]"):GOOD.index("[[governance.reviews]]")], "", "[governance]", "no committee"),
    ("montreal/no-networking", 'networking = ["monthly meetings", "web portal"]\n', "", "[governance]", "no networking tools"),
    ("montreal/review-overdue", "date = 2008-06-30", "date = 2008-05-31", "date = 2008-05-31", "the last performance review was on 2008-05-31, more than a year before 2009-06-01 (as_of)"),
    ("montreal/review-overdue", GOOD[GOOD.index("[[governance.reviews]]"):GOOD.index("[[governance.updates]]")], "", "[governance]", "records no performance review"),
    ("montreal/update-overdue", "date = 2008-11-20", "date = 2007-11-20", "date = 2007-11-20", "the last strategy update or annual event was on 2007-11-20"),
]


@pytest.mark.parametrize(("code", "old", "new", "on_line", "words"), FIRING, ids=[f"{r[0]}-{i}" for i, r in enumerate(FIRING)])
def test_each_check_fires_on_its_slip_at_its_line(code, old, new, on_line, words):
    assert old in GOOD
    text = GOOD.replace(old, new, 1)
    found = [f for f in montreal_findings(text) if f.code == code]
    assert found, f"{code} did not fire: {codes(text)}"
    finding = next((f for f in found if words in f.message), found[0])
    assert words in finding.message
    assert on_line in text.splitlines()[finding.line - 1]
    assert finding.hint
    assert [f.code for f in montreal_findings(text)] == [code] * len(found), "only the slip's own check fires"


def test_a_consultation_that_says_whom_it_heard_names_stakeholders():
    without = GOOD.replace('stakeholders = ["business", "higher-education", "government"]\n', "")
    assert codes(without) == ["montreal/no-stakeholders"]
    assert codes(without.replace("year = 2007\n", 'year = 2007\nwith = ["business", "education"]\n')) == []


def test_every_check_has_a_firing_case():
    assert {row[0] for row in FIRING} == {c for c, _, _ in intl_montreal.checks.CHECKS}


def test_overdue_counts_back_a_year_from_as_of_and_a_year_alone_is_its_last_day():
    on_the_day = GOOD.replace("as_of = 2009-06-01", "as_of = 2009-06-30")
    assert "montreal/review-overdue" not in codes(on_the_day)  # 2008-06-30 is exactly a year before
    next_day = GOOD.replace("as_of = 2009-06-01", "as_of = 2009-07-01")
    assert "montreal/review-overdue" in codes(next_day)
    year_only = GOOD.replace("date = 2008-06-30", "year = 2008")  # 2008-12-31: within the year
    assert "montreal/review-overdue" not in codes(year_only)
    assert "montreal/review-overdue" in codes(year_only.replace("as_of = 2009-06-01", "as_of = 2010-01-01"))


def test_without_as_of_the_checks_count_from_today():
    without = GOOD.replace("as_of = 2009-06-01\n", "")
    overdue = [f for f in montreal_findings(without) if f.code == "montreal/review-overdue"]
    assert overdue and f"before {dt.date.today().isoformat()} (today)" in overdue[0].message
    today = dt.date.today().isoformat()
    fresh = without.replace("date = 2008-06-30", f"date = {today}").replace("date = 2008-11-20", f"date = {today}")
    assert montreal_findings(fresh) == []


def test_not_given_keeps_a_check_quiet_and_the_core_keeps_the_key():
    text = GOOD.replace(GOOD[GOOD.index("[[governance.reviews]]"):GOOD.index("[[governance.updates]]")], "").replace(
        "[governance]\n", '[governance]\nnot_given = ["reviews"]\n'
    )
    assert montreal_findings(text) == []


def test_only_plans_that_name_the_framework_are_checked():
    assert montreal_findings(GOOD.replace('frameworks = ["montreal"]', "frameworks = []")) == []
    assert codes('format = 1\nframeworks = ["montreal"]\ngovernance = "yes"\n') == ["montreal/governance-invalid"]


def test_the_governance_section_survives_load_edit_and_save():
    plan = intl_sdk.loads(GOOD)
    assert intl_sdk.dumps(plan) == GOOD
    plan.strategy.name = "Renamed"
    saved = intl_sdk.dumps(plan)
    assert saved == GOOD.replace('name = "Governed"', 'name = "Renamed"')
    plan = intl_sdk.loads(saved)
    plan.extra["governance"]["reviews"].append({"date": dt.date(2009, 5, 15), "against": "business plans"})
    again = intl_sdk.loads(intl_sdk.dumps(plan))
    assert [r["date"] for r in again.extra["governance"]["reviews"]] == [dt.date(2008, 6, 30), dt.date(2009, 5, 15)]
    assert montreal_findings(intl_sdk.dumps(again)) == []


def test_the_template_passes_every_montreal_check():
    (template,) = [t for t in assert_loads_cleanly(intl_montreal).templates.values() if t.id == "montreal-governance"]
    plan = intl_sdk.loads(template.text)
    assert plan.as_of is not None, "templates set as_of, so no output depends on the day"
    assert montreal_findings(template.text) == []


def _intl(*args: str) -> subprocess.CompletedProcess[str]:
    intl = Path(sys.executable).with_name("intl")
    return subprocess.run([str(intl), *args], capture_output=True, text=True, timeout=120, env={**os.environ, "NO_COLOR": "1"})


def test_installed_through_its_entry_point_it_checks_the_cmm_example():
    listed = _intl("plugins")
    assert "montreal  (intl-montreal 0.1.0)" in listed.stdout
    result = _intl("check", "--format", "json", str(EXAMPLES / "regions" / "montreal.toml"))
    assert result.returncode == 0, result.stderr
    import json

    found = {f["code"] for f in json.loads(result.stdout)["files"][0]["findings"]}
    assert "framework-missing" not in found
    # The report names metropolitan and municipal levels only (seed lines 1730-1733).
    assert {c for c in found if c.startswith("montreal/")} == {"montreal/no-higher-level"}
