"""`intl diff`: what changed between two versions of a plan, and nothing else."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

import intl_sdk
from intl_sdk.diff import diff_plans

from support import EXAMPLES


@pytest.fixture
def india_13(tmp_path, nwda_text):
    path = tmp_path / "nwda.toml"
    assert nwda_text.count("share = 12\n") == 1
    path.write_text(nwda_text.replace("share = 12\n", "share = 13\n"), encoding="utf-8")
    return path


def test_indias_share_change_the_new_total_and_the_finding_gone_and_nothing_else(run_intl, india_13):
    result = run_intl("diff", str(EXAMPLES / "nwda.toml"), str(india_13))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "India: share 12% → 13%",
        "shares total 99% → 100%",
        "error[shares-sum] went away: target-region shares total 99%: 1 percentage point unallocated; every "
        "share is a whole number, so the gap may come from rounding each to a whole percentage (6 shares: up to 3 "
        "percentage points)",
    ]
    data = json.loads(run_intl("diff", str(EXAMPLES / "nwda.toml"), str(india_13), "--format", "json").stdout)
    assert [(c["kind"], c["path"], c["old"], c["new"]) for c in data["changes"]] == [
        ("share-changed", "regions.india.share", 12, 13),
        ("shares-total", "regions", 99, 100),
        ("finding-resolved", "regions", "shares-sum", None),
    ]


def test_no_changes_exits_0(run_intl):
    result = run_intl("diff", str(EXAMPLES / "nwda.toml"), str(EXAMPLES / "nwda.toml"))
    assert result.returncode == 0 and result.stdout == "No changes.\n"


def test_renames_moves_actuals_targets_and_statuses():
    old = intl_sdk.load(EXAMPLES / "corallia.toml")
    new = intl_sdk.load(EXAMPLES / "corallia.toml")
    new.regions[0].id = "partners"
    new.actions[0].region = "partners"
    new.actions[1].pillars.append("strategic-countries")
    new.agreements[0].status = "signed"
    new.agreements.pop()
    plan_old = intl_sdk.load(EXAMPLES / "nwda.toml")
    plan_new = intl_sdk.load(EXAMPLES / "nwda.toml")
    plan_new.indicators[0].target.value = 11000
    plan_new.indicators[0].actuals[2007] = 7600
    kinds = [c.kind for c in diff_plans(old, new).changes]
    assert "region-renamed" in kinds and "region-added" not in kinds and "region-removed" not in kinds
    assert "action-moved" in kinds and "action-pillars" in kinds
    assert "agreement-status" in kinds and "agreement-removed" in kinds
    texts = [c.text for c in diff_plans(plan_old, plan_new).changes]
    assert "Exporters: target 10,000 (2009) → 11,000 (2009)" in texts
    assert "Exporters: new actual 2007 = 7,600" in texts


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_against_a_git_revision(run_intl, tmp_path, nwda_text):
    repo = tmp_path / "plans"
    repo.mkdir()
    plan = repo / "nwda.toml"
    plan.write_text(nwda_text, encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "add", "nwda.toml"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "plan"], cwd=repo, check=True)
    plan.write_text(nwda_text.replace("share = 12\n", "share = 13\n"), encoding="utf-8")
    result = run_intl("diff", "--git", "HEAD", str(plan))
    assert result.returncode == 1 and result.stdout.splitlines()[0] == "India: share 12% → 13%"
    missing = run_intl("diff", "--git", "no-such-rev", str(plan))
    assert missing.returncode == 2 and "git show no-such-rev" in missing.stderr and "Traceback" not in missing.stderr
