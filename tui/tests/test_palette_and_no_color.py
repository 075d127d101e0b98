"""The command palette lists commands before findings, one line a finding;
with NO_COLOR the selection in every list is still visible."""

from __future__ import annotations

import pytest
from textual.command import CommandList, CommandPalette

import intl_sdk
from intl_tui.app import PlanEditorApp
from intl_tui.widgets.findings import FindingsTable

from screen import rendered_text

pytestmark = pytest.mark.asyncio


async def palette_prompts(app, pilot) -> list[str]:
    await pilot.press("ctrl+p")
    await pilot.pause()
    palette = app.screen
    assert isinstance(palette, CommandPalette)
    await palette.workers.wait_for_complete()  # the providers' discovery has been gathered
    await pilot.pause()
    listed = palette.query_one(CommandList)
    return [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]


async def test_commands_first_then_one_line_jump_entries(nwda_copy):
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        prompts = await palette_prompts(app, pilot)
        jumps = [i for i, p in enumerate(prompts) if "Jump to finding" in p]
        commands = [i for i, p in enumerate(prompts) if "Jump to finding" not in p]
        assert len(jumps) == len(app.findings) and commands
        assert max(commands) < min(jumps), prompts
        assert any("Save" in prompts[i] for i in commands) and any("Add region" in prompts[i] for i in commands)
        for i in jumps:
            assert "\n" not in prompts[i].strip()  # no help line under a jump entry
        assert prompts[jumps[0]].startswith(f"Jump to finding: {app.findings[0].severity.value} {app.findings[0].message}")


async def test_typing_in_the_palette_still_ranks_commands_above_findings(nwda_copy):
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("ctrl+p", *"share")
        palette = app.screen
        await palette.workers.wait_for_complete()
        await pilot.pause()
        listed = palette.query_one(CommandList)
        prompts = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert any("shares total 99%" in p for p in prompts)
        await pilot.press("escape")


async def test_hostile_finding_text_is_plain_in_the_palette(tmp_path):
    path = tmp_path / "plan.toml"
    path.write_text('format = 1\n\n[strategy]\nname = "x"\n\n[[regions]]\nid = "r"\nname = "[bold]R[/bold]"\nshare = 50\n', encoding="utf-8")
    app = PlanEditorApp(intl_sdk.load(path), str(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("ctrl+p", *"bold")
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        assert "[bold]R[/bold]" in rendered_text(app.export_screenshot())
        await pilot.press("escape")


async def test_no_color_keeps_the_selection_visible(nwda_copy, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    async with app.run_test(size=(160, 45)) as pilot:
        assert app.no_color
        await app.workers.wait_for_complete()
        await pilot.pause()
        # the findings cursor: reverse video on its row
        table = app.query_one(FindingsTable)
        table.focus()
        table.move_cursor(row=2)
        await pilot.pause()
        x, y = table.region.x + 10, table.region.y + 2 - table.scroll_offset.y
        assert app.screen.get_style_at(x, y).reverse
        assert not app.screen.get_style_at(x, y + 1).reverse
        # chosen pillars say so in text, not only in colour
        await pilot.press("f4")
        await pilot.pause()
        shown = rendered_text(app.export_screenshot())
        assert "[x] 1. Developing internationally" in shown and "[ ] 2. Maximising the international" in shown
        # the list's cursor row too
        items = app.query_one("#table-actions")
        items.focus()
        await pilot.pause()
        assert app.screen.get_style_at(items.region.x + 3, items.region.y + 1).reverse


async def test_add_from_the_palette_builds_the_list_tab_it_adds_to(nwda_copy):
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        actions = len(app.plan.actions)
        assert not app.query("#pane-actions")  # not built on the Strategy tab
        await pilot.press("ctrl+p", *"Add action")
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(app.plan.actions) == actions + 1
        assert app.query_one("TabbedContent").active == "actions"
        assert app.focused is app.query_one("#form-actions #field-id")
