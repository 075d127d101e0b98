"""A list's table whose rows can be redrawn one at a time.

DataTable.update_cell counts each update as a change of the whole table: every
render it keeps (lines, rows, cells) is keyed by that count, so the next paint
renders every row in view again. Typing in a share changes one row of a table
of 200 regions, or of 5,000 actions; `replace_row` changes that row's cells and
forgets what was rendered for that row alone.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowKey

__all__ = ["ItemsTable"]


class ItemsTable(DataTable):
    def replace_row(self, row_key: str, cells: dict[str, Text]) -> bool:
        """Give a row new cells and repaint that row only. False (nothing done) when
        that is not enough: a cell wider than its column, a row of more than one line."""
        key = RowKey(row_key)
        index = self._row_locations.get(key)
        row = self.rows.get(key)
        if index is None or row is None or row.auto_height or row.height != 1:
            return False
        columns = {ColumnKey(name): cell for name, cell in cells.items()}
        for column_key, cell in columns.items():
            column = self.columns.get(column_key)
            if column is None or cell.cell_len > column.get_render_width(self) - 2 * self.cell_padding:
                return False
        data = self._data[key]
        if all(data.get(column_key) == cell for column_key, cell in columns.items()):
            return True
        data.update(columns)
        region = self._get_row_region(index)
        for cache in (self._row_render_cache, self._cell_render_cache):
            for cache_key in [k for k in cache.keys() if k[0] == key]:
                cache.discard(cache_key)
        self._row_renderable_cache.discard((self._update_count, index))
        for cache_key in [k for k in self._line_cache.keys() if region.y <= k[0] < region.bottom]:
            self._line_cache.discard(cache_key)
        self.refresh_row(index)
        return True
