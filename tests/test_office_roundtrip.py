"""Export to a workbook, import it back: the same plan, for every example and generated plans."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import intl_sdk
from office_support import export_csv, export_xlsx, fit_to_a_spreadsheet, import_plan, without_imported_from
from strategies import plans
from support import EXAMPLES

pytest.importorskip("openpyxl", reason="the office extra is not installed")

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.toml"))


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.name)
def test_every_example_comes_back_from_its_workbook(example, tmp_path):
    plan = intl_sdk.load(example)
    workbook = tmp_path / "plan.xlsx"
    assert export_xlsx(plan, workbook) == []
    result = import_plan(workbook)
    assert result.notes == [] and not result.skipped
    assert without_imported_from(result.plan) == plan


def _round_trip(plan):
    with tempfile.TemporaryDirectory() as folder:
        workbook = Path(folder) / "plan.xlsx"
        lost = export_xlsx(plan, workbook)
        return lost, import_plan(workbook)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(plans)
def test_a_generated_plan_within_what_a_spreadsheet_holds_comes_back_equal(plan):
    plan = fit_to_a_spreadsheet(plan)
    lost, result = _round_trip(plan)
    assert lost == []
    assert [str(note) for note in result.notes] == []
    assert without_imported_from(result.plan) == plan
    again = intl_sdk.loads(intl_sdk.dumps(result.plan))  # and it saves as a plan file
    assert again == result.plan


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(plans)
def test_whatever_an_export_does_not_name_as_lost_comes_back(plan):
    lost, result = _round_trip(plan)
    if not lost:
        assert without_imported_from(result.plan) == plan


def test_what_a_cell_cannot_hold_is_named(tmp_path):
    plan = intl_sdk.loads(
        'format = 1\n[strategy]\nname = "A\\u0007B"\n[[regions]]\nid = "a"\nname = ""\n'
        "share = 12.3456789012345678\n"
    )
    lost = export_xlsx(plan, tmp_path / "plan.xlsx")
    assert lost == [
        "strategy.name: control characters a cell cannot hold are written as visible escapes (\\x1b)",
        "regions.a.name: an empty text is written as an empty cell",
        "regions.a.share: 12.3456789012345678 has 18 significant digits; a spreadsheet keeps 15: written as 12.3456789012346",
    ]
    back = import_plan(tmp_path / "plan.xlsx").plan
    assert back.strategy.name == "A\\x07B"
    long = intl_sdk.loads('format = 1\n[[regions]]\nid = "a"\nsummary = "' + "x" * 40_000 + '"\n')
    assert export_xlsx(long, tmp_path / "long.xlsx") == ["regions.a.summary: 40,000 characters; a cell holds 32,767: the rest is cut"]
    assert import_plan(tmp_path / "long.xlsx").plan.regions[0].summary == "x" * 32_767
    assert back.regions[0].share == intl_sdk.loads("format = 1\n[[regions]]\nshare = 12.3456789012346\n").regions[0].share


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_numbers_past_28_digits_come_back_whole(tmp_path, kind):
    """Decimal's `normalize` rounds to 28 digits: a 29-digit unknown number was taken
    for a 5-digit one, written as a float and read back as 1.5625E+28, unnamed."""
    plan = intl_sdk.loads(
        "format = 1\n[strategy]\nname = \"A\"\nbig = 15624999999999999999999999995\n"
        "fine = 123456789012345678.12345678901234567890\n[[regions]]\nid = \"a\"\nname = \"A\"\nshare = 100\n"
        "x = 99999999999999999999999999999.5\n"
    )
    if kind == "xlsx":
        assert export_xlsx(plan, tmp_path / "plan.xlsx") == []
        back = without_imported_from(import_plan(tmp_path / "plan.xlsx").plan)
    else:
        assert export_csv(plan, tmp_path / "csv") == []
        back = without_imported_from(import_plan(tmp_path / "csv").plan)
    assert back.strategy.extra == plan.strategy.extra
    assert back.regions[0].extra == plan.regions[0].extra
