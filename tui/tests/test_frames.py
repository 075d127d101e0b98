"""What each frame shows while typing: a key and its findings are drawn together,
and a check that takes long never keeps the key off the screen."""

from __future__ import annotations

import asyncio

import pytest
from textual.screen import Screen
from textual.widgets import Input, Static

import intl_sdk
from intl_sdk.display import counted
from intl_tui.app import PlanEditorApp

from test_rechecks import SIZE, Gate, share_field

pytestmark = pytest.mark.asyncio

#: Long enough that only a hung editor reaches it, on a machine with both cores busy.
DEADLINE = 120


def _counts(plan) -> str:
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in intl_sdk.check(plan):
        counts[finding.severity.value] += 1
    return f"{counted(counts['error'], 'error')} · {counted(counts['warning'], 'warning')} · {counted(counts['info'], 'info')}"


def _record_frames(app, monkeypatch) -> tuple[list[tuple[str, str]], asyncio.Event]:
    """Each frame drawn from now on, as (the share field's value, the header's text)."""
    frames: list[tuple[str, str]] = []
    drawn = asyncio.Event()
    paint = Screen._compositor_refresh

    def recording(screen: Screen) -> None:
        paint(screen)
        if screen is app.screen:
            share = app.query_one("#form-regions #field-share", Input)
            frames.append((share.value, str(app.query_one("#status", Static).render())))
            drawn.set()

    monkeypatch.setattr(Screen, "_compositor_refresh", recording)
    return frames, drawn


async def test_a_key_and_its_findings_are_drawn_in_the_same_frame(nwda_copy, monkeypatch):
    plan = intl_sdk.load(nwda_copy)
    expected = {"24": _counts(plan)}
    plan.regions[0].share = 241
    expected["241"] = _counts(plan)
    assert expected["24"] != expected["241"]  # the key changes the counts

    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    app.LEARN_AFTER = 3600  # whole checks only
    app.HOLD_FOR_FINDINGS = 3600  # only the findings end the wait: no clock in this test
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        share = await share_field(app, pilot)
        await pilot.pause()
        assert share.value == "24"
        frames, _ = _record_frames(app, monkeypatch)
        await pilot.press("1")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert share.value == "241"
        with_key = [status for value, status in frames if value == "241"]
        assert with_key, f"the key was never drawn: {frames}"
        assert all(expected["241"] in status for status in with_key), frames  # never the new share beside old counts


async def test_a_check_that_takes_long_does_not_keep_the_key_off_the_screen(nwda_copy, monkeypatch):
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    app.LEARN_AFTER = 3600
    app.HOLD_FOR_FINDINGS = 0.05
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        share = await share_field(app, pilot)
        await pilot.pause()
        gate = Gate(intl_sdk.check)
        monkeypatch.setattr(intl_sdk, "check", gate)  # the check of the key waits until the test says
        frames, drawn = _record_frames(app, monkeypatch)
        await pilot.press("1")
        while not any(value == "241" for value, _ in frames):
            drawn.clear()
            await asyncio.wait_for(drawn.wait(), DEADLINE)
        assert not gate.released.is_set()  # drawn while its check still ran
        gate.released.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.findings == gate.check(app.plan)


async def test_a_key_typed_wrong_is_drawn_with_its_error_at_once(nwda_copy, monkeypatch):
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    app.LEARN_AFTER = 3600
    app.HOLD_FOR_FINDINGS = 3600  # were the screen held for findings, this test would hang: none come
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        share = await share_field(app, pilot)
        await pilot.pause()
        frames, drawn = _record_frames(app, monkeypatch)
        await pilot.press("x")  # not a number: no check, an error of its own
        while not any(value == "24x" for value, _ in frames):
            drawn.clear()
            await asyncio.wait_for(drawn.wait(), DEADLINE)
        assert "2 errors" in next(status for value, status in frames if value == "24x")
