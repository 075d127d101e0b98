"""Corallia's framework and checks: each fires on its slip, and not on a sound ladder."""

from __future__ import annotations

import pytest

import intl_alliance
import intl_corallia
import intl_sdk
from intl_sdk.checks import check
from intl_sdk.testing import assert_loads_cleanly, check_with, plugins_with
from intl_corallia.framework import MOU_CONTENTS

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
        "corallia/prerequisite", "corallia/party-level", "corallia/collaboration-party", "corallia/required-field",
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
    ("corallia/party-level", '{ name = "Greece", level = "government" }', '{ name = "Greece", level = "cluster-initiative" }', "made at government level"),
    ("corallia/collaboration-party", '{ name = "SpaceTech SA", level = "cluster-member" }', '{ name = "Corallia", level = "cluster-initiative" }', "mainly between industrial members"),
    ("corallia/party-level", '{ name = "Greece", level = "government" }', '{ name = "Greece", level = "state" }', "does not define"),
    ("corallia/required-field", 'resources = "Joint call fund"', 'resources = ""', "has no resources"),
    ("corallia/required-field", 'status = "negotiating"\nbuilds_on = ["mou", "collab"]\nresources = "Joint call fund"\nsponsor = "Minister"', 'status = "draft"\nbuilds_on = ["mou", "collab"]\nresources = "Joint call fund"\nsponsor = ""', "has no sponsor"),
    ("corallia/required-field", '{ name = "SpaceTech SA",', '{ name = "",', "no name for party 1"),
    ("corallia/no-policy-agreement", 'id = "mou"\nframework = "corallia"\nkind = "mou"', 'id = "mou"\nframework = "alliance"\nkind = "partnership"', "the plan's policy agreement is under another framework"),
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


def severities():
    return {rule.code: rule.severity.value for rule in assert_loads_cleanly(intl_corallia).rules.values()}


def test_the_order_is_encouraged_so_a_skipped_rung_is_a_warning():
    """Seed 001: "it is encouraged" (line 1378), support "can be drawn" (lines 1386-1387)."""
    assert severities()["corallia/prerequisite"] == "warning"
    text = LADDER.replace('status = "signed"\nadded_value = "Shared services"', 'status = "draft"\nadded_value = "Shared services"')
    assert {f.severity.value for f in corallia_findings(text) if f.code == "corallia/prerequisite"} == {"warning"}


def test_any_party_on_a_collaboration_agreement_is_a_note_not_an_error():
    """Seed 001, line 1379: "among (mainly) industrial members"."""
    assert severities()["corallia/collaboration-party"] == "info"
    text = LADDER.replace('{ name = "SpaceTech SA", level = "cluster-member" }', '{ name = "Greece", level = "government" }')
    assert [(f.code, f.severity.value) for f in corallia_findings(text)] == [("corallia/collaboration-party", "info")]


def test_the_mous_contents_are_optional_keys_kept_as_written():
    """Seed 001, lines 1369-1372: cluster priorities, thematic areas, rules of engagement, communication guidelines."""
    contents = (
        'cluster_priorities = ["space"]\nthematic_areas = ["satellites"]\n'
        'rules_of_engagement = "One vote each"\ncommunication_guidelines = "Monthly call"\n'
    )
    bare = LADDER.replace('thematic_areas = ["space technologies"]\n', "")
    assert corallia_findings(bare) == []  # none is required: an MoU is "general and flexible"
    full = bare.replace('added_value = "Shared services"\n', 'added_value = "Shared services"\n' + contents, 1)
    plan = intl_sdk.loads(full)
    assert {key: plan.agreements[0].extra[key] for key in MOU_CONTENTS} == {
        "cluster_priorities": ["space"], "thematic_areas": ["satellites"],
        "rules_of_engagement": "One vote each", "communication_guidelines": "Monthly call",
    }
    assert intl_sdk.dumps(plan) == full and corallia_findings(full) == []


def test_the_catalogues_claim_no_pillar_the_report_does_not_support():
    """VC syndication is not pillar 5 (seed lines 1147-1151), transnational projects not pillar 6 (1154-1158)."""
    plugins = assert_loads_cleanly(intl_corallia)
    activities = {a.id: a.pillars for c in plugins.catalogues.values() for a in c.activities}
    assert "international-connections" not in activities["vc-syndication"]
    assert "european-policy" not in activities["transnational-projects"]
    assert not any({"international-connections", "european-policy"} & set(p) for p in activities.values())


def test_a_required_field_the_source_does_not_give_is_recorded_not_reported():
    text = LADDER.replace('sponsor = "Minister"', 'not_given = ["sponsor"]')
    assert corallia_findings(text) == []


def test_no_policy_agreement_adds_to_the_core_check_and_never_repeats_it():
    """The core's no-policy-agreement asks any framework's agreements; Corallia's adds
    a plan with no agreement yet, and says nothing where the core already reports."""
    plugins = plugins_with(intl_corallia, intl_alliance)

    def codes(text):
        found = check(intl_sdk.loads(text), plugins=plugins, select=["no-policy-agreement", "corallia/no-policy-agreement"])
        return [(f.code, f.message) for f in found]

    no_agreements = LADDER[: LADDER.index("[[agreements]]")]
    assert codes(no_agreements) == [("corallia/no-policy-agreement", "the plan uses Corallia's framework but has no Corallia agreement yet")]
    one_party = LADDER.replace('    { name = "Scottish Space Cluster", level = "cluster-initiative" },\n', "")
    assert [code for code, _ in codes(one_party)] == ["no-policy-agreement"]  # the core's, not both
    assert codes(LADDER) == []


def test_once_under_way_an_agreements_sponsor_and_added_value_are_the_cores_to_report():
    text = LADDER.replace('sponsor = "Minister"', 'sponsor = ""')  # the bilateral is negotiating
    found = [f.code for f in check_with(intl_sdk.loads(text), intl_corallia) if f.path == "agreements.bilateral.sponsor"]
    assert found == ["agreement-sponsor"]
