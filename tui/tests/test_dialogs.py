"""The unsaved-changes dialog cannot be mis-pressed into saving or discarding."""

from __future__ import annotations

import pytest
from textual.widgets import Button, Input

import intl_sdk
from intl_tui.app import PlanEditorApp
from intl_tui.screens.dialogs import Choice

from screen import rendered_text

pytestmark = pytest.mark.asyncio


async def make_unsaved_change(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("f3")
    share = app.query_one("#form-regions #field-share", Input)
    share.focus()
    await pilot.press("ctrl+shift+a", "2", "6")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert app.dirty and app.plan.regions[0].share == 26


async def open_quit_dialog(app, pilot) -> Choice:
    await pilot.press("ctrl+q")
    await pilot.pause()
    assert isinstance(app.screen, Choice), "Ctrl+Q with unsaved changes asks"
    return app.screen


async def test_ctrl_q_then_enter_cancels_and_writes_nothing(nwda_copy):
    before = nwda_copy.read_bytes()
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    async with app.run_test(size=(100, 30)) as pilot:
        await make_unsaved_change(app, pilot)
        dialog = await open_quit_dialog(app, pilot)
        assert app.focused is dialog.query_one("#choice-cancel", Button)
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, Choice) and app.dirty
        # Right from Cancel stays on Cancel (no wrap-around to Save)
        dialog = await open_quit_dialog(app, pilot)
        await pilot.press("right", "right", "enter")
        await pilot.pause()
        assert app.is_running and app.dirty
    assert nwda_copy.read_bytes() == before


async def test_left_to_discard_then_enter_quits_without_writing(nwda_copy):
    before = nwda_copy.read_bytes()
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    async with app.run_test(size=(100, 30)) as pilot:
        await make_unsaved_change(app, pilot)
        dialog = await open_quit_dialog(app, pilot)
        await pilot.press("left")
        assert app.focused is dialog.query_one("#choice-discard", Button)
        await pilot.press("left", "left")  # stops at Save, does not wrap to Cancel
        assert app.focused is dialog.query_one("#choice-save", Button)
        await pilot.press("right", "enter")
        await pilot.pause()
    assert app.return_value == 0
    assert nwda_copy.read_bytes() == before


async def test_s_saves_and_quits(nwda_copy):
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    async with app.run_test(size=(100, 30)) as pilot:
        await make_unsaved_change(app, pilot)
        await open_quit_dialog(app, pilot)
        await pilot.press("s")
        await pilot.pause()
    assert "share = 26" in nwda_copy.read_text(encoding="utf-8")


async def test_d_discards_and_escape_and_c_cancel(nwda_copy):
    before = nwda_copy.read_bytes()
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    async with app.run_test(size=(100, 30)) as pilot:
        await make_unsaved_change(app, pilot)
        for key in ("escape", "c"):
            await open_quit_dialog(app, pilot)
            await pilot.press(key)
            await pilot.pause()
            assert app.is_running and not isinstance(app.screen, Choice), key
        await open_quit_dialog(app, pilot)
        await pilot.press("d")
        await pilot.pause()
    assert app.return_value == 0
    assert nwda_copy.read_bytes() == before


async def test_the_buttons_show_their_letters(nwda_copy):
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    async with app.run_test(size=(100, 30)) as pilot:
        await make_unsaved_change(app, pilot)
        dialog = await open_quit_dialog(app, pilot)
        labels = [str(button.label) for button in dialog.query(Button)]
        assert labels == ["[s] Save", "[d] Discard", "[c] Cancel"]
        await pilot.pause()
        assert "[s] Save" in rendered_text(app.export_screenshot()) and "[c] Cancel" in rendered_text(app.export_screenshot())
        await pilot.press("escape")
