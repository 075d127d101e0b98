"""Checking while typing: only the checks that read what changed run again, one
check at a time, and what is shown is what a whole check finds."""

from __future__ import annotations

import asyncio
import sys
import threading
from decimal import Decimal
from pathlib import Path

import pytest
from textual.widgets import Input

import intl_sdk
from intl_sdk import model
from intl_tui.app import PlanEditorApp
from intl_tui.rechecks import everything, learn, recheck

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from plan_factory import make_plan_text  # noqa: E402

SIZE = (120, 40)


def test_rechecking_what_an_edit_changed_finds_what_a_whole_check_finds():
    plan = intl_sdk.loads(make_plan_text(actions=240, regions=12, indicators=30))
    learned = learn(plan, cancelled=lambda: False)
    assert learned is not None and everything(learned) == intl_sdk.check(plan)
    region, action, indicator, agreement = plan.regions[0], plan.actions[5], plan.indicators[3], plan.agreements[0]
    edits = [
        (region, "share", Decimal("30.5")),  # staff-exceeded goes, shares-sum changes
        (region, "share", Decimal("0.5015")),  # share-precision comes
        (region, "name", ""),  # region-name-empty, and the messages that name the region
        (action, "title", ""),  # missing-field
        (action, "cost", 10**9),  # budget-exceeded
        (action, "region", "nowhere"),  # unknown-reference, and a region without its action
        (action, "pillars", []),  # action-without-pillars
        (indicator, "direction", "sideways"),  # invalid-value
        (indicator, "target", model.Measurement(value=1, year=2030)),  # a nested table, replaced
        (agreement, "status", "draft"),
        (plan.strategy, "staff_fte", 10_000),  # no region over its staff any more
        (plan.strategy.budget, "amount", 1),  # reached through Strategy.budget
    ]
    for target, attribute, value in edits:
        setattr(target, attribute, value)
        changed = {(type(target).__name__, attribute)}
        if target is plan.strategy.budget:
            changed = {("Strategy", "budget")}  # as the editor says it: the field's table on its item
        again = recheck(plan, learned, changed)
        assert again is not None
        assert len(again) < len(learned.reads) / 2, f"{attribute}: {sorted(again)}"
        learned.findings.update(again)
        assert everything(learned) == intl_sdk.check(plan), f"after {type(target).__name__}.{attribute} = {value!r}"


def test_learning_is_given_up_when_the_plan_changes_meanwhile():
    plan = intl_sdk.loads(make_plan_text(actions=24, regions=4, indicators=6))
    assert learn(plan, cancelled=lambda: True) is None
    # and the model's classes read as before
    assert "__getattribute__" not in vars(model.TargetRegion) and plan.regions[0].id == "region-0"


class Gate:
    """Stands in for intl_sdk.check: counts the calls, and holds the first one
    until `open` (so that keys are typed while a check runs, by construction)."""

    def __init__(self, check) -> None:
        self.check = check
        self.calls: list[list[str] | None] = []
        self.entered = threading.Event()
        self.released = threading.Event()

    def __call__(self, plan, *args, **kwargs):
        self.calls.append(kwargs.get("select"))
        if len(self.calls) == 1:
            self.entered.set()
            assert self.released.wait(120), "never released"
        return self.check(plan, *args, **kwargs)


async def share_field(app, pilot) -> Input:
    await pilot.press("f3")
    share = app.query_one("#form-regions #field-share", Input)
    share.focus()
    await pilot.pause()
    await pilot.press("end")  # not the whole text selected, as a focused field has it
    return share


@pytest.mark.asyncio
async def test_keys_typed_during_a_check_are_checked_together_once_it_ends(nwda_copy, monkeypatch):
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    app.LEARN_AFTER = 3600  # whole checks only here
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        share = await share_field(app, pilot)
        gate = Gate(intl_sdk.check)
        monkeypatch.setattr(intl_sdk, "check", gate)
        await pilot.press("1")
        await asyncio.get_running_loop().run_in_executor(None, gate.entered.wait, 120)
        await pilot.press("2", "3")
        assert len(gate.calls) == 1  # the keys typed meanwhile start no check of their own
        gate.released.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert share.value == "24123" and app.plan.regions[0].share == 24123
        assert len(gate.calls) == 2  # one more, for the plan as the last key left it
        assert app.findings == gate.check(app.plan)
        assert any(f.code == "share-range" for f in app.findings)


@pytest.mark.asyncio
async def test_a_share_typed_re_runs_the_checks_that_read_shares_and_shows_what_a_whole_check_finds(nwda_copy, monkeypatch):
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    app.LEARN_AFTER = 3600  # learned when the test says
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.learn_checks()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app._learned is not None
        share = await share_field(app, pilot)
        check = intl_sdk.check
        calls: list = []
        monkeypatch.setattr(intl_sdk, "check", lambda plan, *a, **k: calls.append(k.get("select")) or check(plan, *a, **k))
        for key in ("0", "backspace", "backspace", "1"):
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.findings == check(app.plan), f"after {key} the share reads {share.value!r}"
        assert share.value == "21" and "shares-sum" in {f.code for f in app.findings}
        assert calls and all(select is not None and "shares-sum" in select and "duplicate-action" not in select for select in calls)
        # an item added: the whole check
        await pilot.press("ctrl+n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert calls[-1] is None and app.findings == check(app.plan)


@pytest.mark.asyncio
async def test_keys_typed_while_learning_do_not_throw_the_learning_away(nwda_copy, monkeypatch):
    """Someone who opens a plan and types at once never pauses for a second: what
    each check reads is still learned, and the keys after it re-run only those checks."""
    from intl_tui import checking

    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    app.LEARN_AFTER = 3600  # learned when the test says
    learning, typed = threading.Event(), threading.Event()
    real_learn = checking.learn

    def learn_after_a_key(plan, cancelled):
        learning.set()
        assert typed.wait(120), "no key came"
        return real_learn(plan, cancelled)

    monkeypatch.setattr(checking, "learn", learn_after_a_key)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        share = await share_field(app, pilot)
        app.learn_checks()
        await asyncio.get_running_loop().run_in_executor(None, learning.wait, 120)
        await pilot.press("1")  # typed while the checks are being learned
        typed.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert share.value == "241"
        assert app._learned is not None  # kept
        assert app.findings == intl_sdk.check(app.plan)  # the plan as typed, checked whole
        check = intl_sdk.check
        calls: list = []
        monkeypatch.setattr(intl_sdk, "check", lambda plan, *a, **k: calls.append(k.get("select")) or check(plan, *a, **k))
        await pilot.press("backspace")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert calls and all(select is not None and "shares-sum" in select for select in calls)  # only the checks that read shares
        assert app.findings == check(app.plan)
