"""What a strategist needs is on screen, unclipped, at 80x24, 100x30 and 160x45.

An approved snapshot cannot notice clipping, so these read the rendered
screen's text and look for the whole of each thing."""

from __future__ import annotations

import re

import pytest
from textual.widgets import Input

import intl_sdk
from intl_tui.app import PlanEditorApp
from intl_tui.widgets.findings import FindingsTable
from intl_tui.widgets.summary import CoverageGrid

from screen import rendered_text

pytestmark = pytest.mark.asyncio

SIZES = [(80, 24), (100, 30), (160, 45)]
COUNTS = re.compile(r"\d+ errors? · \d+ warnings? · \d+ info")


def shown(app) -> str:
    return rendered_text(app.export_screenshot())


def header_cells(app, table_id: str) -> list[str]:
    table = app.query_one(table_id)
    return [str(column.label) for column in table.ordered_columns]


async def opened(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_tab_shows_what_a_strategist_needs(nwda_copy, size):
    plan = intl_sdk.load(nwda_copy)
    app = PlanEditorApp(plan, str(nwda_copy))
    width = size[0]
    async with app.run_test(size=size) as pilot:
        await opened(app, pilot)
        # an edit, so that the header must show the unsaved marker beside the counts
        await pilot.press("f3")
        share = app.query_one("#form-regions #field-share", Input)
        share.focus()
        await pilot.press("2", "5")
        await opened(app, pilot)
        header = shown(app).splitlines()[0]
        assert "nwda.toml" in header and "● unsaved" in header and COUNTS.search(header), header

        text = shown(app)
        assert "Total 100%" in text
        for region in plan.regions:
            assert f" {region.name} " in text, f"{region.name} clipped at {size}"
        regions_columns = header_cells(app, "#table-regions")
        assert {"Region", "Share"} <= set(regions_columns)
        if width >= 100:
            assert {"Money", "Staff"} <= set(regions_columns)

        await pilot.press("f5")
        await opened(app, pilot)
        text = shown(app)
        assert "10,000 (2009)" in text and "Progress" in text
        table = app.query_one("#table-indicators")
        rows = "\n".join(text.splitlines()[table.region.y : table.region.bottom])
        assert "…" not in rows, f"an indicator cut at {size}:\n{rows}"  # long names wrap instead
        for indicator in plan.indicators[:4]:
            assert indicator.name.split()[0] in rows
        columns = header_cells(app, "#table-indicators")
        assert {"Indicator", "Target", "Progress"} <= set(columns)
        if width >= 100:
            assert {"Baseline", "Latest"} <= set(columns)
            assert "112 (2006)" in text  # a baseline with its year
        for column in columns:
            assert column in text, f"{column} header clipped at {size}"

        await pilot.press("f4")
        await opened(app, pilot)
        text = shown(app)
        assert re.search(r"Region\s+Action", text)
        assert "Continental Europe" in text and ("Emerging markets / other" in text or width < 160)  # the last rows scroll below 160x45
        if width >= 160:
            assert set(header_cells(app, "#table-actions")) == {"Region", "Action", "Pillars", "Drivers", "Cost", "Staff"}
            grid = app.query_one(CoverageGrid)
            assert grid.display and len(grid.ordered_columns) == 2 + len(plan.regions)
            assert grid.virtual_size.width <= grid.size.width, "the coverage grid shows every region without scrolling"

        await pilot.press("f6")
        await opened(app, pilot)
        assert "No agreements yet" in shown(app)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_selected_findings_message_is_shown_whole(nwda_copy, size):
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    async with app.run_test(size=size) as pilot:
        await opened(app, pilot)
        longest = max(range(len(app.findings)), key=lambda i: len(app.findings[i].message))
        table = app.query_one(FindingsTable)
        table.focus()
        table.move_cursor(row=longest)
        await pilot.pause()
        detail = app.query_one("#finding-detail")
        lines = shown(app).splitlines()[detail.region.y : detail.region.bottom]
        joined = " ".join(line.strip() for line in lines)
        assert app.findings[longest].message in joined, joined


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_a_focused_share_shows_what_is_typed(nwda_copy, size):
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    async with app.run_test(size=size) as pilot:
        await opened(app, pilot)
        await pilot.press("f3")
        app.query_one("#form-regions #field-share", Input).focus()
        await pilot.press("1", "2")
        await opened(app, pilot)
        line = next(line for line in shown(app).splitlines() if "Share (%)" in line)
        assert re.search(r"Share \(%\)\s+12\b", line), line


@pytest.mark.parametrize("size", [(79, 24), (80, 23), (40, 10)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_below_80x24_it_says_the_terminal_is_too_small(nwda_copy, size):
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    async with app.run_test(size=size) as pilot:
        await opened(app, pilot)
        text = " ".join(shown(app).split())
        assert "too small" in text and "80×24" in text
        assert "Findings" not in text


async def test_focused_fields_show_their_text_in_every_theme(nwda_copy):
    """The typed digits differ from their background in every built-in theme."""
    app = PlanEditorApp(intl_sdk.load(nwda_copy), str(nwda_copy))
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(app, pilot)
        await pilot.press("f3")
        share = app.query_one("#form-regions #field-share", Input)
        share.focus()
        await pilot.press("1", "2")
        await opened(app, pilot)
        for theme in sorted(app.available_themes):
            app.theme = theme
            await pilot.pause()
            x, y = share.region.x + share.styles.padding.left, share.region.y
            assert shown(app).splitlines()[y][x : x + 2] == "12", theme
            style = app.screen.get_style_at(x, y)
            assert style.color != style.bgcolor or style.reverse, f"{theme}: the text is the colour of its background"
            label = app.query_one("#form-regions #row-field-share .label")
            assert app.screen.get_style_at(label.region.right - 2, label.region.y).reverse, f"{theme}: the focused field is not marked"
            other = app.query_one("#form-regions #row-field-name .label")
            assert not app.screen.get_style_at(other.region.right - 2, other.region.y).reverse
