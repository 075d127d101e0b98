"""The office extra stays out of the core: `import intl_sdk` and `intl check` never import it,
and without it `intl import` and `intl export` say in one line what to install."""

from __future__ import annotations

import subprocess
import sys

from support import EXAMPLES

OFFICE_MODULES = ("openpyxl", "docx", "lxml", "et_xmlfile", "intl_sdk.office")


def test_importing_the_core_and_checking_a_plan_import_no_office_module():
    code = (
        "import sys, intl_sdk; intl_sdk.load; from intl_sdk.cli import main; "
        f"status = main(['check', {str(EXAMPLES / 'nwda.toml')!r}]); "
        f"print([m for m in {OFFICE_MODULES!r} if m in sys.modules], file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stderr.strip().splitlines()[-1] == "[]", result.stderr


def _without_the_extra(*args: str) -> subprocess.CompletedProcess[str]:
    """`intl ARGS` in a Python where openpyxl and python-docx cannot be imported."""
    code = (
        "import sys; sys.modules['openpyxl'] = None; sys.modules['docx'] = None; "
        f"from intl_sdk.cli import main; sys.exit(main({list(args)!r}))"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)


def test_without_the_extra_import_and_export_say_what_to_install(tmp_path):
    source = tmp_path / "plan.xlsx"
    source.write_bytes(b"PK")
    result = _without_the_extra("import", str(source), "-o", str(tmp_path / "plan.toml"))
    assert result.returncode == 2
    assert result.stderr == ("intl import: error: reading .xlsx needs openpyxl and python-docx: "
                             "install the office extra: pip install 'intl-sdk[office]'\n")
    result = _without_the_extra("export", str(EXAMPLES / "nwda.toml"), "-o", str(tmp_path / "out.xlsx"))
    assert result.returncode == 2
    assert result.stderr == "intl export: error: writing .xlsx needs openpyxl: install the office extra: pip install 'intl-sdk[office]'\n"
    assert not (tmp_path / "plan.toml").exists() and not (tmp_path / "out.xlsx").exists()


def test_csv_needs_no_extra(tmp_path):
    source = tmp_path / "plan.csv"
    source.write_text("Target region,Share\nIndia,100\n", encoding="utf-8")
    result = _without_the_extra("import", str(source), "-o", str(tmp_path / "plan.toml"))
    assert result.returncode == 0, result.stderr
    result = _without_the_extra("export", str(tmp_path / "plan.toml"), "--format", "csv", "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
