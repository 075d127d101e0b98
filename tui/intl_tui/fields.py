"""The editor's fields: what each form shows, and text <-> value for each kind.

Pure Python, no widgets, so parsing is tested on its own. A value that does
not parse is never written to the plan: the form keeps the text and marks
the field invalid until it is fixed.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from attrs import frozen

from intl_sdk import _kinds, model
from intl_sdk.display import printable
from intl_sdk.drivers import DRIVERS
from intl_sdk.methodology import METHODOLOGY, METHODOLOGY_KEYS, parse_references
from intl_sdk.pillars import IMPACT_MEASURES, PILLARS

__all__ = ["CHECKLISTS", "Field", "FIELDS", "ParseError", "format_value", "get_value", "parse", "set_value"]


class ParseError(ValueError):
    """Text that is not a value of the field's kind; the message says what is expected."""


@frozen
class Field:
    """A form field: `key` is an attribute path on the item (`period.start`);
    `@key` is an attribute of the plan itself (for the strategy form)."""

    key: str
    label: str
    kind: str  # text, prose (wrapped), id, number, year, date, choice, pillars, measures, drivers, ids, lines, actuals, parties, flag, severity, methodology
    choices: tuple[str, ...] = ()
    help: str = ""

    @property
    def widget_id(self) -> str:
        return "field-" + re.sub(r"[^a-z0-9]+", "-", self.key.lower()).strip("-")


#: The methodology's contents as a label column (18 wide) holds them.
_METHODOLOGY_LABELS = {
    "driver_mechanisms": "Driver mechanisms",
    "consensus": "Consensus",
    "prioritised_framework": "Priority framework",
    "global_view": "Global view",
    "value_web": "Value web",
    "national_focus": "National focus",
    "baseline_outputs": "Baseline, outputs",
}

STRATEGY = (
    Field("name", "Name", "text"),
    Field("organisation", "Organisation", "text"),
    Field("home_region", "Home region", "text"),
    Field("home_code", "Home code", "text", help="ISO 3166: a country (SI) or a subdivision (ES-AS)"),
    Field("period.start", "First year", "year", help="of the period, such as 2006"),
    Field("period.end", "Last year", "year", help="of the period, such as 2009"),
    Field("budget.amount", "Budget", "number"),
    Field("budget.currency", "Currency", "text", help="ISO code: GBP, EUR"),
    Field("staff_fte", "Staff (FTE)", "number"),
    Field("sectors", "Priority sectors", "lines", help="one a line"),
    Field("objectives", "Objectives", "lines", help="one a line"),
    Field("@frameworks", "Frameworks", "ids", help="framework ids, separated by commas"),
    Field("@ignore", "Ignored codes", "ids", help="finding codes to skip, separated by commas"),
    Field("@severity", "Severities", "severity", help="code = error, warning or info; separated by commas"),
    Field("@as_of", "Figures as of", "date", help="YYYY-MM-DD: the day the plan's figures describe"),
    Field("drivers", "Global drivers", "drivers", help="the drivers the strategy answers; none: all seven"),
) + tuple(
    # The methodology's minimum contents (seed 001, lines 1170-1180): text, or references.
    Field(
        f"@methodology.{content.key}",
        _METHODOLOGY_LABELS[content.key],
        "methodology",
        help=f'{content.number}. {content.title}: in words, or references such as "actions.ID, indicators.ID"',
    )
    for content in METHODOLOGY
)
REGIONS = (
    Field("id", "Id", "id"),
    Field("name", "Name", "text"),
    Field("share", "Share (%)", "number", help="percent of the strategy's resources: 24 means 24%"),
    Field("summary", "Summary", "prose"),
    Field("code", "Code", "text", help="ISO 3166 for a country (CN), UN M49 for a world region (021)"),
)
ACTIONS = (
    Field("id", "Id", "id"),
    Field("title", "Title", "prose"),
    Field("region", "Region", "id", help="the target region's id"),
    Field("pillars", "Pillars", "pillars"),
    Field("drivers", "Global drivers", "drivers"),
    Field("cost", "Cost", "number"),
    Field("staff_fte", "Staff (FTE)", "number"),
    Field("start", "Start", "date", help="YYYY-MM-DD"),
    Field("end", "End", "date", help="YYYY-MM-DD"),
    Field("indicators", "Indicators", "ids", help="indicator ids, separated by commas"),
)
INDICATORS = (
    Field("id", "Id", "id"),
    Field("name", "Name", "text"),
    Field("unit", "Unit", "text"),
    Field("direction", "Better when", "choice", choices=("up", "down")),
    Field("baseline.value", "Baseline", "number"),
    Field("baseline.year", "Baseline year", "year"),
    Field("target.value", "Target", "number"),
    Field("target.year", "Target year", "year"),
    Field("target.change", "Target change", "choice", choices=model.CHANGES),
    Field("actuals", "Actuals", "actuals", help="year = value, separated by commas: 2007 = 7600, 2008 = 8900"),
    Field("monitor_only", "Monitor only", "flag"),
    Field("measures", "Impact measures", "measures"),
    Field("source", "Source", "prose"),
    Field("not_given", "Not given", "ids", help="what the source gives no figure for, separated by commas: baseline.year"),
)
AGREEMENTS = (
    Field("id", "Id", "id"),
    Field("framework", "Framework", "id"),
    Field("kind", "Kind", "id", help="from the framework: mou, collaboration, bilateral..."),
    Field("partner", "Partner", "prose"),
    Field("status", "Status", "choice", choices=("draft", "negotiating", "signed", "ended")),
    Field("signed", "Signed on", "date", help="YYYY-MM-DD"),
    Field("parties", "Parties", "parties", help="one a line: level: name"),
    Field("builds_on", "Builds on", "ids", help="agreement ids, separated by commas"),
    Field("added_value", "Added value", "prose"),
    Field("resources", "Resources", "prose"),
    Field("funds", "Funds", "number", help="money dedicated to it, in the budget's currency"),
    Field("staff_fte", "Staff (FTE)", "number", help="people dedicated to it"),
    Field("sponsor", "Political sponsor", "text"),
)
OFFICES = (
    Field("id", "Id", "id"),
    Field("name", "Name", "text"),
    Field("region", "Region", "id", help="the target region's id"),
    Field("location", "Location", "text", help="city or country"),
    Field("host", "Hosted by", "text", help="an embassy, a partner agency..."),
    Field("staff_fte", "Staff (FTE)", "number"),
    Field("opened", "Opened on", "date", help="YYYY-MM-DD"),
    Field("tasks", "Tasks", "lines", help="one a line"),
    Field("not_given", "Not given", "ids", help="what the source does not give, separated by commas: opened"),
)
FIELDS: dict[str, tuple[Field, ...]] = {
    "strategy": STRATEGY,
    "regions": REGIONS,
    "actions": ACTIONS,
    "indicators": INDICATORS,
    "agreements": AGREEMENTS,
    "offices": OFFICES,
}
#: Fields edited as a list of ticks.
CHECKLISTS = ("pillars", "measures", "drivers")
_PARENTS = {"period": model.Period, "budget": model.Budget, "baseline": model.Measurement, "target": model.Measurement}

PILLAR_CHOICES = tuple((p.id, f"{p.number}. {p.title}") for p in PILLARS)
MEASURE_CHOICES = tuple((m.id, m.title) for m in IMPACT_MEASURES)
DRIVER_CHOICES = tuple((d.id, f"{d.number}. {d.title}") for d in DRIVERS)


# -- reading and writing values on items --------------------------------------


def get_value(target: Any, plan: model.Plan, field: Field) -> Any:
    if field.key.startswith("@"):
        name, _, part = field.key[1:].partition(".")
        value = getattr(plan, name)
        return getattr(value, part, None) if part and value is not None else value
    value = target
    for part in field.key.split("."):
        value = getattr(value, part, None) if value is not None else None
    return value


def set_value(target: Any, plan: model.Plan, field: Field, value: Any) -> None:
    """Write a parsed value; a nested table (`period`) is made when needed and
    dropped again when it is left empty."""
    if field.key.startswith("@"):
        name, _, part = field.key[1:].partition(".")
        if not part:
            setattr(plan, name, value)
            return
        methodology = plan.methodology  # the one plan-level table with fields of its own
        if methodology is None:
            if value is None:
                return
            methodology = plan.methodology = model.Methodology()
        setattr(methodology, part, value)
        if all(getattr(methodology, key) is None for key in METHODOLOGY_KEYS) and not methodology.extra:
            plan.methodology = None
        return
    parts = field.key.split(".")
    if len(parts) == 1:
        setattr(target, parts[0], value)
        return
    parent_name, child = parts
    parent = getattr(target, parent_name)
    if parent is None:
        if value is None:
            return
        parent = _PARENTS[parent_name]()
        setattr(target, parent_name, parent)
    setattr(parent, child, value)
    if all(getattr(parent, name) is None for name in ("start", "end", "amount", "currency", "value", "change", "year") if hasattr(parent, name)) and not parent.extra:
        setattr(target, parent_name, None)


# -- text <-> values ------------------------------------------------------------

_INT_RE = re.compile(r"[+-]?\d{1,3}(?:[,_ ]?\d{3})*|[+-]?\d+")
_DECIMAL_RE = re.compile(r"[+-]?(?:\d+(?:[_,]\d{3})*)?\.\d+|[+-]?\d+(?:[_,]\d{3})*\.\d*")
_IDS_SPLIT_RE = re.compile(r"[,\s]+")


def format_value(field: Field, value: Any) -> str:
    """The text a field shows for a value (escapes in plan text made visible)."""
    if value is None:
        return ""
    kind = field.kind
    if kind in ("ids", *CHECKLISTS) or (kind == "methodology" and isinstance(value, list)):
        return ", ".join(printable(v) for v in value)
    if kind == "lines":
        return "\n".join(printable(v) for v in value)
    if kind == "actuals":
        return ", ".join(f"{year} = {number}" for year, number in value.items())
    if kind == "severity":
        return ", ".join(f"{printable(code)} = {printable(level)}" for code, level in value.items())
    if kind == "parties":
        return "\n".join(f"{printable(p.level or '')}: {printable(p.name or '')}" for p in value)
    if kind == "date":
        return value.isoformat()
    if kind == "flag":
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return str(value)
    return printable(str(value))


def parse(field: Field, text: str, current: Any = None) -> Any:
    """The value for `text`, or `ParseError`. Empty text clears the field
    (None), except that a field holding "" keeps "" and lists become empty."""
    kind = field.kind
    stripped = text.strip()
    if kind in ("text", "prose"):
        if text == "" and current is None:
            return None
        return text
    if kind == "methodology":
        return _methodology(text, current)
    if kind == "id":
        return stripped or (None if current is None else "")
    if kind in ("number", "year"):
        if not stripped:
            return None
        number = _number(stripped)
        if kind == "year":
            if not isinstance(number, int) or not 1000 <= number <= 9999:
                raise ParseError(f"{text!r} is not a year: type four digits, such as 2009")
        return number
    if kind == "date":
        if not stripped:
            return None
        try:
            return dt.date.fromisoformat(stripped)
        except ValueError:
            raise ParseError(f"{text!r} is not a date: type YYYY-MM-DD, such as 2009-03-31") from None
    if kind == "choice":
        if not stripped:
            return None
        if stripped not in field.choices:
            raise ParseError(f"{text!r} is not one of {', '.join(field.choices)}")
        return stripped
    if kind == "flag":
        if not stripped:
            return None
        if stripped.lower() in ("yes", "true", "y"):
            return True
        if stripped.lower() in ("no", "false", "n"):
            return False
        raise ParseError(f"{text!r}: type yes or no")
    if kind in ("ids", *CHECKLISTS):
        return [part for part in _IDS_SPLIT_RE.split(stripped) if part]
    if kind == "lines":
        return [line for line in text.splitlines() if line.strip()]
    if kind == "actuals":
        return _actuals(text)
    if kind == "severity":
        return _severity(text)
    if kind == "parties":
        return _parties(text, current or [])
    raise ParseError(f"unknown field kind {kind}")


def _methodology(text: str, current: Any) -> str | list[str] | None:
    """References (`actions.x, indicators.y`) when every part is one, else the text as written."""
    stripped = text.strip()
    if not stripped:
        return None if current is None or isinstance(current, list) else ""
    return parse_references(stripped) or text


def _number(text: str) -> int | Decimal:
    value: int | Decimal | None = None
    if _INT_RE.fullmatch(text) and len(text) < 40:
        value = int(re.sub(r"[,_ ]", "", text))
    elif _DECIMAL_RE.fullmatch(text) and len(text) < 60:
        try:
            value = Decimal(re.sub(r"[,_]", "", text))
        except InvalidOperation:
            value = None
    if value is None:
        raise ParseError(f"{text!r} is not a number: type digits, such as 24 or 12.5")
    try:  # the reader's own limits, so the editor never saves a file load() refuses
        return _kinds.Number().convert(value, ())
    except _kinds.TypeMismatch as mismatch:
        raise ParseError(f"{text}: type {mismatch.expected}") from None


def _actuals(text: str) -> dict[int, int | Decimal]:
    out: dict[int, int | Decimal] = {}
    for part in re.split(r"[,;\n]", text):
        part = part.strip()
        if not part:
            continue
        match = re.fullmatch(r"(\d{4})\s*[=:]\s*(\S+)", part)
        if not match:
            raise ParseError(f"{part!r}: write year = value, such as 2007 = 7600")
        out[int(match.group(1))] = _number(match.group(2))
    return out


def _severity(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in re.split(r"[,;\n]", text):
        part = part.strip()
        if not part:
            continue
        match = re.fullmatch(r"([^=\s]+)\s*=\s*(\S+)", part)
        if not match:
            raise ParseError(f"{part!r}: write code = level, such as shares-sum = warning")
        out[match.group(1)] = match.group(2)
    return out


def _parties(text: str, current: list[model.Party]) -> list[model.Party]:
    parties = []
    for position, line in enumerate(line for line in text.splitlines() if line.strip()):
        level, sep, name = line.partition(":")
        if not sep:
            raise ParseError(f"{line.strip()!r}: write level: name, such as cluster-initiative: Corallia")
        extra = current[position].extra if position < len(current) else {}
        parties.append(model.Party(name=name.strip() or None, level=level.strip() or None, extra=dict(extra)))
    return parties
