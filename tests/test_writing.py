"""Saving keeps the author's file: only the lines of what changed change."""

from __future__ import annotations

import difflib
import os
import stat
import tomllib
from decimal import Decimal

import pytest

import intl_sdk
from intl_sdk import Action, Indicator, Measurement, Party, Period, Plan, Strategy, TargetRegion, Agreement, Budget

from support import EXAMPLES


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def comments(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith("#") or " # " in line]


def test_unchanged_plan_saves_to_the_same_bytes(nwda_text):
    assert intl_sdk.dumps(intl_sdk.loads(nwda_text)) == nwda_text


def test_changing_one_share_changes_exactly_that_line(tmp_path, nwda_text):
    path = tmp_path / "nwda.toml"
    path.write_text(nwda_text, encoding="utf-8")
    plan = intl_sdk.load(path)
    plan.regions[0].share = 25
    intl_sdk.dump(plan, path)
    after = path.read_text(encoding="utf-8")
    assert changed_lines(nwda_text, after) == ["-share = 24", "+share = 25"]
    assert comments(after) == comments(nwda_text)
    assert intl_sdk.load(path).regions[0].share == 25


def test_second_save_after_a_change_is_byte_identical(tmp_path, nwda_text):
    path = tmp_path / "nwda.toml"
    path.write_text(nwda_text, encoding="utf-8")
    plan = intl_sdk.load(path)
    plan.strategy.period = Period(start=2006, end=2009)
    intl_sdk.dump(plan, path)
    first = path.read_bytes()
    intl_sdk.dump(intl_sdk.load(path), path)
    assert path.read_bytes() == first


def test_edits_across_the_plan_keep_comments_and_touch_only_their_lines(nwda_text):
    plan = intl_sdk.loads(nwda_text)
    plan.strategy.name = "North West internationalisation plan"
    plan.strategy.objectives.append("Keep the region's talent")
    plan.indicators[0].target = Measurement(value=11000, year=2009)
    del plan.actions[2]  # eu-programmes-lead
    plan.actions[0].pillars.append("regional-assets")
    after = intl_sdk.dumps(plan)
    deleted_action = nwda_text[nwda_text.index('id = "eu-programmes-lead"'):]
    deleted_action = deleted_action[: deleted_action.index("[[actions]]")]
    assert comments(after) == [c for c in comments(nwda_text) if c not in comments(deleted_action)]
    diff = changed_lines(nwda_text, after)
    removed = [line for line in diff if line.startswith("-")]
    added = [line for line in diff if line.startswith("+")]
    assert '-name = "Northwest internationalisation action plan"' in removed
    assert '+    "Keep the region\'s talent",' in added  # multi-line list stays multi-line
    assert "+target = { value = 11000, year = 2009 }" in added
    assert '-id = "eu-programmes-lead"' in removed
    # 3 edited lines; the action's 8 lines (3 of them its comments) and a blank
    assert len(added) == 4 and len(removed) == 3 + 9
    assert intl_sdk.loads(after) == plan


def test_new_items_go_after_their_neighbours_in_plan_layout(nwda_text):
    plan = intl_sdk.loads(nwda_text)
    plan.regions.insert(1, TargetRegion(id="south-america", name="South America", share=1))
    after = intl_sdk.dumps(plan)
    diff = changed_lines(nwda_text, after)
    assert len(diff) == 5 and all(line.startswith("+") for line in diff)
    block = '[[regions]]\nid = "south-america"\nname = "South America"\nshare = 1\n\n[[regions]]\nid = "continental-europe"'
    assert "coordinated approach for RES priority sectors\"\n\n" + block in after
    assert intl_sdk.loads(after) == plan


def test_reordering_items_moves_their_comments_with_them():
    text = (
        "format = 1\n\n"
        "# first\n[[regions]]\nid = \"a\"  # note a\nshare = 50\n\n"
        "# second\n[[regions]]\nid = \"b\"\nshare = 50\n"
    )
    plan = intl_sdk.loads(text)
    plan.regions.reverse()
    after = intl_sdk.dumps(plan)
    assert after == (
        "format = 1\n\n"
        "# second\n[[regions]]\nid = \"b\"\nshare = 50\n\n"
        "# first\n[[regions]]\nid = \"a\"  # note a\nshare = 50\n"
    )


def test_renaming_an_id_edits_the_item_in_place():
    text = 'format = 1\n\n[[regions]]\nid = "a"  # keep me\nshare = 50\n'
    plan = intl_sdk.loads(text)
    plan.regions[0].id = "b"
    assert intl_sdk.dumps(plan) == text.replace('"a"', '"b"')


def test_unknown_keys_and_other_frameworks_data_survive_an_edit():
    text = (
        "format = 1\nfrontier = { a = 1 }\n\n[strategy]\nname = \"x\"\n\n"
        "[[agreements]]\nid = \"m\"\nframework = \"elsewhere\"\nkind = \"pact\"\nclauses = [\"a\", \"b\"]\n"
        "[agreements.ratification]\nactions = [\"joint-project\"]\n"
    )
    plan = intl_sdk.loads(text)
    plan.strategy.name = "y"
    after = intl_sdk.dumps(plan)
    assert changed_lines(text, after) == ['-name = "x"', '+name = "y"']
    assert tomllib.loads(after)["agreements"][0]["ratification"] == {"actions": ["joint-project"]}


def test_crlf_files_keep_their_line_endings():
    text = 'format = 1\r\n\r\n[[regions]]\r\nid = "a"\r\nshare = 50\r\n'
    plan = intl_sdk.loads(text)
    plan.regions.append(TargetRegion(id="b", share=50))
    after = intl_sdk.dumps(plan)
    assert "\n" not in after.replace("\r\n", "")
    assert intl_sdk.loads(after) == plan


def test_plan_from_scratch_uses_the_plan_layout():
    plan = Plan(
        frameworks=["corallia"],
        strategy=Strategy(
            name="Plan",
            period=Period(start=2006, end=2009),
            budget=Budget(amount=1_000_000, currency="GBP"),
        ),
        regions=[TargetRegion(id="india", name="India", share=Decimal("12.5"))],
        actions=[Action(id="a", region="india", pillars=["strategic-countries"], title="Visit")],
        indicators=[
            Indicator(
                id="x",
                name="X",
                baseline=Measurement(value=1, year=2006),
                target=Measurement(value=2, year=2009),
                actuals={2007: 1},
            )
        ],
        agreements=[Agreement(id="m", framework="corallia", kind="mou", parties=[Party(name="C", level="cluster-initiative")])],
    )
    text = intl_sdk.dumps(plan)
    assert text.startswith('format = 1\nframeworks = ["corallia"]\n\n[strategy]\nname = "Plan"\n')
    for line in (
        "period = { start = 2006, end = 2009 }",
        'budget = { amount = 1000000, currency = "GBP" }',
        "share = 12.5",
        "baseline = { value = 1, year = 2006 }",
        "target = { value = 2, year = 2009 }",
        'actuals = { 2007 = 1 }',
        'parties = [{ name = "C", level = "cluster-initiative" }]',
    ):
        assert line in text.splitlines()
    assert text.count("[[regions]]") == 1 and "[strategy.period]" not in text
    assert intl_sdk.loads(text) == plan


def test_dump_keeps_permissions_and_leaves_no_temporary_file(tmp_path, nwda_text):
    path = tmp_path / "plan.toml"
    path.write_text(nwda_text, encoding="utf-8")
    os.chmod(path, 0o640)
    plan = intl_sdk.load(path)
    plan.regions[1].share = 24
    intl_sdk.dump(plan, path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert os.listdir(tmp_path) == ["plan.toml"]


def test_a_failed_save_leaves_the_old_file_untouched(tmp_path, nwda_text, monkeypatch):
    path = tmp_path / "plan.toml"
    path.write_text(nwda_text, encoding="utf-8")
    plan = intl_sdk.load(path)
    plan.regions[0].share = 30

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        intl_sdk.dump(plan, path)
    assert path.read_text(encoding="utf-8") == nwda_text
    assert os.listdir(tmp_path) == ["plan.toml"]


def test_dump_to_a_new_file_then_edit_keeps_that_file(tmp_path):
    path = tmp_path / "new.toml"
    plan = Plan(strategy=Strategy(name="x"), regions=[TargetRegion(id="a", share=100)])
    intl_sdk.dump(plan, path)
    text = path.read_text(encoding="utf-8") .replace('name = "x"', 'name = "x"  # mine')
    path.write_text(text, encoding="utf-8")
    plan = intl_sdk.load(path)
    plan.regions[0].share = 90
    intl_sdk.dump(plan, path)
    assert "# mine" in path.read_text(encoding="utf-8")
    assert intl_sdk.load(path).regions[0].share == 90


def test_the_example_plans_round_trip():
    for path in EXAMPLES.glob("*.toml"):
        plan = intl_sdk.load(path)
        assert intl_sdk.loads(intl_sdk.dumps(plan)) == plan
        plan.origin = None  # written afresh, in the plan layout
        assert intl_sdk.loads(intl_sdk.dumps(plan)) == plan


def test_a_table_that_becomes_a_value_is_edited_not_rewritten():
    text = 'format = 1\n# keep\n\n[x]\na = 1\n\n[[regions]]\nid = "a"\n'
    plan = intl_sdk.loads(text)
    plan.extra["x"] = "now a string"
    after = intl_sdk.dumps(plan)  # a LayoutLostWarning would fail the test
    assert "# keep" in after and intl_sdk.loads(after) == plan


def test_dumps_refuses_a_number_load_would_refuse_rather_than_write_an_unreadable_file():
    plan = Plan(regions=[TargetRegion(id="a", share=Decimal("1E-30"))])
    with pytest.raises(ValueError, match="cannot save `share`"):
        intl_sdk.dumps(plan)
    plan.regions[0].share = 10**19
    with pytest.raises(ValueError, match="below 10\\^18"):
        intl_sdk.dumps(plan)


@pytest.mark.parametrize(
    "text", ["format = 1\nx = nan\n", "format = 1\n[strategy]\nx = { y = [1, inf] }\n", "format = 1\nx = " + "[" * 40 + "]" * 40 + "\n"]
)
def test_unknown_keys_take_any_toml_but_nan_infinity_and_deep_nesting(text):
    with pytest.raises(intl_sdk.PlanError) as caught:
        intl_sdk.loads(text)
    assert caught.value.line == text.count("\n")


@pytest.mark.parametrize("value", ["now text", [1, 2], {"a": 1}])
def test_an_array_of_tables_that_becomes_another_value_is_edited(value):
    text = 'format = 1\n# keep\n\n[[x]]\na = 1\n\n[[x]]\na = 2\n'
    plan = intl_sdk.loads(text)
    plan.extra["x"] = value
    after = intl_sdk.dumps(plan)  # no crash, no LayoutLostWarning (warnings are errors here)
    assert "# keep" in after and intl_sdk.loads(after) == plan
