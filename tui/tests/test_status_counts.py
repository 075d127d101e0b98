"""The status bar counts findings by the one plural rule the CLI and the reports use."""

from __future__ import annotations

import pytest
from textual.widgets import Static

import intl_sdk
from intl_sdk.display import severity_counts
from intl_tui.app import PlanEditorApp

from conftest import EXAMPLES

pytestmark = pytest.mark.asyncio


async def test_the_status_bar_says_1_error_4_warnings_4_infos_for_the_nwda_plan():
    path = EXAMPLES / "nwda.toml"
    app = PlanEditorApp(intl_sdk.load(path), str(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(app.query_one("#status", Static).render())
    assert "nwda.toml  1 error · 4 warnings · 4 infos" in status  # the counts right after the file, before the plan name
    assert severity_counts({"error": 1, "warning": 3, "info": 3}) == "1 error, 3 warnings, 3 infos"
