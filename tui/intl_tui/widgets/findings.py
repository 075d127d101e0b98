"""The live findings panel: the checker's findings and the fields typed wrong."""

from __future__ import annotations

from typing import Iterable

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from intl_sdk.display import printable
from intl_sdk.findings import Finding

_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


class FindingsTable(DataTable):
    """Findings, one a row; Enter (or a click) jumps to the field a finding names."""

    DEFAULT_CSS = """
    FindingsTable { height: 1fr; }
    """

    class Jump(Message):
        def __init__(self, location: tuple) -> None:
            super().__init__()
            self.location = location

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self._locations: list[tuple] = []
        self._shown: list[tuple] = []

    def on_mount(self) -> None:
        self.add_column("", key="severity", width=8)
        self.add_column("code", key="code", width=22)
        self.add_column("where", key="where", width=26)
        self.add_column("message", key="message")

    def show(self, findings: Iterable[Finding], typed: Iterable[tuple[tuple, str, str]] = ()) -> None:
        """Replace the rows (only when something changed: cheap while typing)."""
        rows = [("error", "invalid-input", path, message, location) for location, path, message in typed]
        rows += [(f.severity.value, f.code, f.path, f.message, f.location) for f in findings]
        if rows == self._shown:
            return
        self._shown = rows
        cursor = self.cursor_row
        self.clear()
        self._locations = []
        for index, (severity, code, path, message, location) in enumerate(rows):
            self._locations.append(location)
            self.add_row(
                Text(severity, style=_STYLES[severity]),
                Text(printable(code)),
                Text(printable(path), style="dim"),
                Text(printable(message)),
                key=str(index),
            )
        if rows:
            self.move_cursor(row=min(cursor, len(rows) - 1), animate=False)

    def location_at(self, row: int) -> tuple | None:
        return self._locations[row] if 0 <= row < len(self._locations) else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        location = self.location_at(event.cursor_row)
        if location is not None:
            self.post_message(self.Jump(location))
