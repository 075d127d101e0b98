"""`intl plugins` and `intl new` with the built-in plugins installed (as the workspace installs them)."""

from __future__ import annotations

import json

import pytest

import intl_sdk
from intl_sdk.templates import BLANK

from support import EXAMPLES

BUILT_IN_TEMPLATES = ["blank", "corallia-policy-framework", "alliance-partnership", "montreal-governance"]


def test_plugins_lists_the_built_in_plugins_with_versions_and_hooks(run_intl):
    result = run_intl("plugins", "--format", "json")
    assert result.returncode == 0, result.stdout
    data = json.loads(result.stdout)
    by_name = {p["name"]: p for p in data["plugins"]}
    assert by_name["corallia"]["distribution"] == "intl-corallia" and by_name["corallia"]["version"] == "0.1.0"
    assert by_name["corallia"]["hooks"] == ["intl_frameworks", "intl_checks", "intl_templates", "intl_catalogues"]
    assert by_name["alliance"]["provides"]["frameworks"] == ["alliance"]
    assert data["failures"] == []
    text = run_intl("plugins")
    assert "corallia  (intl-corallia 0.1.0)" in text.stdout


def test_new_lists_the_templates(run_intl):
    listing = run_intl("new", "--list")
    ids = [line.split()[0] for line in listing.stdout.splitlines()]
    assert ids[0] == "blank" and sorted(ids) == sorted(BUILT_IN_TEMPLATES)


@pytest.mark.parametrize("template", BUILT_IN_TEMPLATES)
def test_new_writes_a_plan_that_loads_and_documents_what_is_left_to_do(run_intl, tmp_path, template):
    target = tmp_path / "plan.toml"
    result = run_intl("new", "--template", template, "-o", str(target))
    assert result.returncode == 0, result.stderr
    plan = intl_sdk.load(target)
    text = target.read_text(encoding="utf-8")
    findings = intl_sdk.check(plan)
    codes = sorted({f.code for f in findings})
    assert "plugin-error" not in codes and "framework-missing" not in codes
    if template == "blank":
        assert text == BLANK.text == (EXAMPLES / "starter.toml").read_text(encoding="utf-8")
        return
    for code in codes:
        assert f"to-do [{code}]" in text, f"{template} leaves {code} undocumented"


def test_new_refuses_to_overwrite_and_names_unknown_templates(run_intl, tmp_path):
    target = tmp_path / "plan.toml"
    target.write_text("mine", encoding="utf-8")
    refused = run_intl("new", "-o", str(target))
    assert refused.returncode == 2 and "exists" in refused.stderr and target.read_text() == "mine"
    unknown = run_intl("new", "--template", "coralia-policy-framework")
    assert unknown.returncode == 2 and "did you mean 'corallia-policy-framework'" in unknown.stderr


def test_corallia_example_with_the_plugin_installed_shows_its_ladder_findings(run_intl, tmp_path):
    result = run_intl("check", str(EXAMPLES / "corallia.toml"), "--format", "json")
    codes = [f["code"] for f in json.loads(result.stdout)["files"][0]["findings"]]
    assert "framework-missing" not in codes and "plugin-error" not in codes
    assert not [c for c in codes if c.startswith("corallia/")]  # the ladder is sound; the sponsor is recorded as not given
    text = (EXAMPLES / "corallia.toml").read_text(encoding="utf-8")
    unrecorded = tmp_path / "corallia.toml"
    unrecorded.write_text(text.replace('not_given = ["sponsor"]', ""), encoding="utf-8")
    findings = json.loads(run_intl("check", str(unrecorded), "--format", "json").stdout)["files"][0]["findings"]
    assert [f["message"] for f in findings if f["code"].startswith("corallia/")] == [
        "agreement 'bilateral-states' (Bilateral Agreement) has no sponsor"
    ]
