"""A target worded as a change ("increase", seed 001, line 1312) in the editor:
shown in its own field, and kept when the other target fields are cleared."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Select

import intl_sdk
from intl_tui.app import PlanEditorApp
from intl_tui.fields import FIELDS, set_value

from conftest import EXAMPLES


def field(key: str):
    return next(f for f in FIELDS["indicators"] if f.key == key)


def test_clearing_a_qualitative_targets_value_keeps_its_change():
    plan = intl_sdk.load(EXAMPLES / "nwda.toml")
    indicator = next(i for i in plan.indicators if i.id == "fdi-gva-share")
    set_value(indicator, plan, field("target.year"), None)
    assert indicator.target is not None and indicator.target.change == "increase"
    set_value(indicator, plan, field("target.change"), None)
    assert indicator.target is None  # nothing left: the empty table goes


@pytest.mark.asyncio
async def test_the_indicators_form_shows_the_change(nwda_copy):
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    async with app.run_test(size=(160, 45)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("f5")
        await pilot.pause()
        table = app.query_one("#table-indicators", DataTable)
        row = next(i for i, indicator in enumerate(app.plan.indicators) if indicator.id == "fdi-gva-share")
        table.focus()
        table.move_cursor(row=row)
        await pilot.pause()
        assert app.query_one("#form-indicators #field-target-change", Select).value == "increase"
