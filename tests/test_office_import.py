"""`intl import`: tables found by their headers, numbers read exactly, nothing lost, bad files named."""

from __future__ import annotations

import codecs
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

import intl_sdk
from intl_sdk.office.cells import Cell
from intl_sdk.office.numbers import NotReadable, parse_quantity, parse_share, parse_year
from office_support import import_plan

openpyxl = pytest.importorskip("openpyxl", reason="the office extra is not installed")

FIXTURES = Path(__file__).parent / "fixtures" / "office"


def workbook(path: Path, sheets: dict[str, list[list]], formats: dict[tuple[str, str], str] | None = None) -> Path:
    """An .xlsx with the given rows per sheet; `formats` sets number formats by (sheet, cell)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    for (name, where), number_format in (formats or {}).items():
        book[name][where].number_format = number_format
    book.save(path)
    return path


ACTION_PLAN = [
    ["Target region", "Summary of main activities / actions", "Resource share", "Lead officer"],
    ["North America", "Trade missions\n- Investment leads", "24%", "Ann"],
    ["India", "Explore links with India", "24 pc", "Raj"],
]


# -- numbers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "share"),
    [
        (Cell("24%"), 24), (Cell("24 %"), 24), (Cell("24"), 24), (Cell(24), 24),
        (Cell(0.24, percent=True), 24), (Cell(0.125, percent=True), Decimal("12.5")),
        (Cell("24,5"), Decimal("24.5")), (Cell("24.5%"), Decimal("24.5")), (Cell(0.1 + 0.2), Decimal("0.30000000000000004")),
        (Cell("0.24"), Decimal("0.24")), (Cell("n/a"), None), (Cell(), None),
    ],
)
def test_shares_are_read_exactly_however_they_are_written(cell, share):
    value = parse_share(cell)
    assert value == share and (share is None or type(value) in (int, Decimal))


def test_a_comma_before_three_digits_groups_thousands_and_before_one_or_two_is_decimal():
    assert parse_quantity(Cell("7,147")).value == 7147
    assert parse_quantity(Cell("25,000")).value == 25000
    assert parse_quantity(Cell("24,55")).value == Decimal("24.55")
    assert parse_share(Cell("24,500")) == 24500
    assert parse_share(Cell("24,500"), decimal_comma=True) == Decimal("24.5")
    assert parse_quantity(Cell("1.234,5"), decimal_comma=True).value == Decimal("1234.5")
    with pytest.raises(NotReadable, match="'7,1475' is not a figure"):
        parse_quantity(Cell("7,1475"))


def test_figures_keep_their_currency_scale_and_percent_as_the_unit():
    assert parse_quantity(Cell("£19.6bn")) == parse_quantity(Cell("£ 19.6 bn"))
    assert (parse_quantity(Cell("£19.6bn")).value, parse_quantity(Cell("£19.6bn")).unit) == (Decimal("19.6"), "GBP bn")
    assert (parse_quantity(Cell("7%")).value, parse_quantity(Cell("7%")).unit) == (7, "%")
    assert parse_quantity(Cell("€3M")).unit == "EUR m"
    assert parse_quantity(Cell(0.07, percent=True)).unit == "%"


def test_financial_years_end_in_their_second_year():
    assert parse_year(Cell("2005/6")) == (2006, "2005/6")
    assert parse_year(Cell("2005/06")) == (2006, "2005/06")
    assert parse_year(Cell(2006)) == (2006, None)
    with pytest.raises(NotReadable):
        parse_year(Cell("2005/8"))


# -- tables ---------------------------------------------------------------------


def test_the_nwda_table_typed_in_word_imports_to_99_and_the_check_says_so(run_intl, tmp_path):
    """The committed fixture: the report's six rows, shares as printed, saved as .docx by LibreOffice."""
    out = tmp_path / "nwda.toml"
    result = run_intl("import", str(FIXTURES / "nwda-action-plan.docx"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    plan = intl_sdk.load(out)
    assert [r.name for r in plan.regions][:2] == ["North America", "Continental Europe"]
    assert [r.share for r in plan.regions] == [24, 23, 12, 13, 9, 18]
    assert sum(r.share for r in plan.regions) == 99
    assert plan.strategy.name == "Northwest internationalisation action plan"  # the document's title
    assert plan.regions[0].extra["imported_from"] == "nwda-action-plan.docx!Table 1!A2"
    assert [a.region for a in plan.actions] == [r.id for r in plan.regions]
    assert "error[shares-sum] target-region shares total 99%: 1 percentage point unallocated" in result.stdout


def test_indicators_come_with_units_years_and_monitoring(tmp_path):
    plan = import_plan(FIXTURES / "nwda-indicators.xlsx").plan
    by_name = {i.name: i for i in plan.indicators}
    exports = by_name["Value of exports"]
    assert (exports.baseline.value, exports.unit, exports.target.value, exports.target.year) == (Decimal("19.6"), "GBP bn", 22, 2009)
    fdi = by_name["FDI projects per year"]
    assert (fdi.baseline.value, fdi.baseline.year, fdi.baseline.extra) == (112, 2006, {"financial_year": "2005/6"})
    assert by_name["Exporters"].baseline.value == 7147
    assert by_name["FDI projects that are R&D intensive"].unit == "%"
    relocations = by_name["Business relocations into the region"]
    assert relocations.monitor_only is True and relocations.target is None


def test_unknown_columns_are_kept_and_an_unreadable_cell_is_named_with_its_position(run_intl, tmp_path):
    source = workbook(tmp_path / "plan.xlsx", {"Action plan": ACTION_PLAN})
    out = tmp_path / "plan.toml"
    result = run_intl("import", str(source), "-o", str(out))
    assert result.returncode == 1
    assert "skipped: plan.xlsx!Action plan!C3: '24 pc' is not a share" in result.stderr
    assert "Traceback" not in result.stderr
    plan = intl_sdk.load(out)
    india = plan.regions[1]
    assert india.share is None and india.extra["share_as_written"] == "24 pc"
    assert [r.extra["Lead officer"] for r in plan.regions] == ["Ann", "Raj"]
    assert [a.title for a in plan.actions] == ["Trade missions", "Investment leads", "Explore links with India"]
    assert [a.region for a in plan.actions] == ["north-america", "north-america", "india"]


def test_a_mapping_names_the_columns_headers_do_not(run_intl, tmp_path):
    rows = [["Zielregion", "Anteil", "Notiz"], ["Nordamerika", "24 %", "a"], ["Indien", "76 %", "b"]]
    source = workbook(tmp_path / "plan.xlsx", {"Notes": [["nothing here"]], "Action plan": rows})
    out = tmp_path / "plan.toml"
    result = run_intl("import", str(source), "-o", str(out), "--sheet", "Action plan", "--map", "region=A", "--map", "share=B")
    assert result.returncode == 0, result.stderr
    plan = intl_sdk.load(out)
    assert [(r.id, r.share, r.extra["Notiz"]) for r in plan.regions] == [("nordamerika", 24, "a"), ("indien", 76, "b")]
    mapping = tmp_path / "mapping.toml"
    mapping.write_text('sheet = "Action plan"\n[regions]\nname = "Zielregion"\nshare = "B"\n', encoding="utf-8")
    again = tmp_path / "again.toml"
    assert run_intl("import", str(source), "-o", str(again), "--mapping", str(mapping)).returncode == 0
    assert intl_sdk.load(again) == plan


def test_csv_delimiter_and_byte_order_mark(tmp_path):
    text = "Target region;Resource share\nNorth America;24,5\nIndia;75,5\n"
    for encoding, bom in (("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE)):
        source = tmp_path / f"{encoding}.csv"
        source.write_bytes(bom + text.encode(encoding))
        plan = import_plan(source).plan
        assert [(r.name, r.share) for r in plan.regions] == [("North America", Decimal("24.5")), ("India", Decimal("75.5"))]
    tabbed = tmp_path / "tabbed.csv"
    tabbed.write_text("Region\tShare\tSummary\nJapan\t9\tInward investment, aftercare\n", encoding="utf-8")
    assert [(r.name, r.share, r.summary) for r in import_plan(tabbed).plan.regions] == [("Japan", 9, "Inward investment, aftercare")]


def test_a_merged_region_cell_continues_the_region_above(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["Region", "Actions", "Share"], ["China", "Lead generation", 0.13], [None, "Aftercare", None]):
        sheet.append(row)
    sheet["C2"].number_format = "0%"
    sheet.merge_cells("A2:A3")
    book.save(tmp_path / "merged.xlsx")
    plan = import_plan(tmp_path / "merged.xlsx").plan
    assert [(r.name, r.share) for r in plan.regions] == [("China", 13)]
    assert [(a.id, a.title) for a in plan.actions] == [("china-1", "Lead generation"), ("china-2", "Aftercare")]


# -- bad inputs -----------------------------------------------------------------------


def _one_error_line(result) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_a_renamed_text_file_an_encrypted_and_a_corrupt_workbook_are_one_line_each(run_intl, tmp_path):
    text = tmp_path / "notes.xlsx"
    text.write_text("Target region,Share\nIndia,12\n", encoding="utf-8")
    line = _one_error_line(run_intl("import", str(text), "-o", str(tmp_path / "a.toml")))
    assert line == f"error: {text}: is not an .xlsx workbook (not a zip archive): save it from your spreadsheet as .xlsx"
    encrypted = tmp_path / "locked.xlsx"
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2048)
    assert "encrypted" in _one_error_line(run_intl("import", str(encrypted), "-o", str(tmp_path / "b.toml")))
    good = workbook(tmp_path / "good.xlsx", {"Action plan": ACTION_PLAN})
    corrupt = tmp_path / "corrupt.xlsx"
    corrupt.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    assert "is not a readable .xlsx workbook" in _one_error_line(run_intl("import", str(corrupt), "-o", str(tmp_path / "c.toml")))
    zipped = tmp_path / "other.xlsx"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    assert "is not a readable .xlsx workbook" in _one_error_line(run_intl("import", str(zipped), "-o", str(tmp_path / "d.toml")))
    assert not any((tmp_path / name).exists() for name in ("a.toml", "b.toml", "c.toml", "d.toml"))


def test_an_empty_workbook_says_it_holds_no_table(run_intl, tmp_path):
    empty = workbook(tmp_path / "empty.xlsx", {"Sheet1": []})
    line = _one_error_line(run_intl("import", str(empty), "-o", str(tmp_path / "plan.toml")))
    assert line.startswith(f"error: {empty}: holds no table intl import recognises")


def test_a_table_without_a_share_column_imports_its_regions_without_shares(run_intl, tmp_path):
    source = workbook(tmp_path / "plan.xlsx", {"Plan": [["Target region", "Summary"], ["India", "Explore links"]]})
    out = tmp_path / "plan.toml"
    result = run_intl("import", str(source), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert [(r.name, r.share) for r in intl_sdk.load(out).regions] == [("India", None)]
    assert "india" in result.stdout and "share" in result.stdout  # the check names the missing share


def test_a_merged_header_cell_loses_no_column(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Target region", "Resource share", None])
    sheet.append(["India", "12%", "approved"])
    sheet.merge_cells("B1:C1")
    book.save(tmp_path / "merged-header.xlsx")
    region = import_plan(tmp_path / "merged-header.xlsx").plan.regions[0]
    assert (region.share, region.extra["column C"]) == (12, "approved")


def test_a_formula_error_in_a_share_cell_is_named(tmp_path):
    source = tmp_path / "ref.xlsx"
    workbook(source, {"Action plan": [["Target region", "Share"], ["India", 12], ["China", "x"]]})
    # A workbook as Excel saves one after a deleted sheet: a formula whose cached value is #REF!.
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = next(name for name in parts if name.startswith("xl/worksheets/sheet"))
    xml = parts[sheet].decode("utf-8")
    start = xml.index('<c r="B3"')
    end = xml.index("</c>", start) + 4
    parts[sheet] = (xml[:start] + '<c r="B3" t="e"><f>#REF!*2</f><v>#REF!</v></c>' + xml[end:]).encode("utf-8")
    with zipfile.ZipFile(source, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    result = import_plan(source)
    assert [str(note) for note in result.notes] == ["ref.xlsx!Action plan!B3: #REF! (a formula error) is not a share"]
    assert [(r.name, r.share) for r in result.plan.regions] == [("India", 12), ("China", None)]


def test_a_workbook_that_declares_a1_alone_imports_every_row_and_column(tmp_path):
    source = workbook(tmp_path / "a1.xlsx", {"Action plan": [["Target region", "Resource share", "Lead officer"],
                                                             ["India", 40, "Raj"], ["China", 60, "Li"]]})
    # Some writers declare a sheet's size as A1 whatever it holds; the import must not trust it.
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = next(name for name in parts if name.startswith("xl/worksheets/sheet"))
    xml = parts[sheet].decode("utf-8")
    assert '<dimension ref="A1:C3"/>' in xml
    parts[sheet] = xml.replace('<dimension ref="A1:C3"/>', '<dimension ref="A1"/>').encode("utf-8")
    with zipfile.ZipFile(source, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    plan = import_plan(source).plan
    assert [(r.name, r.share, r.extra["Lead officer"]) for r in plan.regions] == [("India", 40, "Raj"), ("China", 60, "Li")]


def test_ten_thousand_rows_are_all_imported(tmp_path):
    rows = [["Id", "Region id", "Title", "Pillars", "Cost"]]
    rows += [[f"action-{n}", "north", f"Action {n}", "competitive-sectors", 1000 + n] for n in range(10_000)]
    source = workbook(tmp_path / "big.xlsx", {"Actions": rows})
    plan = import_plan(source).plan
    assert len(plan.actions) == 10_000
    assert plan.actions[-1].id == "action-9999" and plan.actions[-1].cost == 10_999


def test_hostile_text_stays_text(run_intl, tmp_path):
    hostile = ['=HYPERLINK("http://e.test","x")', "\u202eevil\u202c", "+1+cmd|' /C calc'!A0", "@SUM(1)"]
    rows = [["Target region", "Share"]] + [[text, 25] for text in hostile]
    source = workbook(tmp_path / "hostile.xlsx", {"Plan": rows})
    book = openpyxl.load_workbook(source)
    for cell in book["Plan"]["A"][1:]:
        cell.data_type = "s"
    book.save(source)
    out = tmp_path / "plan.toml"
    result = run_intl("import", str(source), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert [r.name for r in intl_sdk.load(out).regions] == hostile
    assert "\u202e" not in result.stdout + result.stderr


def test_csv_with_an_ansi_escape_is_shown_escaped(run_intl, tmp_path):
    source = tmp_path / "plan.csv"
    source.write_text("Target region,Share\n\x1b[31mred,24 pc\n", encoding="utf-8")
    result = run_intl("import", str(source), "-o", str(tmp_path / "plan.toml"))
    assert result.returncode == 1
    assert "\x1b" not in result.stderr and "'24 pc' is not a share" in result.stderr


def test_an_existing_plan_is_not_replaced_without_force(run_intl, tmp_path):
    source = workbook(tmp_path / "plan.xlsx", {"Plan": [["Target region", "Share"], ["India", 100]]})
    out = tmp_path / "plan.toml"
    out.write_text("format = 1\n# my notes\n", encoding="utf-8")
    line = _one_error_line(run_intl("import", str(source), "-o", str(out)))
    assert "exists" in line and out.read_text(encoding="utf-8") == "format = 1\n# my notes\n"
    assert run_intl("import", str(source), "-o", str(out), "--force").returncode == 0


def test_text_cells_are_kept_as_written_ids_stripped_and_an_id_of_spaces_is_empty():
    from intl_sdk.office.builder import ImportOptions, build_plan
    from intl_sdk.office.cells import Source, SourceTable

    rows = [["Id", "Region id", "Title", "Pillars", "Cost"],
            [" trade-1 ", "north", "  Trade mission  ", " a ,b;  c ", 1200],
            ["   ", "north", "Fair\n stand", "", 0.5]]
    table = SourceTable("Actions", [[Cell(value) for value in row] for row in rows])
    result = build_plan(Source("plan.xlsx", [table]), ImportOptions())
    first, second = result.plan.actions
    assert (first.id, first.region, first.title, first.pillars, first.cost) == (
        "trade-1", "north", "  Trade mission  ", ["a", "b", "c"], 1200)
    assert second.id is None and second.title == "Fair\n stand" and second.cost == Decimal("0.5")
    assert first.extra["imported_from"] == "plan.xlsx!Actions!A2" and result.notes == []
