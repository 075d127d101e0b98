"""The shares total and bar (regions tab) and the pillar x region coverage grid (actions tab)."""

from __future__ import annotations

from decimal import Decimal

from rich.text import Text
from textual.widgets import DataTable, Static

from intl_sdk.checks.context import as_decimal, format_number
from intl_sdk.display import counted, printable
from intl_sdk.model import Plan
from intl_sdk.views import HUNDRED, coverage

_PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#edc948", "#76b7b2", "#e15759", "#9c755f", "#bab0ac", "#ff9da7")


class SharesSummary(Static):
    """The running total of shares, what is unallocated or over, and a bar of the shares."""

    DEFAULT_CSS = """
    SharesSummary { height: 2; padding: 0 1; }
    """

    _plan: Plan | None = None
    _shown: Text | None = None

    def on_resize(self) -> None:
        if self._plan is not None:
            self.show(self._plan)

    def show(self, plan: Plan) -> None:
        self._plan = plan
        strategy = plan.strategy
        # what views.allocation gives, less the actions' costs and staff: the
        # summary is redrawn at every key typed in a share, and those walk every action
        shares = [(as_decimal(region.share), region.name or region.id or f"region {index + 1}") for index, region in enumerate(plan.regions)]
        total = sum((share for share, _ in shares if share is not None), Decimal(0))
        gap = HUNDRED - total
        budget = as_decimal(strategy.budget.amount) if strategy.budget else None
        currency = strategy.budget.currency if strategy.budget else None
        text = Text("Total ", style="bold")
        text.append(f"{format_number(total)}%", style="bold green" if gap == 0 else "bold red")
        if gap > 0:
            text.append(f"  ·  {counted(gap, 'point')} unallocated", style="red")
        elif gap < 0:
            text.append(f"  ·  {counted(-gap, 'point')} over-allocated", style="red")
        else:
            text.append("  ·  fully allocated", style="green")
        if budget is not None:
            text.append(f"  ·  budget {format_number(budget)} {printable(currency or '')}", style="dim")
        text.append("\n")
        width = max(10, (self.size.width or 80) - 4)
        scale = max(total, HUNDRED)
        used = 0
        for index, (share, name) in enumerate(shares):
            if share is None or share <= 0:
                continue
            cells = int(round(share / scale * width))
            colour = _PALETTE[index % len(_PALETTE)]
            label = printable(name)[: max(cells - 1, 0)]
            text.append(label.ljust(cells, " ")[:cells], style=f"black on {colour}")
            used += cells
        if gap > 0:
            cells = max(1, int(round(gap / scale * width)))
            text.append("░" * cells, style="red")
        if text != self._shown:  # two lines, fixed height: repaint, no layout pass
            self._shown = text
            self.update(text, layout=False)


_PILLAR_SHORT = {
    "competitive-sectors": "Competitive sectors",
    "science-rd-hei": "Science, R&D, HEI",
    "strategic-countries": "Strategic countries",
    "regional-assets": "Regional assets",
    "international-connections": "Connections",
    "european-policy": "European policy",
}


def two_lines(name: str, width: int) -> Text:
    """A region's name in at most two lines of `width`, by words; a word too long ends in "…"."""
    lines: list[str] = []
    for word in name.split():
        word = word if len(word) <= width else word[: width - 1] + "…"
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        elif len(lines) < 2:
            lines.append(word)
        else:
            lines[-1] = (lines[-1] + " " + word)[: width - 1] + "…"
            break
    return Text("\n".join(lines))


class CoverageGrid(DataTable):
    """Pillars down, regions across: how many actions serve each; uncovered
    pillars in red. Every region fits the width: names on two lines, by words;
    past a width of 7 a column the grid scrolls, the pillar column fixed."""

    DEFAULT_CSS = """
    CoverageGrid { height: 9; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="none", show_cursor=False, header_height=2, fixed_columns=2, **kwargs)
        self._shape: tuple = ()
        self._plan: Plan | None = None

    def on_resize(self) -> None:
        if self._plan is not None:
            self.show(self._plan)

    def show(self, plan: Plan) -> None:
        self._plan = plan
        view = coverage(plan)
        width = self.size.width or self.app.size.width
        pillar_width, all_width = 22, 4
        regions = max(len(view.regions), 1)
        room = width - (pillar_width + all_width + 4 * self.cell_padding + 2)
        column = max(7, min(14, room // regions - 2 * self.cell_padding))
        shape = (view.regions, tuple(sorted(view.actions.items())), column)
        if shape == self._shape:
            return
        self._shape = shape
        self.clear(columns=True)
        self.add_column("pillar", key="pillar", width=pillar_width)
        self.add_column("all", key="all", width=all_width)
        for position, (_, name) in enumerate(view.regions):  # by position: two regions may share an id
            self.add_column(two_lines(printable(name), column), key=f"r:{position}", width=column)
        for pillar in view.pillars:
            uncovered = pillar.id in view.uncovered
            style = "bold red" if uncovered else ""
            cells: list = [
                Text(f"{pillar.number} {_PILLAR_SHORT.get(pillar.id, pillar.title)}", style=style, no_wrap=True, overflow="ellipsis"),
                Text("none" if uncovered else str(view.pillar_total(pillar.id)), style=style),
            ]
            for region_id, _ in view.regions:
                count = view.count(pillar.id, region_id)
                cells.append(Text(str(count) if count else "·", style="bold" if count else "dim"))
            self.add_row(*cells, key=pillar.id)
