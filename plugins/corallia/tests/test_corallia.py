"""Corallia's framework and checks: each fires on its slip, and not on a sound ladder."""

from __future__ import annotations

import pytest

import intl_corallia
import intl_sdk
from intl_sdk.testing import assert_loads_cleanly, check_with

LADDER = """\
format = 1
frameworks = ["corallia"]

[strategy]
name = "Ladder"

[[actions]]
id = "joint-project"
region = "x"
pillars = ["science-rd-hei"]
title = "A joint project"

[[agreements]]
id = "mou"
framework = "corallia"
kind = "mou"
partner = "Scottish Space Cluster"
parties = [
    { name = "Corallia", level = "cluster-initiative" },
    { name = "Scottish Space Cluster", level = "cluster-initiative" },
]
status = "signed"
added_value = "Shared services"
thematic_areas = ["space technologies"]

[[agreements]]
id = "ratification"
framework = "corallia"
kind = "ratification"
partner = "Scottish Space Cluster"
parties = [{ name = "Corallia", level = "cluster-initiative" }]
status = "signed"
builds_on = ["mou"]
actions = ["joint-project"]

[[agreements]]
id = "collab"
framework = "corallia"
kind = "collaboration"
partner = "Scottish Space Cluster"
parties = [{ name = "SpaceTech SA", level = "cluster-member" }]
status = "signed"
builds_on = ["mou"]
added_value = "Joint R&D"

[[agreements]]
id = "bilateral"
framework = "corallia"
kind = "bilateral"
partner = "Scottish Space Cluster"
parties = [{ name = "Greece", level = "government" }]
status = "negotiating"
builds_on = ["mou", "collab"]
resources = "Joint call fund"
sponsor = "Minister"
"""


def corallia_findings(text: str):
    return [f for f in check_with(intl_sdk.loads(text), intl_corallia) if f.code.startswith(("corallia/", "unknown-agreement-kind", "framework-missing", "plugin-error"))]


def test_the_plugin_loads_cleanly_and_declares_the_ladder():
    plugins = assert_loads_cleanly(intl_corallia)
    framework = plugins.frameworks["corallia"]
    assert [(k.id, k.tier) for k in sorted(framework.kinds, key=lambda k: k.tier)] == [
        ("mou", 1), ("ratification", 1), ("collaboration", 2), ("bilateral", 3)
    ]
    assert {level.id for level in framework.levels} >= {
        "cluster-initiative", "cluster-member", "government", "regional-authority", "development-agency"
    }
    assert {l.id for l in framework.levels if l.implements_cluster_policy} == {
        "cluster-initiative", "regional-authority", "development-agency"
    }
    assert set(plugins.rules) == {
        "corallia/prerequisite", "corallia/party-level", "corallia/required-field",
        "corallia/no-policy-agreement", "corallia/ratification-without-action",
    }
    priority2 = plugins.catalogues["corallia-human-resources"]
    assert len(priority2.activities) == 6 and len(plugins.catalogues["corallia-investment"].activities) == 3


def test_a_sound_ladder_has_no_corallia_findings():
    assert corallia_findings(LADDER) == []


FIRING = [
    (
        "corallia/prerequisite",
        'partner = "Scottish Space Cluster"\nparties = [{ name = "Greece", level = "government" }]\nstatus = "negotiating"\nbuilds_on = ["mou", "collab"]',
        'partner = "Elsewhere"\nparties = [{ name = "Greece", level = "government" }]\nstatus = "negotiating"\nbuilds_on = ["mou"]',
        "builds on no Collaboration Agreement",
    ),
    ("corallia/prerequisite", 'status = "signed"\nadded_value = "Shared services"', 'status = "draft"\nadded_value = "Shared services"', "is not yet signed"),
    ("corallia/party-level", '{ name = "SpaceTech SA", level = "cluster-member" }', '{ name = "SpaceTech SA", level = "government" }', "made at cluster-member level"),
    ("corallia/party-level", '{ name = "Greece", level = "government" }', '{ name = "Greece", level = "state" }', "does not define"),
    ("corallia/required-field", 'sponsor = "Minister"', 'sponsor = ""', "has no sponsor"),
    ("corallia/required-field", '{ name = "SpaceTech SA",', '{ name = "",', "no name for party 1"),
    ("corallia/no-policy-agreement", '{ name = "Scottish Space Cluster", level = "cluster-initiative" },', "", "no Corallia agreement is between two bodies"),
    ("corallia/ratification-without-action", 'actions = ["joint-project"]', "actions = []", "names no specific action"),
    ("corallia/ratification-without-action", 'actions = ["joint-project"]', 'actions = ["joint-projekt"]', "'joint-projekt'"),
]


@pytest.mark.parametrize(("code", "old", "new", "words"), FIRING, ids=[f"{r[0]}-{i}" for i, r in enumerate(FIRING)])
def test_each_check_fires_on_its_slip(code, old, new, words):
    assert old in LADDER
    text = LADDER.replace(old, new, 1)
    found = [f for f in corallia_findings(text) if f.code == code]
    assert found and any(words in f.message for f in found), [f.message for f in found]
    assert all(f.line and f.hint for f in found)


def test_every_check_has_a_firing_case():
    assert {row[0] for row in FIRING} == set(assert_loads_cleanly(intl_corallia).rules)


def test_a_collaboration_follows_an_mou_with_the_same_partner_without_builds_on():
    text = LADDER.replace('kind = "collaboration"\npartner = "Scottish Space Cluster"\nparties = [{ name = "SpaceTech SA", level = "cluster-member" }]\nstatus = "signed"\nbuilds_on = ["mou"]',
                          'kind = "collaboration"\npartner = "Scottish Space Cluster"\nparties = [{ name = "SpaceTech SA", level = "cluster-member" }]\nstatus = "signed"')
    assert 'builds_on = ["mou"]\nadded_value = "Joint R&D"' not in text
    assert corallia_findings(text) == []


def test_an_unknown_kind_is_the_cores_finding_once_the_framework_is_installed():
    text = LADDER.replace('kind = "bilateral"', 'kind = "bilateral-agreement"')
    (finding,) = [f for f in corallia_findings(text) if f.code == "unknown-agreement-kind"]
    assert "did you mean 'bilateral'" in finding.message


def test_the_template_loads_and_documents_each_remaining_finding_as_a_to_do():
    plugins = assert_loads_cleanly(intl_corallia)
    template = plugins.templates["corallia-policy-framework"]
    plan = intl_sdk.loads(template.text)
    findings = check_with(plan, intl_corallia)
    assert findings, "a template leaves the strategist work to do"
    for code in {f.code for f in findings}:
        assert f"to-do [{code}]" in template.text, f"the template does not document {code}"
