"""The alliance's Partnership Agreement checks: each fires on its slip and not on a sound agreement."""

from __future__ import annotations

import pytest

import intl_alliance
import intl_sdk
from intl_sdk.testing import assert_loads_cleanly, check_with

SIGNED = """\
format = 1
frameworks = ["alliance"]

[strategy]
name = "x"

[[agreements]]
id = "eca"
framework = "alliance"
kind = "partnership"
partner = "European Cluster Alliance"
parties = [{ name = "Corallia", level = "cluster-initiative" }]
status = "signed"
signed = 2009-05-12
rights = ["participate-work-areas", "events", "calls", "intranet", "results"]
obligations = ["support-objectives", "invite-partners", "report-activities", "inform-partners", "self-finance"]
funding = [{ purpose = "self-financing", amount = 5000, currency = "EUR" }, { purpose = "call-co-funding", amount = 20000, currency = "EUR" }]
signatory = { person = "A. Person", organisation = "Corallia", position = "Director", signature = "signed copy on file", address = "info@corallia.example" }
"""


def alliance_findings(text: str):
    return [f for f in check_with(intl_sdk.loads(text), intl_alliance) if f.code.startswith(("alliance/", "unknown-agreement-kind", "plugin-error"))]


def test_a_sound_signed_agreement_has_no_alliance_findings():
    assert alliance_findings(SIGNED) == []


FIRING = [
    ("alliance/financial-commitment", 'purpose = "call-co-funding"', 'purpose = "membership-fee"', "funding for 'membership-fee'"),
    ("alliance/financial-commitment", 'signed = 2009-05-12', 'signed = 2009-05-12\nfinancial_commitment = 10000', "records a financial commitment"),
    ("alliance/signature-incomplete", 'position = "Director", ', "", "lacks the signatory's position"),
    ("alliance/signature-incomplete", "signed = 2009-05-12\n", "", "date"),
    ("alliance/signature-incomplete", 'signature = "signed copy on file", ', "", "lacks the signatory's signature"),
    ("alliance/signature-incomplete", 'signature = "signed copy on file", ', "signature = false, ", "lacks the signatory's signature"),
    ("alliance/obligations-unacknowledged", ', "self-finance"]', "]", "self-finance"),
    ("alliance/legally-binding", "signed = 2009-05-12", "signed = 2009-05-12\nlegally_binding = true", "legally non-binding document"),
    ("alliance/term-outside-appendix", '"intranet", "results"]', '"intranet", "results", "voting"]', "right 'voting' is not among the appendix's rights"),
    ("alliance/term-outside-appendix", '"inform-partners", "self-finance"]', '"inform-partners", "self-financing"]', "did you mean 'self-finance'"),
    ("alliance/term-outside-appendix", '"intranet", "results"]', '"intranet", "results", "self-finance"]', "is one of the appendix's obligations, not its rights"),
    ("alliance/party-level", 'level = "cluster-initiative"', 'level = "cluster-member"', "does not define"),
]


@pytest.mark.parametrize(("code", "old", "new", "words"), FIRING, ids=[f"{r[0]}-{i}" for i, r in enumerate(FIRING)])
def test_each_check_fires_on_its_slip(code, old, new, words):
    assert old in SIGNED
    found = [f for f in alliance_findings(SIGNED.replace(old, new, 1)) if f.code == code]
    assert found and any(words in f.message for f in found), [f.message for f in found]
    assert all(f.line for f in found)


def test_every_check_has_a_firing_case():
    assert {row[0] for row in FIRING} == set(assert_loads_cleanly(intl_alliance).rules)


def test_an_unsigned_agreement_needs_no_signature():
    draft = SIGNED.replace('status = "signed"', 'status = "draft"').replace("signed = 2009-05-12\n", "")
    draft = draft.replace('signatory = { person = "A. Person", organisation = "Corallia", position = "Director", signature = "signed copy on file", address = "info@corallia.example" }', "")
    assert alliance_findings(draft) == []


def test_the_indicator_set_covers_the_seven_minimum_measures():
    (indicator_set,) = assert_loads_cleanly(intl_alliance).indicator_sets.values()
    assert {m for i in indicator_set.indicators for m in i.measures} == intl_sdk.IMPACT_MEASURE_IDS


def test_the_template_loads_and_documents_each_remaining_finding_as_a_to_do():
    template = assert_loads_cleanly(intl_alliance).templates["alliance-partnership"]
    findings = check_with(intl_sdk.loads(template.text), intl_alliance)
    assert findings
    for code in {f.code for f in findings}:
        assert f"to-do [{code}]" in template.text, f"the template does not document {code}"


def test_every_signatory_level_of_the_appendix_signs_without_a_finding():
    """Cluster initiatives (seed 001, line 2286) and public cluster-policy bodies, the associate members (lines 350-355)."""
    for level in ("cluster-initiative", "regional-authority", "development-agency", "national-authority"):
        assert alliance_findings(SIGNED.replace('level = "cluster-initiative"', f'level = "{level}"')) == []


def test_legally_non_binding_may_be_said_and_co_funding_calls_stays_a_right_without_commitment():
    """Lines 2289-2290 (non-binding, no financial commitment) and 2299 (co-fund calls, a right)."""
    said = SIGNED.replace("signed = 2009-05-12", "signed = 2009-05-12\nlegally_binding = false")
    assert alliance_findings(said) == []
    assert '"calls"' in SIGNED and 'purpose = "call-co-funding"' in SIGNED
    assert alliance_findings(SIGNED) == []


def test_a_signature_block_part_the_source_does_not_give_can_be_recorded():
    text = SIGNED.replace(', address = "info@corallia.example" }', " }").replace(
        "signed = 2009-05-12", 'signed = 2009-05-12\nnot_given = ["signatory.address"]'
    )
    assert alliance_findings(text) == []
