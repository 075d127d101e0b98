"""The tabs' contents: the strategy form, and a list with its form for each kind of item."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Static

from intl_tui.fields import FIELDS, get_value
from intl_tui.rows import COLUMNS, ORDER, ROW, context
from intl_tui.widgets.form import PlanForm
from intl_tui.widgets.summary import CoverageGrid, SharesSummary


class StrategyPane(Vertical):
    collection = "strategy"

    def compose(self) -> ComposeResult:
        yield PlanForm(FIELDS["strategy"], id="form-strategy")

    @property
    def form(self) -> PlanForm:
        return self.query_one(PlanForm)

    def reload(self) -> None:
        plan = self.app.plan
        self.form.load({f.key: get_value(plan.strategy, plan, f) for f in self.form.fields}, self.app.typed_for(plan.strategy))

    def target(self):
        return self.app.plan.strategy


class ItemsPane(Vertical):
    """A table of one kind of item beside the form of the selected one."""

    DEFAULT_CSS = """
    ItemsPane > Horizontal { height: 1fr; }
    ItemsPane .list { width: 3fr; }
    ItemsPane .list > DataTable.items { height: 1fr; }
    ItemsPane PlanForm { width: 2fr; min-width: 44; border-left: vkey $foreground 20%; }
    ItemsPane .empty { color: $text-muted; padding: 1 2; height: auto; display: none; }
    ItemsPane.-empty .empty { display: block; }
    """

    def __init__(self, collection: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.collection = collection
        self._row_of: list[int] = []  # table row -> item index

    def compose(self) -> ComposeResult:
        if self.collection == "regions":
            yield SharesSummary(id="shares")
        with Horizontal():
            with Vertical(classes="list"):
                yield Static(f"No {self.collection} yet. Ctrl+N adds one.", classes="empty")
                yield DataTable(id=f"table-{self.collection}", classes="items", cursor_type="row", zebra_stripes=True)
                if self.collection == "actions":
                    yield CoverageGrid(id="coverage")
            yield PlanForm(FIELDS[self.collection], id=f"form-{self.collection}")

    def on_mount(self) -> None:
        table = self.table
        for column in COLUMNS[self.collection]:
            table.add_column(column, key=column)

    @property
    def table(self) -> DataTable:
        return self.query_one(f"#table-{self.collection}", DataTable)

    @property
    def form(self) -> PlanForm:
        return self.query_one(PlanForm)

    @property
    def items(self) -> list:
        return getattr(self.app.plan, self.collection)

    # -- the table -------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        """Rebuild the table (after items were added, deleted or renamed)."""
        plan = self.app.plan
        keep = self.selected_index if select is None else select
        table = self.table
        table.clear()
        shared = context(plan, self.collection)
        row_of = ORDER[self.collection](plan)
        for index in row_of:
            table.add_row(*ROW[self.collection](plan, index, shared), key=str(index))
        self._row_of = row_of
        self.set_class(not row_of, "-empty")
        self.refresh_summaries()
        if row_of:
            self.select(keep if keep is not None and keep < len(self.items) else row_of[0])
        else:
            self.form.display = False

    def update_row(self, index: int) -> None:
        plan = self.app.plan
        cells = ROW[self.collection](plan, index, context(plan, self.collection) if self.collection == "regions" else None)
        table = self.table
        for column, cell in zip(COLUMNS[self.collection], cells):
            table.update_cell(str(index), column, cell)

    def refresh_summaries(self) -> None:
        plan = self.app.plan
        if self.collection == "regions":
            self.query_one(SharesSummary).show(plan)
        elif self.collection == "actions":
            self.query_one(CoverageGrid).show(plan)

    @property
    def selected_index(self) -> int | None:
        table = self.table
        if not self._row_of or table.cursor_row is None or not 0 <= table.cursor_row < len(self._row_of):
            return None
        return self._row_of[table.cursor_row]

    def select(self, index: int) -> None:
        if index not in self._row_of:
            return
        self.table.move_cursor(row=self._row_of.index(index), animate=False)
        self.load_form(index)

    def load_form(self, index: int | None) -> None:
        form = self.form
        if index is None or index >= len(self.items):
            form.display = False
            return
        form.display = True
        item = self.items[index]
        plan = self.app.plan
        form.load({f.key: get_value(item, plan, f) for f in form.fields}, self.app.typed_for(item))

    def target(self):
        index = self.selected_index
        return None if index is None else self.items[index]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table is self.table:
            self.load_form(self.selected_index)
