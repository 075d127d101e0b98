"""Reading plans: typed model, unknown keys kept, and one clear error for bad files."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

import intl_sdk
from intl_sdk import PlanError

from support import EXAMPLES

GOOD = """\
format = 1
frameworks = ["corallia"]

[strategy]
name = "Plan"
period = { start = 2006, end = 2009 }

[[regions]]
id = "north-america"
share = 24
"""


def test_nwda_example_loads_with_the_published_shares():
    plan = intl_sdk.load(EXAMPLES / "nwda.toml")
    assert [r.id for r in plan.regions] == [
        "north-america", "continental-europe", "india", "china", "japan", "emerging-markets",
    ]
    assert [r.share for r in plan.regions] == [24, 23, 12, 13, 9, 18]
    assert sum(r.share for r in plan.regions) == 99
    assert plan.strategy.objectives[0] == "Maximise opportunities from globalisation and emerging markets"
    assert [i.id for i in plan.indicators if i.is_monitor_only] == [
        "business-relocations-out", "business-relocations-in", "job-creation",
    ]
    exports = next(i for i in plan.indicators if i.id == "export-value")
    assert exports.baseline.value == Decimal("19.6") and exports.baseline.year is None


def test_starter_example_loads():
    plan = intl_sdk.load(EXAMPLES / "starter.toml")
    assert plan.regions == [] and plan.strategy.name == ""


def test_floats_are_exact_decimals_and_dates_are_dates():
    plan = intl_sdk.loads(
        GOOD.replace("share = 24", "share = 25.55")
        + '\n[[actions]]\nid = "a"\nregion = "north-america"\npillars = []\nstart = 2007-04-01\n'
    )
    assert plan.regions[0].share == Decimal("25.55")
    assert plan.regions[0].share + Decimal("74.45") == 100
    assert plan.actions[0].start == dt.date(2007, 4, 1)


def test_unknown_keys_are_kept_at_every_level():
    text = GOOD.replace('name = "Plan"', 'name = "Plan"\nvision = "x"').replace(
        "share = 24", 'share = 24\nnotes = { lead = "Ann" }'
    ).replace("format = 1", "format = 1\ncustom = [1, 2]")
    text = text.replace("period = { start = 2006, end = 2009 }", "period = { start = 2006, end = 2009, fiscal = true }")
    plan = intl_sdk.loads(text)
    assert plan.extra == {"custom": [1, 2]}
    assert plan.strategy.extra == {"vision": "x"}
    assert plan.strategy.period.extra == {"fiscal": True}
    assert plan.regions[0].extra == {"notes": {"lead": "Ann"}}


def test_wrong_values_of_the_right_type_still_load():
    plan = intl_sdk.loads(
        GOOD.replace("share = 24", "share = 120").replace("start = 2006, end = 2009", "start = 2009, end = 2006")
        + '[[actions]]\nid = "a"\nregion = "nowhere"\npillars = ["competitive-sector"]\n'
    )
    assert plan.regions[0].share == 120
    assert plan.actions[0].pillars == ["competitive-sector"]


def _error(text: str | bytes) -> PlanError:
    with pytest.raises(PlanError) as caught:
        intl_sdk.loads(text, path="plan.toml")
    return caught.value


def test_a_string_share_names_its_line_and_asks_for_a_number():
    lines = GOOD.splitlines()
    lines[9] = 'share = "24%"'
    lines.insert(0, "# a comment moves everything down a line")
    error = _error("\n".join(lines[:10]) + "\n" + lines[10] + "\n")
    assert error.line == 11 and error.file == "plan.toml"
    assert "a number" in error.message and "24%" in error.message


def test_share_string_on_line_9():
    text = (
        "format = 1\n"
        "frameworks = []\n"
        "\n"
        "[strategy]\n"
        'name = "x"\n'
        "\n"
        "[[regions]]\n"
        'id = "north-america"\n'
        'share = "24%"\n'
    )
    error = _error(text)
    assert error.line == 9 and error.column == 9
    assert str(error) == "plan.toml:9:9: `regions[0].share` must be a number, not the string '24%'"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("format = 1\n[strategy\nname = 'x'\n", 2, "not valid TOML"),
        ("", 1, "missing `format"),
        ("format = 2\n", 1, "newer"),
        ("format = 0\n", 1, "does not exist"),
        ('format = "1"\n', 1, "whole number"),
        ("format = 1\n[strategy]\nname = 'a'\nname = 'b'\n", 4, "not valid TOML"),
        ("format = 1\n[[regions]]\nid = 'a'\nshare = nan\n", 4, "finite number"),
        ("format = 1\n[[regions]]\nid = 'a'\nshare = inf\n", 4, "finite number"),
        ("format = 1\n[[actions]]\nid = 'a'\npillars = 'competitive-sectors'\n", 4, "a list of strings"),
        ("format = 1\n[[actions]]\nid = 'a'\npillars = ['x', 3]\n", 4, "a string"),
        ("format = 1\nregions = 3\n", 2, "list of tables"),
        ("format = 1\nregions = 'north-america'\n", 2, "list of tables"),
        ("format = 1\n[[actions]]\nid = 'a'\nstart = '2007-04-01'\n", 4, "a date"),
        ("format = 1\n[[indicators]]\nid = 'a'\nactuals = { twenty = 3 }\n", 4, "a year"),
        ("format = 1\n[strategy]\nperiod = { start = '2006' }\n", 3, "a year"),
        ("format = 1\nstrategy = 5\n", 2, "a table"),
        ("format = 1\n[[agreements]]\nid = 'a'\nparties = [{ name = 'x', level = 3 }]\n", 4, "a string"),
        ("format = 1\n\n\n[[regions]]\nid = 'a'\nshare = true\n", 6, "a number"),
        ("format = 1\nx = 'a\x00b'\n", 2, "not valid TOML"),
        ("format = 1\nx = [1,\n", 2, "not valid TOML"),
    ],
)
def test_unreadable_plans_raise_plan_error_with_the_line(text, line, words):
    error = _error(text)
    assert error.line == line, str(error)
    assert words in error.message
    assert error.file == "plan.toml"


def test_invalid_utf8_names_the_line_and_byte(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_bytes(b"format = 1\n[strategy]\nname = \"caf\xe9\"\n")
    with pytest.raises(PlanError) as caught:
        intl_sdk.load(path)
    assert caught.value.line == 3 and caught.value.column == 12
    assert "UTF-8" in caught.value.message and "0xe9" in caught.value.message
    assert caught.value.file == str(path)


def test_missing_file_and_folder_are_plan_errors(tmp_path):
    with pytest.raises(PlanError, match="no such file"):
        intl_sdk.load(tmp_path / "nope.toml")
    with pytest.raises(PlanError, match="folder"):
        intl_sdk.load(tmp_path)


def test_deep_nesting_is_a_plan_error():
    with pytest.raises(PlanError):
        intl_sdk.loads("format = 1\nx = " + "[" * 100_000 + "]" * 100_000 + "\n")


def test_crlf_files_load_with_lines():
    error = _error(GOOD.replace("share = 24", "share = 'x'").replace("\n", "\r\n"))
    assert error.line == 10
