"""`intl edit DIR`: the plans in a folder, a row each, and Enter to open one.

The folder app reads the plans in a worker thread, one at a time, with the
summaries `intl compare` uses (a row appears as each plan is read), and
exits with the path of the plan chosen. `run_folder` then opens that plan
in the editor and, when the editor closes, shows the folder again with the
plan's row read anew, until the user quits the list.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Static

from intl_sdk.display import counted, printable

__all__ = ["PortfolioApp", "run_folder", "COLUMNS"]

#: The summary row: (header, compare column key, widest cell). Cell texts come
#: from `intl compare`'s columns; long ones are cut, so that the figures and the
#: findings counts fit in 120 columns.
COLUMNS = (
    ("Plan", "plan", 28),
    ("Organisation", "organisation", 22),
    ("Home region", "home", 18),
    ("Period", "period", None),
    ("Budget", "budget", None),
    ("Regions", "regions", None),
    ("Shares", "shares", 12),
    ("Offices", "offices", None),
    ("E", "errors", None),
    ("W", "warnings", None),
    ("I", "infos", None),
)


def _cut(text: str, width: int | None) -> str:
    return text if width is None or len(text) <= width else text[: width - 1] + "…"


class PortfolioApp(App[str]):
    """The plans under a folder; exits with the path of the one chosen (None: quit)."""

    TITLE = "intl edit"
    CSS = """
    Screen { layout: vertical; }
    #folder-status { height: 1; background: $panel; text-wrap: nowrap; text-overflow: ellipsis; }
    #plans { height: 1fr; }
    #not-plans { height: auto; max-height: 6; color: $text-muted; }
    DataTable:nocolor > .datatable--cursor { text-style: reverse bold; }
    """
    BINDINGS = [
        Binding("enter", "open_plan", "Open", priority=True),
        Binding("escape", "quit_list", "Quit", show=False),
        Binding("ctrl+q", "quit_list", "Quit", priority=True),
    ]

    def __init__(self, folder: str, select: str | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.select = select
        self.paths: list[str] = []  # a plan's path per row, in the table's order
        self.problems: list[str] = []  # files that are not readable plans, as lines to show
        self.finished = False

    def compose(self) -> ComposeResult:
        yield Static(id="folder-status")
        table: DataTable[Any] = DataTable(id="plans", cursor_type="row", zebra_stripes=True)
        table.add_columns(*(header for header, _, _ in COLUMNS))
        yield table
        yield Static(id="not-plans")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.theme = "textual-dark"
        self._status()
        self.query_one("#plans", DataTable).focus()
        self._read()

    @work(thread=True, exclusive=True)
    def _read(self) -> None:
        from intl_sdk.compare.collect import Unreadable, summarise_file
        from intl_sdk.compare.summary import PlanSummary
        from intl_sdk.plan_files import find_toml_files

        for path, _named in find_toml_files([self.folder], recursive=True):
            result = summarise_file(path)
            if isinstance(result, PlanSummary):
                self.call_from_thread(self._add_row, result)
            elif isinstance(result, Unreadable):
                self.call_from_thread(self._add_problem, f"cannot read {result.message}")
        self.call_from_thread(self._done)

    def _add_row(self, summary: Any) -> None:
        import os

        from intl_sdk.compare.columns import column

        label = os.path.relpath(summary.path, self.folder)
        cells = [Text(_cut(printable(column(key).text(summary, label)), width)) for _, key, width in COLUMNS]
        table = self.query_one("#plans", DataTable)
        table.add_row(*cells, key=summary.path)
        self.paths.append(summary.path)
        if self.select is not None and os.path.abspath(summary.path) == os.path.abspath(self.select):
            table.move_cursor(row=len(self.paths) - 1)
        self._status()

    def _add_problem(self, line: str) -> None:
        self.problems.append(line)
        self.query_one("#not-plans", Static).update(Text("\n".join(printable(p) for p in self.problems)))
        self._status()

    def _done(self) -> None:
        self.finished = True
        self._status()

    def _status(self) -> None:
        reading = "" if self.finished else "reading... "
        unread = f", {counted(len(self.problems), 'file')} not readable" if self.problems else ""
        text = (
            f"{printable(self.folder)}: {reading}{counted(len(self.paths), 'plan')}{unread}. "
            "Enter opens a plan. E W I: errors, warnings, infos."
        )
        self.query_one("#folder-status", Static).update(Text(text))

    def action_open_plan(self) -> None:
        table = self.query_one("#plans", DataTable)
        if not self.paths or table.cursor_row is None or not 0 <= table.cursor_row < len(self.paths):
            self.bell()
            return
        self.exit(self.paths[table.cursor_row])

    def action_quit_list(self) -> None:
        self.exit(None)


def run_folder(folder: str) -> int:
    """The folder's list; each plan chosen opens in the editor, then the list again."""
    import intl_sdk
    from intl_tui.app import PlanEditorApp

    chosen: str | None = None
    while True:
        chosen = PortfolioApp(folder, select=chosen).run()
        if chosen is None:
            return 0
        try:
            plan = intl_sdk.load(chosen)
        except intl_sdk.PlanError:
            continue  # it changed since it was listed; the list shows it as not readable now
        PlanEditorApp(plan, chosen).run()
