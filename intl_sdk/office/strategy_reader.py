"""The Strategy sheet (label, value) into the plan: fields, severity rows, and unknown keys.

A labelled row left blank is an empty text (as the starter template writes
`name = ""`); a `Period ...` or `Budget ...` row, even blank, says the table is there.
"""

from __future__ import annotations

from typing import Any

from intl_sdk import _kinds
from intl_sdk.methodology import parse_references
from intl_sdk.model import Budget, Methodology, Period
from intl_sdk.office.locate import Located
from intl_sdk.office.numbers import NotReadable
from intl_sdk.office.rows import Note
from intl_sdk.office.strategy_sheet import PLAN_KEYS, resolve_label
from intl_sdk.office.values import read_value, text_of, toml_value, typed_value

__all__ = ["read_strategy"]


def read_strategy(builder, located: Located) -> None:
    """The Strategy sheet's rows into the plan's strategy (and its frameworks, ignore, severity)."""
    plan, strategy = builder.plan, builder.plan.strategy
    table = located.table
    for row in range(located.header_row + 1, len(table.rows)):
        label_cell, value_cell = table.cell(row, 0), table.cell(row, 1)
        extra_cells = [c for c in table.rows[row][2:] if not c.empty]
        where = builder.source.position(table, row, 1)
        if extra_cells:
            builder.notes.append(Note(builder.source.position(table, row, 2), "cells right of the value not imported"))
        if label_cell.empty:
            if not value_cell.empty:
                builder.notes.append(Note(where, f"{text_of(value_cell)!r} has no label in column A: not imported"))
            continue
        label = resolve_label(text_of(label_cell))  # type: ignore[arg-type]
        if label is None:
            continue
        try:
            if label.toml:
                value = toml_value(value_cell)
            elif label.role == "field" and label.type == "texts":
                value = text_of(value_cell)
            elif label.role == "field" and label.type == "references":  # a [methodology] content
                text = text_of(value_cell)
                value = None if text is None else (parse_references(text) or text)
            elif label.role == "field":
                value = read_value(value_cell, label.type, decimal_comma=builder.options.decimal_comma)
                if label.type == "year" and value is not None:
                    value = value[0]
            elif label.role == "severity":
                value = text_of(value_cell)
            else:
                value = None if value_cell.empty else typed_value(value_cell)
        except NotReadable as error:
            builder.notes.append(Note(where, str(error)))
            strategy.extra[f"{label.key}_as_written"] = text_of(value_cell)
            continue
        if label.role == "field":
            key = label.key
            if key.startswith("period."):
                strategy.period = strategy.period or Period()
            elif key.startswith("budget."):
                strategy.budget = strategy.budget or Budget()
            if value is None and label.type == "text" and not label.toml and "." not in key:
                value = ""  # a labelled row left blank: an empty text, as the starter template has
            if value is None:
                continue
            target: Any = strategy
            if key in PLAN_KEYS:
                target = plan
            elif key.startswith("methodology."):
                plan.methodology = plan.methodology or Methodology()
                target, key = plan.methodology, key[len("methodology."):]
            elif key.startswith("period."):
                target, key = strategy.period, key[7:]
            elif key.startswith("budget."):
                target, key = strategy.budget, key[7:]
            kind = _kinds.field_kinds(type(target))[key]
            if label.type == "texts" and not label.toml:
                getattr(target, key).append(value)
                continue
            try:
                setattr(target, key, kind.convert(value, (key,)))
            except _kinds.TypeMismatch as mismatch:
                builder.notes.append(Note(where, f"{label.key} must be {mismatch.expected}"))
                strategy.extra[f"{label.key}_as_written"] = value
        elif value is None:
            if label.role == "period-extra":
                strategy.period = strategy.period or Period()
            elif label.role == "budget-extra":
                strategy.budget = strategy.budget or Budget()
        elif label.role == "severity":
            plan.severity[label.key] = value
        elif label.role == "plan-extra":
            plan.extra[label.key] = value
        elif label.role == "period-extra":
            strategy.period = strategy.period or Period()
            strategy.period.extra[label.key] = value
        elif label.role == "budget-extra":
            strategy.budget = strategy.budget or Budget()
            strategy.budget.extra[label.key] = value
        else:
            strategy.extra[label.key] = value
