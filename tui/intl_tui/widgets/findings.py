"""The live findings panel: the checker's findings and the fields typed wrong,
with the selected one told in full underneath."""

from __future__ import annotations

from typing import Iterable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import DataTable, Static
from textual.widgets.data_table import ColumnKey, RowKey

from intl_sdk.display import printable
from intl_sdk.findings import Finding

_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_PADDING = 2  # DataTable's cell padding, both sides


class FindingsTable(DataTable):
    """Findings, one a row; Enter (or a click) jumps to the field a finding names.
    The message takes the width the other columns leave; the detail line under
    the table gives the highlighted finding whole."""

    DEFAULT_CSS = """
    FindingsTable { height: 1fr; }
    FindingsTable:nocolor > .datatable--cursor { text-style: reverse bold; }
    """

    class Jump(Message):
        def __init__(self, location: tuple) -> None:
            super().__init__()
            self.location = location

    class Highlighted(Message):
        """The highlighted finding changed (None: there are none)."""

        def __init__(self, row: tuple | None) -> None:
            super().__init__()
            self.row = row  # (severity, code, path, message, location, line, hint)

    # as FieldInput's: its own size never changes, so a change of what it scrolls needs no layout pass
    virtual_size = Reactive(Size(0, 0), layout=False)

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, show_header=False, **kwargs)
        self._shown: list[tuple] = []
        self._made: list[list[Text]] = []  # the cells of each row shown
        self._layout: tuple = ()

    def on_resize(self) -> None:
        self._fill(self._shown, force=True)

    def show(self, findings: Iterable[Finding], typed: Iterable[tuple[tuple, str, str]] = ()) -> None:
        """Replace the rows (only when something changed: cheap while typing)."""
        rows = [("error", "invalid-input", path, message, location, None, "") for location, path, message in typed]
        rows += [(f.severity.value, f.code, f.path, f.message, f.location, f.line, f.hint) for f in findings]
        self._fill(rows)

    def _fill(self, rows: list[tuple], force: bool = False) -> None:
        width = self.size.width or self.app.size.width
        columns = ["severity", "message"] + (["code", "where"] if width >= 150 else [])
        natural = {"severity": 7, "where": max((len(printable(r[2])) for r in rows), default=5), "code": max((len(r[1]) for r in rows), default=4)}
        fixed = sum(natural[c] + _PADDING for c in columns if c != "message")
        layout = (tuple(columns), max(20, width - fixed - _PADDING - 2))
        if rows == self._shown and (layout == self._layout or not force):
            return
        before, self._shown = self._shown, rows
        cursor = self.cursor_row
        if layout != self._layout:
            self.clear(columns=True)
            self._layout = layout
            for column in columns:
                self.add_column(column, key=column, width=layout[1] if column == "message" else natural[column])
            before = []
        elif len(before) - len(rows) > 16:
            self.clear()  # each removal renumbers the rows left: past a few, refill
            before = []
        # Row i is always keyed str(i): rows that are still there are updated in place,
        # only where they changed, and rows come and go at the end. A keystroke changes
        # a finding or two of hundreds; rebuilding the table cost more than the check.
        # The table's height is fixed: rows removed change what it scrolls, not the
        # screen's layout (remove_row asks for a layout pass: a tenth of a key's time).
        required = self._layout_required
        for index in reversed(range(len(rows), len(before))):
            self.remove_row(str(index))
        self._layout_required = required
        made = dict(zip(before, self._made)) if len(self._made) == len(before) else {}
        self._made = []
        changed = False
        keys = self._column_keys
        for index, row in enumerate(rows):
            cells = made.get(row) or self._cells(row, columns)
            self._made.append(cells)
            if index >= len(before):
                self.add_row(*cells, key=str(index))
            elif row != before[index]:
                # DataTable.update_cell, less the repaint of the whole table it asks for each cell
                self._data[RowKey(str(index))] = dict(zip(keys, cells))
                changed = True
        if changed:
            self._update_count += 1
            self.refresh()
        if rows:
            self.move_cursor(row=min(cursor, len(rows) - 1), animate=False)
        self.post_message(self.Highlighted(self.row_at(self.cursor_row)))

    @staticmethod
    def _cells(row: tuple, columns: list[str]) -> list[Text]:
        severity, code, path, message = row[:4]
        cells = {
            "severity": Text(severity, style=_STYLES[severity]),
            "message": Text(printable(message), no_wrap=True, overflow="ellipsis"),
            "where": Text(printable(path), style="dim"),
            "code": Text(printable(code), style="dim"),
        }
        return [cells[column] for column in columns]

    def _update_dimensions(self, new_rows) -> None:
        # Every column has its width set and every row is one line high, so
        # measuring each new row's cells (DataTable does, on idle) tells nothing:
        # skip it, keep the rest (the virtual size), and update the scrollbar
        # (which a layout pass would do; a scrollbar shown or hidden still asks for one).
        super()._update_dimensions(())
        self._scroll_update(self.virtual_size)

    @property
    def _column_keys(self) -> list[ColumnKey]:
        return [column.key for column in self.ordered_columns]

    def row_at(self, row: int) -> tuple | None:
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def location_at(self, row: int) -> tuple | None:
        shown = self.row_at(row)
        return None if shown is None else shown[4]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.post_message(self.Highlighted(self.row_at(event.cursor_row)))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        location = self.location_at(event.cursor_row)
        if location is not None:
            self.post_message(self.Jump(location))


class FindingsPanel(Vertical):
    """A title with the counts, the findings table, and the highlighted finding in full."""

    DEFAULT_CSS = """
    FindingsPanel { height: auto; }
    FindingsPanel > #findings-title { height: 1; width: 100%; background: $panel; color: $text; padding: 0 1; }
    FindingsPanel > FindingsTable { height: 4; }
    FindingsPanel > #finding-detail { height: 3; padding: 0 1; background: $boost; }
    """

    note: str | None = None

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._texts: dict[str, Text] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="findings-title")
        yield FindingsTable(id="findings")
        yield Static(id="finding-detail")

    def say(self, note: str | None) -> None:
        """Tell where the last jump landed and why (None: the usual help)."""
        self.note = note
        self._title()

    def _title(self) -> None:
        title = Text("Findings", style="bold")
        count = len(self.query_one(FindingsTable)._shown)
        title.append(f" ({count})" if count else ": none", style="bold")
        if self.note:
            title.append(f"   ▸ {self.note}", style="bold")
        else:
            title.append("   F8 goes there, Enter jumps to the field", style="dim")
        title.no_wrap = True
        title.overflow = "ellipsis"
        self._update("#findings-title", title)

    def on_findings_table_highlighted(self, event: FindingsTable.Highlighted) -> None:
        self._title()
        if event.row is None:
            self._update("#finding-detail", Text("Nothing to fix.", style="dim"))
            return
        severity, code, path, message, _, line, hint = event.row
        # the message first, so that it shows whole at any size; then where and how to fix it
        text = Text(f"{severity}: ", style=_STYLES[severity])
        text.append(printable(message), style="bold")
        text.append(f"  {printable(code)} at {printable(path) or 'the plan'}" + (f", line {line}" if line else ""), style="dim")
        if hint:
            text.append(f". {printable(hint)}", style="dim")
        self._update("#finding-detail", text)

    def _update(self, selector: str, text: Text) -> None:
        """Repaint a line of fixed height only when its text changed (no layout pass: it costs
        as much as the rest of a keystroke on a large plan)."""
        if self._texts.get(selector) != text:
            self._texts[selector] = text
            self.query_one(selector, Static).update(text, layout=False)
