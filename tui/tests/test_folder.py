"""`intl edit DIR`: the plans of a folder, a row each with its summary and findings; Enter opens one."""

from __future__ import annotations

import shutil

import pytest
from textual.widgets import DataTable

from intl_tui.screens.portfolio import COLUMNS, PortfolioApp

from conftest import EXAMPLES
from screen import rendered_text

pytestmark = pytest.mark.asyncio


@pytest.fixture
def folder(tmp_path):
    shutil.copytree(EXAMPLES / "regions", tmp_path / "regions")
    shutil.copy(EXAMPLES / "nwda.toml", tmp_path / "nwda.toml")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (tmp_path / "broken.toml").write_text('format = 1\n[strategy]\nname = 3\n', encoding="utf-8")
    return tmp_path


def rows(app) -> list[list[str]]:
    table = app.query_one("#plans", DataTable)
    return [[str(cell) for cell in table.get_row_at(index)] for index in range(table.row_count)]


async def test_every_plan_is_a_row_with_its_summary_and_findings_counts(folder):
    app = PortfolioApp(str(folder))
    async with app.run_test(size=(160, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = rows(app)
        by_plan = {row[0]: dict(zip((key for _, key, _ in COLUMNS), row)) for row in table}
        assert set(by_plan) == {"nwda.toml"} | {f"regions/{n}.toml" for n in ("asturias", "finnode", "lazio", "montreal", "nrw", "slovenia")}
        assert by_plan["nwda.toml"]["shares"] == "99%" and by_plan["nwda.toml"]["errors"] == "1"
        assert by_plan["regions/lazio.toml"]["budget"] == "EUR 3,000,000" and by_plan["regions/lazio.toml"]["period"] == "2008–2010"
        assert by_plan["regions/slovenia.toml"]["offices"] == "7" and by_plan["regions/slovenia.toml"]["shares"] == "not given"
        screen = rendered_text(app.export_screenshot())
        assert "7 plans, 1 file not readable. Enter opens a plan." in screen
        assert "cannot read" in screen and "broken.toml:3" in screen  # the broken plan, named with its line
        assert "pyproject.toml" not in screen  # not a plan: skipped, as intl compare skips it


async def test_enter_opens_the_plan_under_the_cursor_and_escape_quits(folder):
    app = PortfolioApp(str(folder))
    async with app.run_test(size=(120, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("down", "down")
        expected = app.paths[2]
        await pilot.press("enter")
    assert app.return_value == expected
    quitting = PortfolioApp(str(folder))
    async with quitting.run_test(size=(120, 30)) as pilot:
        await quitting.workers.wait_for_complete()
        await pilot.press("escape")
    assert quitting.return_value is None


async def test_coming_back_from_a_plan_puts_the_cursor_on_it(folder):
    app = PortfolioApp(str(folder), select=str(folder / "regions" / "lazio.toml"))
    async with app.run_test(size=(120, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.query_one("#plans", DataTable)
        assert app.paths[table.cursor_row].endswith("lazio.toml")


async def test_plan_text_is_shown_as_text(tmp_path):
    (tmp_path / "evil.toml").write_text(
        'format = 1\nframeworks = []\n[strategy]\nname = "x"\norganisation = "[b]Evil[/] \\u001b[31m"\n', encoding="utf-8"
    )
    app = PortfolioApp(str(tmp_path))
    async with app.run_test(size=(120, 20)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert rows(app)[0][1] == "[b]Evil[/] \\x1b[31m"  # markup as characters, the escape made visible
