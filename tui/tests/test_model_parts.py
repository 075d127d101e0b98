"""The rest of the report's model in the editor: offices abroad (F7), the drivers an
action and the strategy answer, the methodology's contents on the Strategy tab, and
an agreement's funds and staff. Driven by keys; the saved file is read back."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, TextArea

import intl_sdk
from intl_tui.app import PlanEditorApp
from intl_tui.fields import FIELDS, parse
from intl_tui.widgets.editors import CheckList

from screen import rendered_text

SIZE = (120, 40)


async def settle(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def type_over(pilot, widget, text: str) -> None:
    """Select what the field holds and type `text` in its place, as a user does."""
    widget.focus()
    await pilot.pause()
    if isinstance(widget, TextArea):
        widget.select_all()
        await pilot.press(*list(text) if text else ["delete"])
    else:
        await pilot.press("ctrl+shift+a", *list(text) if text else ["delete"])


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    return [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]


@pytest.mark.asyncio
async def test_f7_lists_the_nwda_offices_and_an_edit_saves_one_line(nwda_copy):
    before = nwda_copy.read_text(encoding="utf-8")
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f7")
        await pilot.pause()
        table = app.query_one("#table-offices", DataTable)
        assert app.focused is table and table.row_count == 2
        shown = rendered_text(app.export_screenshot())
        assert "ukti-china" in shown and "NOE Japan presence" in shown and "UKTI embassies/consulates" in shown
        await pilot.press("down")  # the NOE Japan presence
        await pilot.pause()
        assert app.query_one("#form-offices #field-name", Input).value == "NOE Japan presence"
        await type_over(pilot, app.query_one("#form-offices #field-location", Input), "Tokyo")
        await settle(app, pilot)
        assert app.plan.offices[1].location == "Tokyo"
        await pilot.press("ctrl+s")
        await pilot.pause()
    after = nwda_copy.read_text(encoding="utf-8")
    assert changed_lines(before, after) == [('location = "Japan"', 'location = "Tokyo"')]


@pytest.mark.asyncio
async def test_an_office_added_with_ctrl_n_is_checked_against_its_regions_share(nwda_copy):
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f7")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert len(app.plan.offices) == 3 and app.plan.offices[1].id == "new-office"
        await type_over(pilot, app.query_one("#form-offices #field-region", Input), "atlantis")
        await settle(app, pilot)
        assert any(f.code == "unknown-reference" and f.path == "offices.new-office.region" for f in app.findings)
        await type_over(pilot, app.query_one("#form-offices #field-region", Input), "india")
        await settle(app, pilot)
        assert not [f for f in app.findings if f.path.startswith("offices.")]
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = intl_sdk.load(nwda_copy)
    assert [(o.id, o.region) for o in saved.offices] == [("ukti-china", "china"), ("new-office", "india"), ("noe-japan", "japan")]


@pytest.mark.asyncio
async def test_an_actions_drivers_are_ticked_in_a_checklist(nwda_copy):
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        before = next(f for f in app.findings if f.code == "driver-unanswered")
        assert "6 skills" in before.message
        await pilot.press("f4")
        await pilot.pause()
        checklist = app.query_one("#form-actions #field-drivers", CheckList)
        index = app.pane("actions").selected_index
        assert checklist.selected == app.plan.actions[index].drivers == ["global-markets"]
        checklist.focus()
        await pilot.pause()
        for _ in range(5):  # to 6. Skills increasingly needed by all
            await pilot.press("down")
        await pilot.press("space")
        await settle(app, pilot)
        assert app.plan.actions[index].drivers == ["global-markets", "skills"]
        after = next(f for f in app.findings if f.code == "driver-unanswered")
        assert after.message.endswith("2 of the 7 global drivers are answered by no action: 2 population-change, 7 energy-environment")


@pytest.mark.asyncio
async def test_the_methodology_takes_references_or_words_on_the_strategy_tab(nwda_copy):
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        consensus = app.query_one("#form-strategy #field-methodology-consensus", TextArea)
        await type_over(pilot, consensus, "Agreed with the cluster boards")
        await settle(app, pilot)
        assert app.plan.methodology.consensus == "Agreed with the cluster boards"
        value_web = app.query_one("#form-strategy #field-methodology-value-web", TextArea)
        await type_over(pilot, value_web, "actions.supply-chain-excellence, actions.nowhere")
        await settle(app, pilot)
        assert app.plan.methodology.value_web == ["actions.supply-chain-excellence", "actions.nowhere"]
        (unknown,) = [f for f in app.findings if f.code == "unknown-reference"]
        assert unknown.path == "methodology.value_web[1]"
        incomplete = next(f for f in app.findings if f.code == "methodology-incomplete")
        assert incomplete.message.endswith("does not address 1 of its 7 minimum contents: 1 driver_mechanisms")
        await pilot.press("ctrl+s")
        await pilot.pause()
    text = nwda_copy.read_text(encoding="utf-8")
    assert 'consensus = "Agreed with the cluster boards"' in text
    assert 'value_web = ["actions.supply-chain-excellence", "actions.nowhere"]' in text
    assert "# -- The methodology's minimum contents" in text  # the file's comments are kept


@pytest.mark.asyncio
async def test_an_agreements_funds_and_staff_answer_agreement_resources(tmp_path):
    path = tmp_path / "plan.toml"
    path.write_text(
        'format = 1\nframeworks = ["elsewhere"]\n[strategy]\nname = "x"\n'
        '[[agreements]]\nid = "m"\nframework = "elsewhere"\nkind = "mou"\npartner = "P"\nstatus = "signed"\n',
        encoding="utf-8",
    )
    app = PlanEditorApp(intl_sdk.load(path), str(path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "agreement-resources" in [f.code for f in app.findings]
        await pilot.press("f6")
        await pilot.pause()
        await type_over(pilot, app.query_one("#form-agreements #field-funds", Input), "40,000")
        await settle(app, pilot)
        assert app.plan.agreements[0].funds == 40_000
        assert "agreement-resources" not in [f.code for f in app.findings]
        await type_over(pilot, app.query_one("#form-agreements #field-staff-fte", Input), "half")
        await settle(app, pilot)
        assert app.plan.agreements[0].staff_fte is None  # invalid text is never written to the plan
        assert app.query_one("#form-agreements #row-field-staff-fte").has_class("-invalid")


def test_methodology_text_is_references_only_when_every_part_is_one():
    field = next(f for f in FIELDS["strategy"] if f.key == "@methodology.consensus")
    assert parse(field, "indicators.exporters, actions.a-b") == ["indicators.exporters", "actions.a-b"]
    assert parse(field, "See indicators.exporters") == "See indicators.exporters"
    assert parse(field, "", current=["indicators.exporters"]) is None  # cleared
    assert parse(field, "", current="words") == ""
