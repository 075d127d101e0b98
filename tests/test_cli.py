"""The `intl` command line through its installed entry point."""

from __future__ import annotations

import subprocess
import sys

from support import EXAMPLES


def test_version_and_help(run_intl):
    version = run_intl("--version")
    assert version.returncode == 0 and version.stdout.startswith("intl-sdk ")
    help_text = run_intl("--help")
    assert help_text.returncode == 0
    for command in ("show", "schema"):
        assert command in help_text.stdout
        sub = run_intl(command, "--help")
        assert sub.returncode == 0 and "usage: intl " + command in sub.stdout


def test_no_command_prints_help_and_exits_2(run_intl):
    result = run_intl()
    assert result.returncode == 2 and "usage: intl" in result.stdout


def test_show_prints_the_plan_and_its_running_total(run_intl):
    result = run_intl("show", str(EXAMPLES / "nwda.toml"))
    assert result.returncode == 0, result.stderr
    assert "Northwest internationalisation action plan" in result.stdout
    assert "99%" in result.stdout and "1 point unallocated" in result.stdout
    assert "Offices abroad" in result.stdout and "UKTI embassies/consulates" in result.stdout


def test_a_broken_plan_is_one_line_with_file_and_line_and_no_traceback(run_intl, tmp_path):
    plan = tmp_path / "bad.toml"
    plan.write_text('format = 1\n[[regions]]\nid = "a"\nshare = "abc"\n', encoding="utf-8")
    result = run_intl("show", str(plan))
    assert result.returncode == 2
    assert result.stderr == f"error: {plan}:4:9: `regions[0].share` must be a number, not the string 'abc'\n"
    assert "Traceback" not in result.stderr


def test_hostile_text_is_shown_literally(run_intl, tmp_path):
    plan = tmp_path / "hostile.toml"
    plan.write_text(
        'format = 1\n[strategy]\nname = "[bold red]x[/] \\u001b[31mred \\u001b]8;;http://e.test\\u0007link"\n',
        encoding="utf-8",
    )
    result = run_intl("show", str(plan))
    assert result.returncode == 0
    assert "[bold red]x[/]" in result.stdout
    assert "\x1b" not in result.stdout and "\\x1b[31mred" in result.stdout


def test_python_dash_m_runs_the_same_command():
    result = subprocess.run([sys.executable, "-m", "intl_sdk", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("intl-sdk ")


def test_importing_the_core_does_not_import_textual_or_rich():
    code = "import sys, intl_sdk; intl_sdk.load; bad = [m for m in ('textual', 'rich') if m in sys.modules]; print(bad)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr


def test_edit_refuses_a_broken_plan_with_one_line_and_leaves_it_untouched(run_intl, tmp_path):
    plan = tmp_path / "bad.toml"
    plan.write_bytes(b'format = 1\n[[regions]]\nid = "a"\nshare = "abc"\n')
    result = run_intl("edit", str(plan))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"error: {plan}:4:9: `regions[0].share` must be a number, not the string 'abc'"]
    assert plan.read_bytes() == b'format = 1\n[[regions]]\nid = "a"\nshare = "abc"\n'
