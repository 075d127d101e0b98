"""A plan as the tables an export writes: Strategy, Action plan, Actions, Indicators,
Agreements and Findings, with the headers `headers` reads back, and what could not be kept.

The Action plan carries the derived money and staff per region (formulas on
the Strategy sheet's budget and staff, so they follow an edited share) and a
total row; Indicators carry progress (latest actual, share of the way,
status). Derived columns are recognised and left out by an import.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any, Callable

from attrs import define, field

from intl_sdk.methodology import METHODOLOGY_KEYS
from intl_sdk.model import Plan
from intl_sdk.office.cellout import (
    Losses,
    OutCell,
    date_out,
    fits_plain_cell,
    number_out,
    text_fits,
    text_out,
    toml_out,
    unknown_out,
)
from intl_sdk.office.cells import Cell, column_letter
from intl_sdk.office.headers import KINDS, Column, header_for, normalise, resolve
from intl_sdk.office.numbers import NotReadable, parse_year
from intl_sdk.office.strategy_sheet import LABELS, PLAN_KEYS, Label, label_for, resolve_label

__all__ = ["Export", "OutTable", "plan_tables"]

SKIPPED_KEYS = ("imported_from",)  # where an import found an item: recorded again by the next import
_LIST_SEPARATORS = (",", ";", "\n")


@define
class OutTable:
    kind: str
    sheet: str
    headers: list[str]
    rows: list[list[OutCell]] = field(factory=list)
    total: list[OutCell] | None = None  # the Action plan's total row


@define
class Export:
    tables: list[OutTable]
    lost: Losses
    title: str | None


_PLACES: dict[int, tuple[list, list[str]]] = {}  # id(items) -> (items, their places), during one export


def _where(kind: str, items: list, index: int) -> str:
    """`regions.india`, or `regions[3]` for an item without an id of its own (as findings name them)."""
    cached = _PLACES.get(id(items))
    if cached is None or cached[0] is not items:
        counts = Counter(item.id for item in items)
        places = [f"{kind}.{item.id}" if isinstance(item.id, str) and counts[item.id] == 1 else f"{kind}[{number}]"
                  for number, item in enumerate(items)]
        cached = _PLACES[id(items)] = (items, places)
    return cached[1][index]


def _simple_list(values: list[str]) -> bool:
    return all(v.strip() == v and text_fits(v) and not any(s in v for s in _LIST_SEPARATORS) for v in values)


@define
class _Column:
    header: str
    cell: Callable[[int], OutCell]


def _list_column(kind: str, key: str, items: list, lost: Losses) -> _Column:
    lists = [getattr(item, key) for item in items]
    toml = not all(_simple_list(values) for values in lists)
    header = header_for(Column("field", key, toml=toml), KINDS[kind])
    if toml:
        return _Column(header, lambda i: toml_out(lists[i] or None, _where(kind, items, i) + f".{key}", lost))
    return _Column(header, lambda i: OutCell(", ".join(lists[i]) or None, "text"))


def references_cell(value: str | list[str]) -> OutCell | None:
    """A `[methodology]` value as a plain cell that reads back the same, or None (write it as TOML):
    references joined by commas, or words that do not read as references."""
    from intl_sdk.methodology import parse_references

    if isinstance(value, list):
        text = ", ".join(value)
        return OutCell(text, "text") if value and _simple_list(value) and parse_references(text) == value else None
    return OutCell(value, "text") if text_fits(value) and parse_references(value) is None else None


def _not_given(kind: str, items: list, lost: Losses) -> list[_Column]:
    """The `Not given` column, where some item records what its source does not give."""
    return [_list_column(kind, "not_given", items, lost)] if any(item.not_given for item in items) else []


def _extra_columns(kind: str, items: list, get: Callable[[Any], dict], column_of: Callable[[str, bool], Column],
                   where_of: Callable[[int, str], str], lost: Losses) -> list[_Column]:
    """One column an unknown key, TOML where a plain cell cannot hold every value exactly."""
    keys: dict[str, bool] = {}
    for item in items:
        extra = get(item) or {}
        for key, value in extra.items():
            if key in SKIPPED_KEYS:
                continue
            keys[key] = keys.get(key, False) or not fits_plain_cell(value)
    columns = []
    for key, toml in keys.items():
        column = column_of(key, toml)
        header = header_for(column, KINDS[kind])
        if key.strip() != key or not text_fits(key) or resolve(KINDS[kind], header) != column:
            for index, item in enumerate(items):
                if key in (get(item) or {}):
                    lost.add(where_of(index, key), "this key's name would read back as another column: not written")
            continue

        def cell(i: int, key: str = key, toml: bool = toml) -> OutCell:
            extra = get(items[i]) or {}
            if key not in extra:
                return OutCell()
            return toml_out(extra[key], where_of(i, key), lost) if toml else unknown_out(extra[key])

        columns.append(_Column(header, cell))
    return columns


def _item_extras(kind: str, items: list, lost: Losses) -> list[_Column]:
    return _extra_columns(kind, items, lambda item: item.extra, lambda key, toml: Column("extra", key, toml=toml),
                          lambda i, key: f"{_where(kind, items, i)}.{key}", lost)


def _table(kind: str, items: list, columns: list[_Column], lost: Losses) -> OutTable:
    table = OutTable(kind, KINDS[kind].sheet, [c.header for c in columns])
    for index in range(len(items)):
        row = [column.cell(index) for column in columns]
        if all(cell.value is None for cell in row if cell.formula is None):  # derived cells are not read back
            lost.add(_where(kind, items, index), "an item with nothing in it is not kept")
        table.rows.append(row)
    return table


def _text(kind: str, key: str, items: list, lost: Losses, header: str | None = None) -> _Column:
    return _Column(header or KINDS[kind].field(key).header,  # type: ignore[union-attr]
                   lambda i: text_out(getattr(items[i], key), f"{_where(kind, items, i)}.{key}", lost))


def _number(kind: str, key: str, items: list, lost: Losses, *, percent: bool = False) -> _Column:
    return _Column(KINDS[kind].field(key).header,  # type: ignore[union-attr]
                   lambda i: number_out(getattr(items[i], key), f"{_where(kind, items, i)}.{key}", lost, percent=percent))


def _date(kind: str, key: str, items: list) -> _Column:
    return _Column(KINDS[kind].field(key).header, lambda i: date_out(getattr(items[i], key)))  # type: ignore[union-attr]


# -- the sheets ----------------------------------------------------------------


def _strategy_rows(plan: Plan, lost: Losses) -> tuple[OutTable, dict[str, int]]:
    """The Strategy sheet, and the workbook rows of its Budget and Staff values (for formulas)."""
    strategy = plan.strategy
    table = OutTable("strategy", "Strategy", ["Field", "Value"])
    rows_of: dict[str, int] = {}

    def add(label: Label, cell: OutCell) -> None:
        table.rows.append([OutCell(label_for(label), "text"), cell])
        rows_of.setdefault(label.key, len(table.rows) + 1)

    def owner(key: str) -> Any:
        if key in PLAN_KEYS:
            return plan
        if key.startswith("methodology."):
            return plan.methodology
        if key.startswith("period."):
            return strategy.period
        if key.startswith("budget."):
            return strategy.budget
        return strategy

    for key, _label, type_, _ in LABELS:
        target = owner(key)
        if target is None:
            continue
        value = getattr(target, key.split(".")[-1])
        where = f"strategy.{key}" if target is not plan else key
        if type_ == "references":
            where = key
            if value is not None:
                plain_cell = references_cell(value)
                add(Label("field", key, toml=plain_cell is None), plain_cell or toml_out(value, where, lost))
            continue
        if type_ == "texts":
            for index, text in enumerate(value):
                add(Label("field", key), text_out(text, f"{where}[{index}]", lost))
        elif type_ == "ids":
            if value:
                simple = _simple_list(value)
                add(Label("field", key, toml=not simple),
                    OutCell(", ".join(value), "text") if simple else toml_out(value, where, lost))
        elif type_ in ("number", "year"):
            if value is not None or target is not strategy:  # a period or budget row says the table is there
                add(Label("field", key), number_out(value, where, lost))
        elif type_ == "date":
            if value is not None:
                add(Label("field", key), date_out(value))
        elif value == "" and target is strategy:  # a labelled row left blank: an empty text (as the starter template has)
            add(Label("field", key), OutCell())
        elif value is not None or target is not strategy:
            add(Label("field", key), text_out(value, where, lost))
    if plan.methodology is not None:
        for key in plan.methodology.extra:
            lost.add(f"methodology.{key}", "a key [methodology] does not define has no row on the Strategy sheet")
        if all(getattr(plan.methodology, key) is None for key in METHODOLOGY_KEYS) and not plan.methodology.extra:
            lost.add("methodology", "an empty [methodology] table is not kept")
    for code, level in plan.severity.items():
        label = Label("severity", code)
        if code.strip() != code or not text_fits(code) or resolve_label(label_for(label)) != label:
            lost.add(f"severity.{code}", "this code would read back as another row: not written")
            continue
        add(label, text_out(level, f"severity.{code}", lost))
    for role, holder, where in (("strategy-extra", strategy, "strategy"), ("period-extra", strategy.period, "strategy.period"),
                                ("budget-extra", strategy.budget, "strategy.budget"), ("plan-extra", plan, "")):
        for key, value in (holder.extra if holder is not None else {}).items():
            toml = not fits_plain_cell(value)
            label = Label(role, key, toml=toml)
            place = f"{where}.{key}" if where else key
            if key.strip() != key or not text_fits(key) or resolve_label(label_for(label)) != label:
                lost.add(place, "this key's name would read back as another row: not written")
                continue
            add(label, toml_out(value, place, lost) if toml else unknown_out(value))
    return table, rows_of


def _regions(plan: Plan, strategy_rows: dict[str, int], lost: Losses) -> OutTable:
    from intl_sdk.views import allocation

    regions = plan.regions
    shares = allocation(plan)
    columns = [_text("regions", "id", regions, lost), _text("regions", "name", regions, lost),
               _number("regions", "share", regions, lost, percent=True)]
    share_letter = "C"
    derived: list[tuple[str, str, Callable[[int], Any]]] = []
    if shares.budget is not None and "budget.amount" in strategy_rows:
        derived.append((f"Money ({shares.currency})" if shares.currency and text_fits(shares.currency) else "Money",
                        f"Strategy!$B${strategy_rows['budget.amount']}", lambda i: shares.regions[i].money))
    if shares.staff is not None and "staff_fte" in strategy_rows:
        derived.append(("Staff (FTE)", f"Strategy!$B${strategy_rows['staff_fte']}", lambda i: shares.regions[i].staff))
    for header, reference, value in derived:
        columns.append(_Column(header, lambda i, value=value, reference=reference: OutCell(
            value(i), formula=f"={share_letter}{i + 2}*{reference}")))
    columns.append(_text("regions", "summary", regions, lost))
    if any(region.code is not None for region in regions):
        columns.append(_text("regions", "code", regions, lost))
    columns += _not_given("regions", regions, lost)
    columns.extend(_item_extras("regions", regions, lost))
    table = _table("regions", regions, columns, lost)
    for index, region in enumerate(regions):
        if region.id is None and region.name is not None and normalise(region.name) in ("total", "totals", "sum", "grand total", "overall", "all regions"):
            lost.add(_where("regions", regions, index), "a region named like a total row, without an id, reads back as the total")
    last = len(regions) + 1
    places = max([int(cell.format.split(":")[1]) for row in table.rows for cell in row[2:3] if cell.format] or [0])
    total = [OutCell(), OutCell("Total", "text"),
             OutCell(shares.total_share, f"percent:{places}", formula=f"=SUM(C2:C{last})")]
    for offset, (_, _, value) in enumerate(derived):
        letter = column_letter(3 + offset)
        amounts = [value(i) for i in range(len(regions))]
        total.append(OutCell(sum((a for a in amounts if a is not None), Decimal(0)), formula=f"=SUM({letter}2:{letter}{last})"))
    table.total = total
    return table


def _actions(plan: Plan, lost: Losses) -> OutTable:
    actions = plan.actions
    columns = [_text("actions", "id", actions, lost), _text("actions", "region", actions, lost),
               _text("actions", "title", actions, lost), _list_column("actions", "pillars", actions, lost),
               _number("actions", "cost", actions, lost), _number("actions", "staff_fte", actions, lost),
               _date("actions", "start", actions), _date("actions", "end", actions),
               _list_column("actions", "indicators", actions, lost), *_not_given("actions", actions, lost)]
    if any(action.drivers for action in actions):
        columns.append(_list_column("actions", "drivers", actions, lost))
    columns.extend(_item_extras("actions", actions, lost))
    return _table("actions", actions, columns, lost)


def _offices(plan: Plan, lost: Losses) -> list[OutTable]:
    """The Offices sheet, written when the plan has offices abroad."""
    offices = plan.offices
    if not offices:
        return []
    kind = "offices"
    columns = [_text(kind, "id", offices, lost), _text(kind, "name", offices, lost), _text(kind, "region", offices, lost),
               _text(kind, "location", offices, lost), _text(kind, "host", offices, lost),
               _number(kind, "staff_fte", offices, lost), _date(kind, "opened", offices),
               _list_column(kind, "tasks", offices, lost), *_not_given(kind, offices, lost)]
    columns.extend(_item_extras(kind, offices, lost))
    return [_table(kind, offices, columns, lost)]


def _financial_year(measurement) -> str | None:
    """The financial year a year cell can show (`2005/6`) when it agrees with the year."""
    if measurement is None or not isinstance(measurement.extra.get("financial_year"), str):
        return None
    text = measurement.extra["financial_year"]
    try:
        parsed = parse_year(Cell(text))
    except NotReadable:
        return None
    return text if parsed == (measurement.year, text) and text_fits(text) else None


def _change_in_value_cell(measurement) -> bool:
    """A change without a figure is written where the figure goes, as the report words it."""
    return measurement.change in ("increase", "decrease")


def _indicators(plan: Plan, lost: Losses) -> OutTable:
    from intl_sdk.views import progress

    items = plan.indicators
    where = lambda i, key: f"{_where('indicators', items, i)}.{key}"  # noqa: E731

    def part(name: str, attribute: str) -> Callable[[int], OutCell]:
        def cell(i: int) -> OutCell:
            measurement = getattr(items[i], name)
            if measurement is None:
                return OutCell()
            if attribute == "year":
                fiscal = _financial_year(measurement)
                return OutCell(fiscal, "text") if fiscal else number_out(measurement.year, where(i, f"{name}.year"), lost)
            if measurement.value is None and _change_in_value_cell(measurement):
                return OutCell(measurement.change, "text")  # "increase": as a source words such a target
            return number_out(measurement.value, where(i, f"{name}.value"), lost)
        return cell

    def change(name: str) -> Callable[[int], OutCell]:
        def cell(i: int) -> OutCell:
            measurement = getattr(items[i], name)
            if measurement is None or measurement.change is None or (measurement.value is None and _change_in_value_cell(measurement)):
                return OutCell()
            return text_out(measurement.change, where(i, f"{name}.change"), lost)
        return cell

    for index, item in enumerate(items):
        for name in ("baseline", "target"):
            m = getattr(item, name)
            if m is not None and m.value is None and m.year is None and m.change is None and not m.extra:
                lost.add(where(index, name), f"an empty {name} table is written as empty cells")
    columns = [_text("indicators", "id", items, lost), _text("indicators", "name", items, lost),
               _text("indicators", "unit", items, lost), _text("indicators", "direction", items, lost),
               _Column("Baseline", part("baseline", "value")), _Column("Baseline year", part("baseline", "year")),
               _Column("Target", part("target", "value")), _Column("Target year", part("target", "year"))]
    years = sorted({year for item in items for year in item.actuals})
    for year in years:
        columns.append(_Column(header_for(Column("actual", year=year), KINDS["indicators"]),
                               lambda i, year=year: number_out(items[i].actuals.get(year), where(i, f"actuals.{year}"), lost)))
    columns += [_list_column("indicators", "measures", items, lost), _text("indicators", "source", items, lost),
                _Column("Monitor only", lambda i: OutCell(items[i].monitor_only))]
    for name in ("baseline", "target"):
        if any(getattr(item, name) is not None and getattr(item, name).change is not None
               and not (getattr(item, name).value is None and _change_in_value_cell(getattr(item, name))) for item in items):
            columns.append(_Column(f"{name.title()} change", change(name)))
    columns += _not_given("indicators", items, lost)
    for name in ("baseline", "target"):
        def extras(item, name=name):
            m = getattr(item, name)
            if m is None:
                return {}
            fiscal = _financial_year(m)
            return {k: v for k, v in m.extra.items() if not (k == "financial_year" and fiscal)}
        columns.extend(_extra_columns("indicators", items, extras,
                                      lambda key, toml, name=name: Column("measurement-extra", key, part=name, toml=toml),
                                      lambda i, key, name=name: where(i, f"{name}.{key}"), lost))
    columns.extend(_item_extras("indicators", items, lost))
    table = _table("indicators", items, columns, lost)
    table.headers += ["Latest", "Progress", "Status"]
    for index, row in enumerate(table.rows):
        state = progress(items[index], index)
        fraction = state.fraction.quantize(Decimal("0.0001")) * 100 if state.fraction is not None else None
        row += [OutCell(state.latest), OutCell(fraction, "percent:0"), OutCell(state.status, "text")]
    return table


def _agreements(plan: Plan, lost: Losses) -> OutTable:
    items = plan.agreements
    kind = "agreements"
    columns = [_text(kind, key, items, lost) for key in ("id", "framework", "kind", "partner", "status")]
    columns += [_date(kind, "signed", items), _list_column(kind, "builds_on", items, lost)]
    columns += [_text(kind, key, items, lost) for key in ("added_value", "resources")]
    columns += [_number(kind, key, items, lost) for key in ("funds", "staff_fte") if any(getattr(item, key) is not None for item in items)]
    columns += [_text(kind, "sponsor", items, lost)]
    columns += _not_given(kind, items, lost)
    most = max((len(item.parties) for item in items), default=0)
    for number in range(1, most + 1):
        def party(i: int, key: str, number: int = number) -> OutCell:
            parties = items[i].parties
            if len(parties) < number:
                return OutCell()
            return text_out(getattr(parties[number - 1], key), f"{_where(kind, items, i)}.parties[{number - 1}].{key}", lost)
        columns.append(_Column(header_for(Column("party", "name", part=number), KINDS[kind]), lambda i, party=party: party(i, "name")))
        columns.append(_Column(header_for(Column("party", "level", part=number), KINDS[kind]), lambda i, party=party: party(i, "level")))
        columns.extend(_extra_columns(kind, items, lambda item, number=number: item.parties[number - 1].extra if len(item.parties) >= number else {},
                                      lambda key, toml, number=number: Column("party", key, part=number, toml=toml),
                                      lambda i, key, number=number: f"{_where(kind, items, i)}.parties[{number - 1}].{key}", lost))
    for index, item in enumerate(items):
        for number, one in enumerate(item.parties):
            if one.name is None and one.level is None and not one.extra:
                lost.add(f"{_where(kind, items, index)}.parties[{number}]", "an empty party is not kept")
    columns.extend(_item_extras(kind, items, lost))
    return _table(kind, items, columns, lost)


def _findings(plan: Plan) -> OutTable:
    from intl_sdk.checks import check

    discard = Losses()
    table = OutTable("findings", "Findings", ["Code", "Severity", "Where", "Line", "Message", "Hint"])
    for finding in check(plan):
        table.rows.append([text_out(finding.code, "", discard), OutCell(finding.severity.value, "text"),
                           text_out(finding.path, "", discard), OutCell(finding.line),
                           text_out(finding.message, "", discard), text_out(finding.hint, "", discard)])
    return table


def plan_tables(plan: Plan) -> Export:
    """The tables of an export, in sheet order, and what they could not keep."""
    lost = Losses()
    try:
        strategy, strategy_rows = _strategy_rows(plan, lost)
        tables = [strategy, _regions(plan, strategy_rows, lost), *_offices(plan, lost), _actions(plan, lost), _indicators(plan, lost),
                  _agreements(plan, lost), _findings(plan)]
    finally:
        _PLACES.clear()
    title = plan.strategy.name if isinstance(plan.strategy.name, str) and text_fits(plan.strategy.name) else None
    return Export(tables, lost, title)
