"""`intl export`: a workbook colleagues can use (live total, formats, frozen headers) and CSV files."""

from __future__ import annotations

import csv
import subprocess
import sys

import pytest

import intl_sdk
from support import EXAMPLES

openpyxl = pytest.importorskip("openpyxl", reason="the office extra is not installed")

NWDA = str(EXAMPLES / "nwda.toml")


def test_the_workbook_has_its_sheets_a_live_total_that_turns_red_and_numbers_as_numbers(run_intl, tmp_path):
    out = tmp_path / "nwda.xlsx"
    result = run_intl("export", NWDA, "-o", str(out))
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Strategy", "Action plan", "Offices", "Actions", "Indicators", "Agreements", "Findings"]
    assert [c.value for c in book["Offices"][2]][:5] == ["ukti-china", None, "china", "China", "UKTI embassies/consulates"]
    plan_sheet = book["Action plan"]
    assert [c.value for c in plan_sheet[1]] == ["Id", "Target region", "Share", "Summary of main activities"]
    assert plan_sheet["C2"].value == 0.24 and plan_sheet["C2"].number_format == "0%"
    assert plan_sheet["B8"].value == "Total" and plan_sheet["C8"].value == "=SUM(C2:C7)"
    rules = [rule for ranges in plan_sheet.conditional_formatting for rule in ranges.rules]
    assert [rule.formula for rule in rules] == [["ROUND($C$8,10)<>1"]]
    assert rules[0].dxf.font.color.rgb.endswith("9C0006")
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.b for cell in sheet[1])
    assert plan_sheet.column_dimensions["B"].width >= len("Emerging markets / other")
    indicators = book["Indicators"]
    headers = [c.value for c in indicators[1]]
    exporters = [c.value for c in indicators[2]]
    assert exporters[headers.index("Baseline")] == 7147 and exporters[headers.index("Target year")] == 2009
    fdi = [c.value for c in indicators[4]]
    assert fdi[headers.index("Baseline year")] == "2005/6"
    assert {"Actual 2006", "Progress", "Status"} <= set(headers)
    findings = book["Findings"]
    assert [c.value for c in findings[1]] == ["Code", "Severity", "Where", "Line", "Message", "Hint"]
    assert any(row[0].value == "shares-sum" for row in findings.iter_rows(min_row=2))


def test_money_and_staff_follow_the_shares(tmp_path):
    plan = intl_sdk.load(NWDA)
    plan.strategy.budget = intl_sdk.Budget(amount=1_000_000, currency="GBP")
    plan.strategy.staff_fte = 10
    source = tmp_path / "plan.toml"
    intl_sdk.dump(plan, source)
    out = tmp_path / "plan.xlsx"
    subprocess.run([sys.executable, "-m", "intl_sdk", "export", str(source), "-o", str(out)], check=True, capture_output=True)
    sheet = openpyxl.load_workbook(out)["Action plan"]
    headers = [c.value for c in sheet[1]]
    assert headers[:5] == ["Id", "Target region", "Share", "Money (GBP)", "Staff (FTE)"]
    strategy = openpyxl.load_workbook(out)["Strategy"]
    budget_row = next(row[0].row for row in strategy.iter_rows() if row[0].value == "Budget")
    assert sheet["D2"].value == f"=C2*Strategy!$B${budget_row}"
    assert sheet["D8"].value == "=SUM(D2:D7)"


def test_plan_text_is_never_a_formula(run_intl, tmp_path):
    source = tmp_path / "hostile.toml"
    source.write_text(
        'format = 1\n[strategy]\nname = "=HYPERLINK(\\"http://e.test\\",\\"x\\")"\n'
        '[[regions]]\nid = "a"\nname = "=1+2"\nshare = 100\nsummary = "@SUM(A1)"\n'
        '[[actions]]\nid = "b"\nregion = "a"\npillars = []\ntitle = "-2+3"\n',
        encoding="utf-8",
    )
    out = tmp_path / "hostile.xlsx"
    assert run_intl("export", str(source), "-o", str(out)).returncode == 0
    book = openpyxl.load_workbook(out)
    assert (book["Action plan"]["B2"].value, book["Action plan"]["B2"].data_type) == ("=1+2", "s")
    assert (book["Strategy"]["B2"].value, book["Strategy"]["B2"].data_type) == ('=HYPERLINK("http://e.test","x")', "s")
    folder = tmp_path / "csv"
    assert run_intl("export", str(source), "--format", "csv", "-o", str(folder)).returncode == 0
    rows = list(csv.reader((folder / "action-plan.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows[1][1:4] == ["'=1+2", "100", "'@SUM(A1)"]
    assert list(csv.reader((folder / "actions.csv").read_text(encoding="utf-8-sig").splitlines()))[1][2] == "'-2+3"


def test_csv_writes_one_file_a_table(run_intl, tmp_path):
    folder = tmp_path / "nwda"
    result = run_intl("export", NWDA, "-o", str(folder))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in folder.iterdir()) == [
        "action-plan.csv", "actions.csv", "agreements.csv", "findings.csv", "indicators.csv", "offices.csv", "strategy.csv"]
    rows = list(csv.reader((folder / "action-plan.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:3] == ["Id", "Target region", "Share"] and rows[1][2] == "24" and rows[-1][1:3] == ["Total", "99"]


def test_what_a_workbook_cannot_keep_is_said_and_exits_1(run_intl, tmp_path):
    source = tmp_path / "plan.toml"
    source.write_text('format = 1\n[[regions]]\nid = "a"\nname = "x"\nshare = 33.3333333333333333\n', encoding="utf-8")
    result = run_intl("export", str(source), "-o", str(tmp_path / "plan.xlsx"))
    assert result.returncode == 1
    assert "not kept: regions.a.share: 33.3333333333333333 has 18 significant digits" in result.stderr


def test_an_unreadable_plan_exits_2(run_intl, tmp_path):
    source = tmp_path / "bad.toml"
    source.write_text('format = 1\n[[regions]]\nshare = "x"\n', encoding="utf-8")
    result = run_intl("export", str(source), "-o", str(tmp_path / "bad.xlsx"))
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "bad.xlsx").exists()


def test_drivers_methodology_offices_and_agreement_resources_come_back_from_a_workbook(tmp_path):
    """Each on its own sheet, row or column, read back as it was: references as references, words as words."""
    from office_support import export_xlsx, import_plan, without_imported_from

    plan = intl_sdk.loads(
        'format = 1\n[strategy]\nname = "x"\ndrivers = ["skills"]\n'
        '[methodology]\nconsensus = "Agreed with the boards"\nbaseline_outputs = ["indicators.i", "actions.x"]\n'
        'global_view = "actions.x"\n'  # words that read as a reference: written as TOML, so they come back as words
        '[[regions]]\nid = "a"\nname = "A"\nshare = 100\n'
        '[[offices]]\nid = "o"\nname = "Shanghai office"\nregion = "a"\nlocation = "Shanghai"\nhost = "Consulate"\n'
        'staff_fte = 2\nopened = 2007-04-02\ntasks = ["Lead generation", "Aftercare"]\nnot_given = ["opened"]\n'
        '[[actions]]\nid = "x"\nregion = "a"\ntitle = "X"\ndrivers = ["skills", "global-markets"]\n'
        '[[indicators]]\nid = "i"\nname = "I"\n'
        '[[agreements]]\nid = "m"\nframework = "f"\nkind = "mou"\npartner = "P"\nfunds = 40000\nstaff_fte = 0.5\n'
    )
    plan.offices[0].not_given = []  # the office gives its opening date
    workbook = tmp_path / "plan.xlsx"
    assert export_xlsx(plan, workbook) == []
    result = import_plan(workbook)
    assert result.notes == []
    back = without_imported_from(result.plan)
    assert back.methodology == plan.methodology and back.methodology.global_view == "actions.x"
    assert back.offices == plan.offices and back.strategy.drivers == ["skills"]
    assert back.actions[0].drivers == ["skills", "global-markets"]
    assert (back.agreements[0].funds, back.agreements[0].staff_fte) == (40000, plan.agreements[0].staff_fte)
    assert back == plan


def test_what_the_methodology_cannot_keep_is_named(tmp_path):
    from office_support import export_xlsx

    plan = intl_sdk.loads('format = 1\n[methodology]\nconsensus = "x"\nnotes = "kept in the file"\n')
    assert export_xlsx(plan, tmp_path / "plan.xlsx") == [
        "methodology.notes: a key [methodology] does not define has no row on the Strategy sheet"
    ]


def test_every_sheet_declares_its_extent(run_intl, tmp_path):
    # The dimension spares a reader a pass over the sheet to size it (openpyxl's read-only mode makes one).
    out = tmp_path / "nwda.xlsx"
    assert run_intl("export", NWDA, "-o", str(out)).returncode == 0
    declared = {sheet.title: sheet.calculate_dimension() for sheet in openpyxl.load_workbook(out, read_only=True).worksheets}
    book = openpyxl.load_workbook(out)
    assert declared == {sheet.title: f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
                        for sheet in book.worksheets}
    assert declared["Action plan"] == "A1:D8"
