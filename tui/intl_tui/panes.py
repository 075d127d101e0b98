"""The tabs' contents: the strategy form, and a list with its form for each kind of item."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Container, Vertical
from textual.widgets import DataTable, Static
from textual.widgets.data_table import ColumnKey

from intl_tui.fields import FIELDS, get_value
from intl_tui.rows import COLUMNS, FLEX, ORDER, ROW, SHOWN, SIDE_BY_SIDE, context
from intl_tui.widgets.form import PlanForm
from intl_tui.widgets.items_table import ItemsTable
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


WIDTH_CLASSES = ((160, "wide"), (100, "medium"), (0, "narrow"))
FORM_WIDTH = {"narrow": 42, "medium": 50, "wide": 64}  # beside the list, border included


def width_class(width: int) -> str:
    """"narrow" (80 to 99 columns), "medium" (100 to 159) or "wide" (160 and more)."""
    return next(name for least, name in WIDTH_CLASSES if width >= least)


class ItemsPane(Vertical):
    """A table of one kind of item with the form of the selected one: beside
    the list where the width allows, under it where it does not. The columns
    shown follow the width (`rows.SHOWN`); the widest column takes what is left."""

    DEFAULT_CSS = """
    ItemsPane > .body { height: 1fr; layout: vertical; }
    ItemsPane.-side > .body { layout: horizontal; }
    ItemsPane .list { width: 1fr; height: 1fr; }
    ItemsPane .list > DataTable.items { height: 1fr; }
    ItemsPane PlanForm { height: 1fr; border-top: hkey $foreground 30%; }
    ItemsPane.-side PlanForm { height: 1fr; border-top: none; border-left: vkey $foreground 30%; }
    ItemsPane .empty { color: $text-muted; padding: 1 2; height: auto; display: none; }
    ItemsPane.-empty .empty { display: block; }
    ItemsPane.-empty DataTable.items { display: none; }
    ItemsPane CoverageGrid { display: none; }
    ItemsPane.-coverage CoverageGrid { display: block; }
    """

    def __init__(self, collection: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.collection = collection
        self._row_of: list[int] = []  # table row -> item index
        self._columns: tuple[str, ...] = ()
        self._flex = FLEX[collection]
        self._fitted: tuple = ()  # (width class, columns, flex width) the table was built for
        self._shared: object = None  # what the rows share (rows.context), as of the last reload
        self.show_coverage: bool | None = None  # None: as the width suggests

    def compose(self) -> ComposeResult:
        if self.collection == "regions":
            yield SharesSummary(id="shares")
        with Container(classes="body"):
            with Vertical(classes="list"):
                yield Static(f"No {self.collection} yet. Ctrl+N adds one.", classes="empty")
                yield ItemsTable(id=f"table-{self.collection}", classes="items", cursor_type="row", zebra_stripes=True)
                if self.collection == "actions":
                    yield CoverageGrid(id="coverage")
            yield PlanForm(FIELDS[self.collection], id=f"form-{self.collection}")

    @property
    def table(self) -> ItemsTable:
        return self.query_one(f"#table-{self.collection}", ItemsTable)

    @property
    def form(self) -> PlanForm:
        return self.query_one(PlanForm)

    @property
    def items(self) -> list:
        return getattr(self.app.plan, self.collection)

    # -- fitting the width -------------------------------------------------------

    def _fit(self) -> tuple:
        """Where the form goes and which columns show, for the app's width now."""
        width = self.app.size.width
        kind = width_class(width)
        side = kind in SIDE_BY_SIDE[self.collection]
        self.set_class(side, "-side")
        form_width = FORM_WIDTH[kind] if side else None
        self.form.styles.width = form_width if side else "1fr"
        coverage = self.show_coverage if self.show_coverage is not None else kind == "wide"
        self.set_class(self.collection == "actions" and coverage, "-coverage")
        list_width = width - (form_width or 0)
        return (kind, SHOWN[self.collection][kind], list_width)

    def refit(self) -> None:
        """Rebuild the table if the width now asks for other columns or another layout."""
        if self._fitted and self._fit() != self._fitted[:3]:
            self.reload()

    def on_resize(self) -> None:
        self.refit()

    # -- the table -------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        """Rebuild the table (after items were added, deleted or renamed, or the width changed)."""
        plan = self.app.plan
        keep = self.selected_index if select is None else select
        fit = self._fit()
        kind, shown, list_width = fit
        all_columns = COLUMNS[self.collection]
        picks = [all_columns.index(name) for name in shown]
        shared = context(plan, self.collection)
        row_of = ORDER[self.collection](plan)
        make_row = ROW[self.collection]
        rows = []
        natural = [len(name) for name in shown]
        for index in row_of:
            cells = make_row(plan, index, shared)
            picked = [cells[p] for p in picks]
            for column, cell in enumerate(picked):
                if cell.cell_len > natural[column]:
                    natural[column] = cell.cell_len
            rows.append((index, picked))
        flex = shown.index(FLEX[self.collection])
        table = self.table
        padding = 2 * table.cell_padding * len(shown) + 2  # cell padding, and the scrollbar
        others = sum(width for column, width in enumerate(natural) if column != flex)
        flex_width = max(12, min(natural[flex], list_width - others - padding))
        table.clear(columns=True)
        widths = [flex_width if column == flex else natural[column] for column in range(len(shown))]
        for column, (name, width) in enumerate(zip(shown, widths)):
            # widths measured here, not left to the table: its measuring is deferred and can
            # lose a race with the first paint after a rebuild (cells cut to the header's width)
            key = table.add_column(name, key=name, width=width)
            if column != flex:  # may still grow while a value is typed (update_row)
                table.columns[key].auto_width = True
                table.columns[key].content_width = width
        wrap = self.collection != "actions"  # thousands of actions: their titles end in "…" instead
        for index, cells in rows:
            if wrap and cells[flex].cell_len > flex_width:
                # a name longer than its column wraps onto a second line rather than being cut
                long = cells[flex].copy()
                long.no_wrap, long.overflow = False, "fold"
                cells = [*cells[:flex], long, *cells[flex + 1 :]]
                table.add_row(*cells, key=str(index), height=None)
            else:
                table.add_row(*cells, key=str(index))
        self._columns = shown
        self._flex = FLEX[self.collection]
        self._fitted = (*fit, flex_width)
        self._row_of = row_of
        self._shared = shared
        self.set_class(not row_of, "-empty")
        self.refresh_summaries()
        if row_of:
            self.select(keep if keep is not None and keep < len(self.items) else row_of[0])
        else:
            self.form.display = False

    def update_row(self, index: int, renamed: bool = False) -> None:
        """Redraw one item's row after an edit of it. What the rows share (a region's
        count of actions: a walk of every action) is kept from the last reload: an
        edit of one item changes it only by a new id (`renamed`)."""
        plan = self.app.plan
        if renamed or self._shared is None:
            self._shared = context(plan, self.collection)
        cells = ROW[self.collection](plan, index, self._shared)
        table = self.table
        shown = {column: cell for column, cell in zip(COLUMNS[self.collection], cells) if column in self._columns}
        if table.replace_row(str(index), shown):
            return  # that row repainted, not the table
        for column, cell in zip(COLUMNS[self.collection], cells):
            if column in self._columns:
                wider = column != self._flex and cell.cell_len > table.columns[ColumnKey(column)].content_width
                # only a wider cell asks the table to measure (narrower would re-measure the whole column)
                table.update_cell(str(index), column, cell, update_width=wider)

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
        form.load({f.key: get_value(item, plan, f) for f in form.fields}, self.app.typed_for(item), item=item)

    def target(self):
        index = self.selected_index
        return None if index is None else self.items[index]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table is self.table:
            self.load_form(self.selected_index)
