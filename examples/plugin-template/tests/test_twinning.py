"""The plugin's own tests, run without installing it through intl_sdk.testing."""

import intl_sdk
from intl_sdk.testing import assert_loads_cleanly, check_with

import intl_twinning

PLAN = """\
format = 1
frameworks = ["twinning"]

[strategy]
name = "Twinned regions"

[[agreements]]
id = "loi"
framework = "twinning"
kind = "letter-of-intent"
partner = "Region B"
status = "signed"

[[agreements]]
id = "twin"
framework = "twinning"
kind = "twinning"
partner = "Region B"
status = "signed"
builds_on = ["loi"]
sponsor = "The regional president"
"""


def codes(text):
    return [f.code for f in check_with(intl_sdk.loads(text), intl_twinning)]


def test_the_plugin_loads_without_failures():
    plugins = assert_loads_cleanly(intl_twinning)  # a misspelled hook name would fail here
    assert "twinning" in plugins.frameworks and "twinning/no-sponsor" in plugins.rules


def test_no_sponsor_fires_on_a_signed_twinning_without_a_sponsor():
    assert "twinning/no-sponsor" in codes(PLAN.replace('sponsor = "The regional president"\n', ""))


def test_no_sponsor_is_quiet_when_there_is_one():
    assert "twinning/no-sponsor" not in codes(PLAN)
    assert "framework-missing" not in codes(PLAN)
