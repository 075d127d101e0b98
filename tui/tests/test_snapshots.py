"""Snapshots of the main views (pytest-textual-snapshot; versions pinned by uv.lock).

Update after an intended change with: uv run pytest tui/tests/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import intl_sdk
from intl_tui.app import PlanEditorApp

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


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
    for input_widget in pilot.app.query("Input"):
        input_widget.cursor_blink = False


@pytest.mark.parametrize("key", ["f2", "f3", "f4", "f5", "f6"], ids=["strategy", "regions", "actions", "indicators", "agreements"])
def test_main_views(snap_compare, app, key):
    async def run_before(pilot) -> None:
        await _settle(pilot)
        await pilot.press(key)
        await _settle(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)
