"""Tables to a plan: the strategy, regions, actions, indicators and agreements, and notes.

Tables of a kind add up in file order. A region table without an actions
table gives one action per line (or bullet) of its summary or actions cell,
in that region. Ids come from an `Id` column where the table has one, else
from names, unique in their list. Every item records its row in
`imported_from` (`plan.xlsx!Action plan!A7`). What could not be read is a
`Note` with its position; everything else is kept, unknown columns as
unknown keys.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from attrs import define, field

from intl_sdk import _kinds
from intl_sdk.model import Action, Agreement, Indicator, Measurement, Office, Party, Plan, TargetRegion
from intl_sdk.office.cells import Source, SourceError, SourceTable
from intl_sdk.office.headers import normalise
from intl_sdk.office.ids import slug, unique_id
from intl_sdk.office.locate import Located, locate, locate_mapped
from intl_sdk.office.numbers import plain
from intl_sdk.office.rows import Note, RowData, read_row, row_columns
from intl_sdk.office.sources import read_source
from intl_sdk.office.strategy_reader import read_strategy
from intl_sdk.office.values import text_of

__all__ = ["ImportOptions", "ImportResult", "build_plan", "import_file", "read_source"]

_TOTAL_NAMES = {"total", "totals", "sum", "grand total", "overall", "all regions"}
_BULLET_RE = re.compile(r"^\s*(?:[-*\u2022\u2023\u25aa\u25cf\u25e6\u2043\u00b7\u2013\u2014]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")
ORDER = ("strategy", "regions", "offices", "actions", "indicators", "agreements", "findings")
#: The kinds of table an import reads into the plan (findings are the export's, recomputed).
READ = ORDER[:-1]


@define
class ImportOptions:
    """What the user said: a name, which sheets, column mappings by kind, the header row, commas."""

    name: str | None = None
    sheets: list[str] = field(factory=list)
    mapping: dict[str, dict[str, str]] = field(factory=dict)
    header_row: int | None = None
    decimal_comma: bool = False


@define
class ImportResult:
    plan: Plan
    notes: list[Note]
    tables: list[str]  # what was read, for the summary line

    @property
    def skipped(self) -> bool:
        return any(note.skipped for note in self.notes)


def import_file(path: str, options: ImportOptions | None = None) -> ImportResult:
    source, notes = read_source(path)
    return build_plan(source, options or ImportOptions(), notes)


# -- finding the tables --------------------------------------------------------


def _select(source: Source, sheets: list[str]) -> list[SourceTable]:
    if not sheets:
        return list(source.tables)
    chosen = []
    for wanted in sheets:
        match = next((t for t in source.tables if t.name == wanted), None) or next(
            (t for t in source.tables if (t.name or "").casefold() in (wanted.casefold(), f"table {wanted}".casefold())), None
        )
        if match is None:
            names = ", ".join(repr(t.name) for t in source.tables if t.name) or "none"
            raise SourceError(f"has no sheet or table named {wanted!r} (it has: {names})")
        chosen.append(match)
    return chosen


def _cells_in(table: SourceTable, rows: range) -> int:
    return sum(1 for r in rows for cell in (table.rows[r] if r < len(table.rows) else []) if not cell.empty)


def _locate_all(source: Source, options: ImportOptions, notes: list[Note]) -> list[Located]:
    tables = _select(source, options.sheets)
    found: dict[int, Located] = {}
    for kind, mapping in options.mapping.items():
        reasons = []
        for number, table in enumerate(tables):
            if number in found:
                continue
            result = locate_mapped(table, kind, mapping, options.header_row)
            if isinstance(result, Located):
                found[number] = result
                break
            reasons.append(f"{table.name or source.label}: {result}")
        else:
            raise SourceError("the mapping fits no table: " + "; ".join(reasons or ["no table left"]))
    for number, table in enumerate(tables):
        if number in found:
            continue
        located = locate(table)
        if located is not None:
            found[number] = located
            continue
        cells = _cells_in(table, range(len(table.rows)))
        if cells:
            where = f"{source.label}!{table.name}" if table.name else source.label
            notes.append(Note(where, f"no header row names a region and its share, an indicator and its figures, "
                                     f"actions or agreements: {cells} cell{'s' if cells != 1 else ''} not imported "
                                     "(name the columns with --map)"))
    located = [found[n] for n in sorted(found)]
    for item in located:
        above = _cells_in(item.table, range(max(item.header_row, 0)))
        if above and item.kind != "findings":
            first = next(r for r in range(item.header_row) if _cells_in(item.table, range(r, r + 1)))
            cell = next(c for c, value in enumerate(item.table.rows[first]) if not value.empty)
            notes.append(Note(source.position(item.table, first, cell),
                              f"{above} cell{'s' if above != 1 else ''} above the header row not imported "
                              f"(e.g. {text_of(item.table.rows[first][cell])!r})"))
    if not any(item.kind in READ for item in located):
        raise SourceError("holds no table intl import recognises: name the region, share, summary or indicator "
                          "columns with --map (see intl import --help)")
    return located


# -- building -------------------------------------------------------------------


@define
class _Builder:
    source: Source
    options: ImportOptions
    notes: list[Note]
    plan: Plan = field(factory=Plan)
    region_lines: list[tuple[int, list[tuple[str, str]]]] = field(factory=list)  # region index, (line, position)
    last_table: SourceTable | None = None  # where the last region came from (continuation rows)
    first_columns: dict[int, int] = field(factory=dict)  # id(located) -> its first column read

    def position(self, located: Located, row: int) -> str:
        """Where a row's item came from: its first column that is read (not derived)."""
        first = self.first_columns.get(id(located))
        if first is None:
            first = min((index for index, column in located.columns if column.role != "derived"), default=0)
            self.first_columns[id(located)] = first
        return self.source.position(located.table, row, first)

    def rows(self, located: Located):
        columns = row_columns(located)
        for row in range(located.header_row + 1, len(located.table.rows)):
            data = read_row(self.source, located, row, self.notes, decimal_comma=self.options.decimal_comma, columns=columns)
            if not data.empty:
                yield row, data

    def convert(self, cls: type, data: dict[str, Any], extra: dict[str, Any], where: str) -> Any:
        """A model object from read data; a TOML cell of the wrong type becomes a note."""
        kinds = _kinds.field_kinds(cls)
        values = {}
        for key, value in data.items():
            try:
                values[key] = kinds[key].convert(value, (key,))
            except _kinds.TypeMismatch as mismatch:
                self.notes.append(Note(where, f"{key} must be {mismatch.expected}, not {_kinds.describe_value(value)}"))
                extra[f"{key}_as_written"] = value
        return cls(**values, extra=extra)


def _split_lines(text: str) -> list[str]:
    return [_BULLET_RE.sub("", line).strip() for line in text.splitlines() if _BULLET_RE.sub("", line).strip()]


def _read_regions(builder: _Builder, located: Located) -> None:
    plan = builder.plan
    has_id = located.column("id") is not None
    lines_column = "actions" if located.column("actions") is not None else "summary"
    counted = Decimal(0)
    for row, data in builder.rows(located):
        values = data.data
        where = builder.position(located, row)
        name = values.get("name")
        if not has_id or "id" not in values:
            if name is not None and normalise(name) in _TOTAL_NAMES and not data.extra:
                share = values.get("share")
                if share is not None and Decimal(share) != counted:
                    builder.notes.append(Note(where, f"the table's total says {share}, but the shares above it add up to "
                                                     f"{plain(counted)}; the shares are kept as written", skipped=False))
                continue
            if not has_id and name is None and "share" not in values and plan.regions and located.table is builder.last_table:
                _continue_region(builder, values, lines_column, data, located, row)
                continue
        lines_text = values.pop("actions", None)
        region = builder.convert(TargetRegion, values, {**data.extra, "imported_from": where}, where)
        if region.share is not None:
            counted += Decimal(region.share)
        plan.regions.append(region)
        builder.last_table = located.table
        text = lines_text if lines_column == "actions" else region.summary
        position = str(data.positions.get(lines_column, where))
        builder.region_lines.append((len(plan.regions) - 1, [(line, position) for line in _split_lines(text or "")]))
    used = {r.id for r in plan.regions if r.id}
    for region in plan.regions:
        if region.id is None and not has_id:
            region.id = unique_id(slug(region.name) or "region", used)


def _continue_region(builder: _Builder, values: dict, lines_column: str, data: RowData, located: Located, row: int) -> None:
    """A row with no region and no share continues the region above (a merged region cell)."""
    region = builder.plan.regions[-1]
    summary = values.get("summary")
    if summary:
        region.summary = f"{region.summary}\n{summary}" if region.summary else summary
    text = values.get("actions") if lines_column == "actions" else summary
    position = str(data.positions.get(lines_column, builder.position(located, row)))
    builder.region_lines[-1][1].extend((line, position) for line in _split_lines(text or ""))
    for key, value in data.extra.items():
        region.extra.setdefault(key, value)


def _region_id(builder: _Builder, text: str) -> str:
    for region in builder.plan.regions:
        if region.id == text:
            return text
    wanted = text.strip().casefold()
    for region in builder.plan.regions:
        if region.name is not None and region.name.strip().casefold() == wanted and region.id:
            return region.id
    return text.strip()


def _read_regional_items(builder: _Builder, located: Located, kind: type, items: list, default_id) -> None:
    """Rows of a table whose items belong to a region (actions, offices): a region
    written by name becomes its id; without an id column, ids come from `default_id`."""
    start = len(items)
    for row, data in builder.rows(located):
        values = data.data
        where = builder.position(located, row)
        name = values.pop("region_name", None)
        if "region" not in values and name is not None:
            values["region"] = _region_id(builder, name)
        items.append(builder.convert(kind, values, {**data.extra, "imported_from": where}, where))
    if located.column("id") is None:
        used = {item.id for item in items if item.id}
        for item in items[start:]:
            item.id = unique_id(default_id(item), used)


def _read_actions(builder: _Builder, located: Located) -> None:
    _read_regional_items(builder, located, Action, builder.plan.actions,
                         lambda action: slug(action.title, 30) or f"{action.region or 'action'}")


def _read_offices(builder: _Builder, located: Located) -> None:
    _read_regional_items(builder, located, Office, builder.plan.offices,
                         lambda office: slug(office.name or office.location, 30) or f"{office.region or 'office'}")


def _measurement(builder: _Builder, data: RowData, part: str, unit: list[str | None], monitor: list[bool]) -> Measurement | None:
    figure = data.figures.get(f"{part}.value")
    year = data.years.get(f"{part}.year")
    extra = dict(data.measurement_extra[part])
    value = None
    year_value = None
    change = data.data.pop(f"{part}.change", None)
    if figure is not None:
        value = figure.value
        if value is not None:
            try:
                value = _kinds.Number().convert(value, ())
            except _kinds.TypeMismatch as mismatch:
                builder.notes.append(Note(str(data.positions[f"{part}.value"]), f"{value} is not {mismatch.expected}"))
                extra["as_written"], value = str(value), None
        if figure.unit:
            if unit[0] is None:
                unit[0] = figure.unit
            elif unit[0] != figure.unit:
                builder.notes.append(Note(str(data.positions[f"{part}.value"]),
                                          f"in {figure.unit!r}, but the indicator is in {unit[0]!r}: the figure is kept as written",
                                          skipped=False))
                extra["unit"] = figure.unit
        if figure.monitor:
            monitor[0] = True
        if figure.change:
            change = figure.change
        if figure.year is not None:
            year_value = figure.year
            if figure.financial_year:
                extra["financial_year"] = figure.financial_year
        if figure.as_written:
            extra["as_written"] = figure.as_written
        if year_value is None and (value is not None or change) and f"{part}.value" in data.header_years:
            year_value = data.header_years[f"{part}.value"]
    if year is not None:
        year_value = year[0]
        if year[1]:
            extra["financial_year"] = year[1]
    if value is None and year_value is None and change is None and not extra:
        return None
    return Measurement(value=value, year=year_value, change=change, extra=extra)


def _read_indicators(builder: _Builder, located: Located) -> None:
    plan = builder.plan
    has_id = located.column("id") is not None
    start = len(plan.indicators)
    for row, data in builder.rows(located):
        where = builder.position(located, row)
        values = data.data
        unit = [values.get("unit")]
        given_unit = unit[0] is not None
        monitor = [False]
        baseline = _measurement(builder, data, "baseline", unit, monitor)
        target = _measurement(builder, data, "target", unit, monitor)
        indicator = builder.convert(Indicator, values, {**data.extra, "imported_from": where}, where)
        indicator.baseline, indicator.target = baseline, target
        if unit[0] is not None and not given_unit:
            indicator.unit = unit[0]
        if monitor[0] and indicator.monitor_only is None:
            indicator.monitor_only = True
        for year, value in sorted(data.actuals.items()):
            try:
                indicator.actuals[year] = _kinds.Number().convert(value, ())
            except _kinds.TypeMismatch:
                builder.notes.append(Note(where, f"the actual for {year} is not a number"))
        plan.indicators.append(indicator)
    if not has_id:
        used = {i.id for i in plan.indicators if i.id}
        for indicator in plan.indicators[start:]:
            indicator.id = unique_id(slug(indicator.name) or "indicator", used)


def _read_agreements(builder: _Builder, located: Located) -> None:
    plan = builder.plan
    has_id = located.column("id") is not None
    start = len(plan.agreements)
    for row, data in builder.rows(located):
        where = builder.position(located, row)
        agreement = builder.convert(Agreement, data.data, {**data.extra, "imported_from": where}, where)
        for number in sorted(data.parties):
            party = data.parties[number]
            agreement.parties.append(builder.convert(Party, {k: v for k, v in party.items() if k != "extra"}, dict(party.get("extra", {})), where))
        plan.agreements.append(agreement)
    if not has_id:
        used = {a.id for a in plan.agreements if a.id}
        for agreement in plan.agreements[start:]:
            agreement.id = unique_id(slug(" ".join(filter(None, (agreement.kind, agreement.partner)))) or "agreement", used)


_READERS = {"strategy": read_strategy, "regions": _read_regions, "offices": _read_offices, "actions": _read_actions,
            "indicators": _read_indicators, "agreements": _read_agreements}


def build_plan(source: Source, options: ImportOptions, notes: list[Note] | None = None) -> ImportResult:
    notes = list(notes or [])
    located = _locate_all(source, options, notes)
    builder = _Builder(source, options, notes)
    tables = []
    for kind in READ:
        for item in located:
            if item.kind == kind:
                _READERS[kind](builder, item)
                tables.append(f"{item.table.name or source.label} ({kind})")
    plan = builder.plan
    if not any(item.kind == "actions" for item in located):
        used = {a.id for a in plan.actions if a.id}
        for index, lines in builder.region_lines:
            region = plan.regions[index]
            for number, (line, position) in enumerate(lines, 1):
                action_id = unique_id(f"{region.id or 'region'}-{number}", used)
                plan.actions.append(Action(id=action_id, region=region.id, title=line, extra={"imported_from": position}))
    if options.name:
        plan.strategy.name = options.name
    elif plan.strategy.name is None and source.title:
        plan.strategy.name = source.title
    return ImportResult(plan, notes, tables)
