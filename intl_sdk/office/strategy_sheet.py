"""The Strategy sheet: one row a field (`Name`, `Period end`, a `Sector` row each), label and value.

Shared by the export, which writes these labels, and the import, which reads
them back (and accepts the usual variants: `Organization`, `Start year`...).
"""

from __future__ import annotations

import re

from attrs import frozen

from intl_sdk.methodology import METHODOLOGY_KEYS
from intl_sdk.office.headers import TOML_SUFFIX, normalise

__all__ = ["LABELS", "PLAN_KEYS", "Label", "label_for", "resolve_label"]

#: (field, export label, type, other accepted labels); `period.*` and `budget.*` are nested;
#: `frameworks`, `ignore` and `as_of` are the plan's own (PLAN_KEYS).
LABELS = (
    ("name", "Name", "text", ("strategy", "strategy name", "title")),
    ("organisation", "Organisation", "text", ("organization", "agency")),
    ("home_region", "Home region", "text", ()),
    ("home_code", "Home code", "text", ("home region code",)),
    ("period.start", "Period start", "year", ("start year", "start", "from")),
    ("period.end", "Period end", "year", ("end year", "end", "until")),
    ("budget.amount", "Budget", "number", ("budget amount", "total budget")),
    ("budget.currency", "Currency", "text", ("budget currency",)),
    ("staff_fte", "Staff (FTE)", "number", ("staff",)),
    ("sectors", "Sector", "texts", ("sectors", "priority sector", "priority sectors")),
    ("objectives", "Objective", "texts", ("objectives",)),
    ("not_given", "Not given", "ids", ()),
    ("drivers", "Drivers", "ids", ("global drivers",)),
    ("frameworks", "Frameworks", "ids", ("framework", "policy frameworks")),
    ("ignore", "Ignore", "ids", ("ignored codes",)),
    ("as_of", "As of", "date", ("figures as of", "as of date")),
) + tuple(
    # the plan's [methodology]: words, or references when every part of the cell is one
    (f"methodology.{key}", f"Methodology {key}", "references", (f"methodology {key.replace('_', ' ')}",))
    for key in METHODOLOGY_KEYS
)
#: Rows of the Strategy sheet that hold top-level keys of the plan, not of its strategy.
PLAN_KEYS = ("frameworks", "ignore", "as_of")

_BY_LABEL = {}
for _field, _label, _type, _others in LABELS:
    for _text in (normalise(_label), *_others):
        _BY_LABEL.setdefault(_text, (_field, _type))

_PREFIXED_RE = re.compile(r"(severity|plan|period|budget)\s+(.+)", re.I | re.S)


@frozen
class Label:
    """What a Strategy row holds. `role`: field (`key`, with `type`), severity (`key` is the
    code), or an unknown key (`key`) of the plan, the strategy, its period or its budget."""

    role: str  # field, severity, plan-extra, period-extra, budget-extra, strategy-extra
    key: str
    type: str = "text"
    toml: bool = False


def resolve_label(label: str) -> Label | None:
    raw = label.strip()
    toml = raw.endswith(TOML_SUFFIX.strip()) and raw[: -len(TOML_SUFFIX.strip())].endswith(" ")
    if toml:
        raw = raw[: -len(TOML_SUFFIX.strip())].rstrip()
    if not raw:
        return None
    known = _BY_LABEL.get(normalise(raw))
    if known:
        return Label("field", known[0], known[1], toml)
    prefixed = _PREFIXED_RE.fullmatch(raw)
    if prefixed:
        return Label(f"{prefixed.group(1).lower()}-extra" if prefixed.group(1).lower() != "severity" else "severity",
                     prefixed.group(2), "text", toml)
    return Label("strategy-extra", raw, "text", toml)


def label_for(label: Label) -> str:
    """The label an export writes (the inverse of `resolve_label`)."""
    if label.role == "field":
        text = next(lab for field, lab, _, _ in LABELS if field == label.key)
    elif label.role == "severity":
        text = f"Severity {label.key}"
    elif label.role == "strategy-extra":
        text = label.key
    else:
        text = f"{label.role.split('-')[0].title()} {label.key}"
    return text + TOML_SUFFIX if label.toml else text


def is_strategy_header(first: str | None, second: str | None) -> bool:
    """The Strategy sheet's header row: `Field`, `Value`."""
    return normalise(first or "") in ("field", "key", "item") and normalise(second or "") in ("value", "values")
