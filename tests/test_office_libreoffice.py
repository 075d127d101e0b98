"""Files made and read by a real office suite: LibreOffice converts tables we write into
.xlsx, .ods then .xlsx, and .docx, which `intl import` reads; and it recalculates an exported
workbook, whose live total shows the NWDA's 99%.

Skips without LibreOffice (CI installs Debian's libreoffice-calc-nogui and
libreoffice-writer-nogui). Each test session runs soffice with its own profile,
so parallel runs do not collide.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest

import intl_sdk
from office_support import import_plan, without_imported_from
from support import EXAMPLES, require_program

pytest.importorskip("openpyxl", reason="the office extra is not installed")

# One LibreOffice profile for the file's tests: they run on one worker (pytest -n, --dist loadgroup).
pytestmark = pytest.mark.xdist_group("libreoffice")
FIXTURES = Path(__file__).parent / "fixtures" / "office"
NWDA_ROWS = [
    ("North America", "Target specific international trade/investment opportunities for RES priority sectors", "24%"),
    ("Continental Europe", "Target specific sub-sectors in key growth markets", "23%"),
    ("India", "Explore trade, investment, HEI, research etc. links with India", "12%"),
    ("China", "Inward investment lead generation and aftercare in China", "13%"),
    ("Japan", "Maintain the focus on inward investment via the NOE Japan presence", "9%"),
    ("Emerging markets / other", "Scope emerging markets: Russia, Turkey, Brazil, SE Asia, UAE", "18%"),
]


@pytest.fixture(scope="session")
def office(tmp_path_factory):
    """`convert(source, to, *options)`: soffice --convert-to, in a profile of this session's own."""
    soffice = require_program(
        "soffice", "libreoffice", why="CI installs libreoffice-calc-nogui and libreoffice-writer-nogui"
    )
    profile = tmp_path_factory.mktemp("libreoffice-profile")

    def convert(source: Path, to: str, *options: str) -> Path:
        outdir = source.parent / f"{source.stem}-{source.suffix[1:]}-to-{to.split(':')[0]}"
        outdir.mkdir()
        result = subprocess.run(
            [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", *options,
             "--convert-to", to, "--outdir", str(outdir), str(source)],
            capture_output=True, text=True, timeout=300,  # generous: only a hung soffice reaches it
        )
        made = list(outdir.iterdir())  # one file; a CSV of one sheet is named `NAME-SHEET.csv`
        assert result.returncode == 0 and len(made) == 1, (result.stdout, result.stderr)
        return made[0]

    return convert


def _nwda_csv(path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Target region", "Summary of main activities / actions", "Resource share"])
        writer.writerows(NWDA_ROWS)
    return path


def _assert_nwda(plan) -> None:
    assert [r.name for r in plan.regions] == [row[0] for row in NWDA_ROWS]
    assert [r.share for r in plan.regions] == [24, 23, 12, 13, 9, 18]
    codes = [finding.code for finding in intl_sdk.check(plan)]
    assert "shares-sum" in codes


def test_a_csv_table_saved_as_xlsx_by_libreoffice_imports(office, tmp_path):
    workbook = office(_nwda_csv(tmp_path / "nwda.csv"), "xlsx")
    result = import_plan(workbook)
    assert result.notes == []
    _assert_nwda(result.plan)


def test_an_ods_spreadsheet_saved_as_xlsx_imports(office, tmp_path):
    ods = office(_nwda_csv(tmp_path / "nwda.csv"), "ods")
    workbook = office(ods, "xlsx")
    _assert_nwda(import_plan(workbook).plan)


def test_an_html_table_typed_into_writer_and_saved_as_docx_imports(office, tmp_path):
    html = tmp_path / "nwda.html"
    shutil.copy(FIXTURES / "nwda-action-plan.html", html)
    document = office(html, "docx:MS Word 2007 XML")
    plan = import_plan(document).plan
    assert plan.strategy.name == "Northwest internationalisation action plan"
    assert [r.share for r in plan.regions] == [24, 23, 12, 13, 9, 18]
    assert "shares-sum" in [f.code for f in intl_sdk.check(plan)]


def test_an_html_indicator_table_opened_in_calc_imports_with_units(office, tmp_path):
    html = tmp_path / "indicators.html"
    shutil.copy(FIXTURES / "nwda-indicators.html", html)
    workbook = office(html, "xlsx", "--infilter=HTML (StarCalc)")
    by_name = {i.name: i for i in import_plan(workbook).plan.indicators}
    assert (by_name["Value of exports"].baseline.value, by_name["Value of exports"].unit) == (intl_sdk.loads(
        "format = 1\n[[indicators]]\nbaseline = { value = 19.6 }\n").indicators[0].baseline.value, "GBP bn")
    assert by_name["Exporters"].baseline.value == 7147 and by_name["Exporters"].target.year == 2009
    assert by_name["FDI projects per year"].baseline.extra == {"financial_year": "2005/6"}


def test_an_exported_workbook_recalculated_by_libreoffice_shows_the_total_99(office, run_intl, tmp_path):
    workbook = tmp_path / "nwda.xlsx"
    assert run_intl("export", str(EXAMPLES / "nwda.toml"), "-o", str(workbook)).returncode == 0
    # The CSV filter's options: comma, quote, UTF-8, from row 1, ..., and the 12th token: sheet 2 ("Action plan").
    recalculated = office(workbook, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2")
    rows = list(csv.reader(recalculated.read_text(encoding="utf-8").splitlines()))
    assert rows[0][:3] == ["Id", "Target region", "Share"]
    assert rows[-1][1:3] == ["Total", "99%"]


def test_a_workbook_resaved_by_libreoffice_imports_as_the_plan_exported(office, run_intl, tmp_path):
    """A colleague opens the export in a real office suite and saves it: the plan comes back."""
    for example in ("nwda.toml", "corallia.toml"):
        workbook = tmp_path / example.replace(".toml", ".xlsx")
        assert run_intl("export", str(EXAMPLES / example), "-o", str(workbook)).returncode == 0
        ods = office(workbook, "ods")
        resaved = office(ods, "xlsx")
        result = import_plan(resaved)
        assert [str(note) for note in result.notes] == []
        assert without_imported_from(result.plan) == intl_sdk.load(EXAMPLES / example)
