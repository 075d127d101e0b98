"""Snapshots of every tab at 80x24, 100x30 and 160x45, and of a focused Share
field showing what was typed (pytest-textual-snapshot; versions pinned by uv.lock).

Update after an intended change with: uv run pytest tui/tests/test_snapshots.py --snapshot-update
(and look at the report before committing: test_layout.py checks the text that must not be clipped).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import intl_sdk
from intl_tui.app import PlanEditorApp

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SIZES = [(80, 24), (100, 30), (160, 45)]
TABS = {"strategy": "f2", "regions": "f3", "actions": "f4", "indicators": "f5", "agreements": "f6", "offices": "f7"}


@pytest.fixture
def app(tmp_path):
    # A fixed path, so the status bar shows the same file name on every machine.
    target = tmp_path / "nwda.toml"
    shutil.copy(EXAMPLES / "nwda.toml", target)
    editor = PlanEditorApp(intl_sdk.load(target), str(target))
    editor.animation_level = "none"
    return editor


async def _settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    for widget in pilot.app.query("Input, TextArea"):
        widget.cursor_blink = False


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("tab", list(TABS))
def test_every_tab(snap_compare, app, tab, size):
    async def run_before(pilot) -> None:
        await _settle(pilot)
        await pilot.press(TABS[tab])
        await _settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


def test_a_focused_share_shows_12(snap_compare, app):
    async def run_before(pilot) -> None:
        await _settle(pilot)
        await pilot.press("f3")
        pilot.app.query_one("#form-regions #field-share").focus()
        await _settle(pilot)
        await pilot.press("1", "2")
        await _settle(pilot)

    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)
