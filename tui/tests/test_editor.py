"""The editor, driven as a strategist drives it: keys in, screen and file out."""

from __future__ import annotations

import tomllib

import pytest
from textual.command import CommandPalette
from textual.widgets import Input

import intl_sdk
from intl_tui.app import PlanEditorApp
from intl_tui.screens.dialogs import Choice, TemplatePicker
from intl_tui.widgets.findings import FindingsTable

from screen import rendered_text

pytestmark = pytest.mark.asyncio

SIZE = (120, 40)


async def settle(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


def codes(app) -> list[str]:
    return [finding.code for finding in app.findings]


def screen_text(app) -> str:
    """What the terminal shows, line by line (read from the rendered screen, not the model)."""
    return rendered_text(app.export_screenshot())


async def shown_screen(app, pilot, screen_type) -> str:
    """The screen's text once `screen_type` is the active screen and has handled its mounting."""
    await pilot.pause()
    assert isinstance(app.screen, screen_type), f"expected {screen_type.__name__}, found {app.screen!r}"
    await app.screen.workers.wait_for_complete()
    await pilot.pause()
    return screen_text(app)


async def palette_search(app, pilot, query: str) -> None:
    """Open the palette, type `query` and wait for its providers' results (they run in workers)."""
    await pilot.press("ctrl+p", *query)
    assert isinstance(app.screen, CommandPalette)
    await app.screen.workers.wait_for_complete()
    await pilot.pause()


async def replace_text(pilot, widget: Input, text: str) -> None:
    """Select everything in the field and type over it, as a user replaces a value."""
    widget.focus()
    await pilot.pause()
    await pilot.press("ctrl+shift+a", *list(text))


async def test_nwda_share_edit_fixes_the_total_and_saves_one_line(nwda_copy):
    before = nwda_copy.read_text(encoding="utf-8")
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "shares-sum" in codes(app)
        await pilot.press("f3")
        await pilot.pause()
        assert "Total 99%" in screen_text(app) and "1 point unallocated" in screen_text(app)
        share = app.query_one("#form-regions #field-share", Input)
        assert share.value == "24"
        await replace_text(pilot, share, "25")
        await settle(app, pilot)
        assert app.plan.regions[0].share == 25
        assert "Total 100%" in screen_text(app) and "fully allocated" in screen_text(app)
        assert "shares-sum" not in codes(app)
        assert "● unsaved" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "● unsaved" not in screen_text(app)
    after = nwda_copy.read_text(encoding="utf-8")
    assert tomllib.loads(after) == tomllib.loads(before.replace("share = 24", "share = 25"))
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert changed == [("share = 24", "share = 25")] and len(before) == len(after)


async def test_selecting_a_finding_focuses_the_field_it_names(nwda_copy):
    # without the example's record of what the report does not give, the checker asks for it
    text = nwda_copy.read_text(encoding="utf-8")
    text = text.replace('not_given = ["period.start", "budget", "staff_fte"]\n', "").replace('not_given = ["baseline.year"]\n', "")
    nwda_copy.write_text(text, encoding="utf-8")
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        table = app.query_one(FindingsTable)
        row = next(i for i, f in enumerate(app.findings) if f.code == "missing-field" and f.path == "strategy.period.start")
        table.focus()
        table.move_cursor(row=row)
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is app.query_one("#form-strategy #field-period-start")
        # and a finding in a list: the indicator, its row selected and its field focused
        row = next(i for i, f in enumerate(app.findings) if f.path == "indicators.export-value.baseline.year")
        table.focus()
        table.move_cursor(row=row)
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one("TabbedContent").active == "indicators"
        assert app.focused is app.query_one("#form-indicators #field-baseline-year")
        assert app.query_one("#form-indicators #field-baseline-value").value == "19.6"


async def test_a_share_of_abc_is_shown_invalid_kept_and_blocks_saving(nwda_copy):
    before = nwda_copy.read_bytes()
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")
        share = app.query_one("#form-regions #field-share", Input)
        await replace_text(pilot, share, "abc")
        await settle(app, pilot)
        assert share.value == "abc"  # never silently changed
        assert app.plan.regions[0].share == 24  # never written to the plan
        row = app.query_one("#form-regions #row-field-share")
        assert row.has_class("-invalid")
        text = screen_text(app)
        assert "'abc' is not a number" in text and "invalid-input" in text
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert nwda_copy.read_bytes() == before
        # moving away and back keeps the typed text
        await pilot.press("f2", "f3")
        await pilot.pause()
        assert app.query_one("#form-regions #field-share", Input).value == "abc"
        await replace_text(pilot, share, "30")
        await settle(app, pilot)
        assert not row.has_class("-invalid") and app.plan.regions[0].share == 30


async def test_hostile_region_names_are_shown_literally_on_screen(tmp_path):
    path = tmp_path / "hostile.toml"
    path.write_text(
        'format = 1\n\n[strategy]\nname = "[bold red]x[/]"\n\n[[regions]]\nid = "r"\n'
        'name = "[bold red]x[/] \\u001b[31mred\\u001b[0m"\nshare = 100\n',
        encoding="utf-8",
    )
    app = PlanEditorApp(intl_sdk.load(path), str(path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")
        await pilot.pause()
        text = screen_text(app)
        assert "[bold red]x[/] \\x1b[31mred\\x1b[0m" in text
        assert "\x1b" not in text
        assert "│  [bold red]x[/]" in text  # the status bar shows the strategy's name as typed


async def test_add_duplicate_delete_and_undo(nwda_copy):
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f3", "ctrl+n")
        await settle(app, pilot)
        assert [r.id for r in app.plan.regions][1] == "new-region"
        assert app.focused is app.query_one("#form-regions #field-id")
        await pilot.press("f3", "ctrl+t")
        await settle(app, pilot)
        assert [r.id for r in app.plan.regions][2] == "new-region-copy"
        await pilot.press("ctrl+r")
        await settle(app, pilot)
        assert "new-region-copy" not in [r.id for r in app.plan.regions]
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert [r.id for r in app.plan.regions][2] == "new-region-copy"


async def test_renaming_a_region_id_renames_the_actions_references(nwda_copy):
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")
        field = app.query_one("#form-regions #field-id", Input)
        await replace_text(pilot, field, "usa-canada")
        await settle(app, pilot)
        assert app.plan.regions[0].id == "usa-canada"
        assert app.plan.actions[0].region == "usa-canada"
        assert "unknown-reference" not in codes(app)


async def test_quitting_with_unsaved_changes_asks(nwda_copy):
    before = nwda_copy.read_bytes()
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")
        await replace_text(pilot, app.query_one("#form-regions #field-share", Input), "26")
        await settle(app, pilot)
        await pilot.press("ctrl+q")
        assert "unsaved changes" in await shown_screen(app, pilot, Choice)
        await pilot.press("escape")  # cancel: still editing
        await pilot.pause()
        assert app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#choice-discard")
        await pilot.pause()
    assert nwda_copy.read_bytes() == before


async def test_saving_over_a_file_changed_on_disk_asks_first(nwda_copy):
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")
        await replace_text(pilot, app.query_one("#form-regions #field-share", Input), "25")
        await settle(app, pilot)
        nwda_copy.write_text(nwda_copy.read_text(encoding="utf-8") + "# someone else's line\n", encoding="utf-8")
        await pilot.press("ctrl+s")
        assert "changed on disk" in await shown_screen(app, pilot, Choice)
        await pilot.click("#choice-cancel")
        await pilot.pause()
        assert "# someone else's line" in nwda_copy.read_text(encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.click("#choice-overwrite")
        await pilot.pause()
    assert "share = 25" in nwda_copy.read_text(encoding="utf-8")


async def test_unknown_keys_and_other_frameworks_data_survive_an_edit(tmp_path):
    path = tmp_path / "plan.toml"
    text = (
        'format = 1\nfrontier = { a = 1 }\nframeworks = ["elsewhere"]\n\n[strategy]\nname = "x"\n\n'
        '[[regions]]\nid = "r"\nname = "R"\nshare = 100\nnotes = "keep"\n\n'
        '[[agreements]]\nid = "m"\nframework = "elsewhere"\nkind = "pact"\nclauses = ["a", "b"]\n'
    )
    path.write_text(text, encoding="utf-8")
    app = PlanEditorApp(intl_sdk.load(path), str(path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")
        await replace_text(pilot, app.query_one("#form-regions #field-name", Input), "Region R")
        await settle(app, pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert tomllib.loads(path.read_text(encoding="utf-8")) == tomllib.loads(text.replace('name = "R"', 'name = "Region R"'))


async def test_a_new_file_starts_from_a_chosen_template(tmp_path):
    path = tmp_path / "new.toml"
    app = PlanEditorApp(None, str(path))
    async with app.run_test(size=SIZE) as pilot:
        shown = await shown_screen(app, pilot, TemplatePicker)
        assert "does not exist yet" in shown and "A blank plan" in shown
        await pilot.press("enter")  # the first: the blank plan
        await settle(app, pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert intl_sdk.load(path).strategy.name == ""


async def test_the_command_palette_offers_the_apps_actions(nwda_copy):
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await palette_search(app, pilot, "add region")
        await pilot.press("enter")
        await settle(app, pilot)
        assert "new-region" in [r.id for r in app.plan.regions]
        await palette_search(app, pilot, "shares total")
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one("TabbedContent").active == "regions"


async def test_export_report_from_the_palette_writes_html_beside_the_plan(nwda_copy):
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await palette_search(app, pilot, "export report html")
        await pilot.press("enter")
        await pilot.pause()
    html = nwda_copy.with_suffix(".html").read_text(encoding="utf-8")
    assert "<h1>Northwest internationalisation action plan</h1>" in html


async def test_a_number_beyond_the_readers_limits_is_refused_where_typed(nwda_copy):
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")
        share = app.query_one("#form-regions #field-share", Input)
        await replace_text(pilot, share, "1" + "0" * 19)
        await settle(app, pilot)
        assert app.plan.regions[0].share == 10**17  # the last value typed that the reader accepts
        assert app.query_one("#form-regions #row-field-share").has_class("-invalid")
        assert "below 10^18" in screen_text(app)


async def test_keys_typed_in_one_burst_after_tab_reach_the_field_tab_moved_to(nwda_copy):
    """A terminal delivers fast typing (or typing ahead of a busy editor) in one read."""
    from textual import events

    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")
        for key, character in [("tab", "\t"), ("tab", "\t"), ("tab", "\t"), ("1", "1"), ("2", "2")]:
            app._driver.send_message(events.Key(key, character))  # all queued before any is handled
        await settle(app, pilot)
        assert app.focused is app.query_one("#form-regions #field-share")
        assert app.focused.value == "12" and app.plan.regions[0].share == 12


async def test_a_list_tab_is_built_when_first_shown_and_keys_typed_right_after_reach_it(nwda_copy):
    from textual import events

    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        # the first screen builds the Strategy tab only
        assert not app.query("#pane-regions") and not app.query("#pane-actions")
        # F3 then Down in one read, as a terminal delivers typing ahead: Down moves the new list's cursor
        app.post_message(events.Key("f3", None))
        app.post_message(events.Key("down", None))
        await pilot.pause()
        assert app.query_one("TabbedContent").active == "regions"
        pane = app.pane("regions")
        assert pane.selected_index == 1
        assert app.query_one("#form-regions #field-id", Input).value == app.plan.regions[1].id
        assert not app.query("#pane-actions")  # still not needed
