"""Hypothesis strategies for plans: random but loadable, with unknown keys everywhere."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from hypothesis import strategies as st

from intl_sdk import _kinds

import intl_sdk
from intl_sdk import (
    Action,
    Agreement,
    Budget,
    Indicator,
    Measurement,
    Methodology,
    Office,
    Party,
    Period,
    Plan,
    Strategy,
    TargetRegion,
)

# Built from characters rather than `from_regex`, which costs a third of the
# suite's generation time; the same language: [a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4}){0,2}.
_LOWER = "abcdefghijklmnopqrstuvwxyz"
_ID_CHARS = _LOWER + "0123456789"
ids = st.builds(
    lambda first, rest, parts: first + rest + "".join("-" + part for part in parts),
    st.sampled_from(_LOWER),
    st.text(_ID_CHARS, max_size=6),
    st.lists(st.text(_ID_CHARS, min_size=1, max_size=4), max_size=2),
)
texts = st.text(max_size=30)
years = st.integers(min_value=1990, max_value=2040)
# Numbers the reader accepts: below 10^18, at most 20 decimal places (unknown keys take any finite number).
decimals = st.one_of(
    # digits and a scale, as written in a plan: 24, 12.5, 0.000000000000000001 ...
    st.builds(lambda digits, places: Decimal(digits).scaleb(-places), st.integers(-10**17 + 1, 10**17 - 1), st.integers(0, 20)),
    # and whatever shapes hypothesis's own decimals reach (exponents, -0, ...), within the limits
    st.decimals(allow_nan=False, allow_infinity=False).filter(lambda d: _kinds._in_range(d)),
)
any_decimals = st.decimals(allow_nan=False, allow_infinity=False).filter(lambda d: -30 < d.adjusted() < 30)
numbers = st.one_of(st.integers(-10**12, 10**12), decimals)
dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))

# Unknown keys: never a known field's name, sometimes needing quotes.
unknown_keys = st.one_of(
    st.text(_LOWER + "_", min_size=1, max_size=8).map(lambda s: "x_" + s),
    st.text(min_size=1, max_size=8).map(lambda s: "x " + s),
)
scalars = st.one_of(
    texts, st.integers(-10**30, 10**30), any_decimals, st.booleans(), dates,
    st.datetimes(min_value=dt.datetime(1, 1, 1), timezones=st.none() | st.just(dt.timezone.utc)),
    st.times(),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.text(min_size=1, max_size=6), inner, max_size=3),
    ),
    max_leaves=6,
)
extras = st.dictionaries(unknown_keys, values, max_size=2)


def _maybe(strategy):
    return st.none() | strategy


periods = st.builds(Period, start=_maybe(years), end=_maybe(years), extra=extras)
budgets = st.builds(Budget, amount=_maybe(numbers), currency=_maybe(texts), extra=extras)
driver_ids = st.sampled_from(intl_sdk.DRIVER_IDS) | ids
measurements = st.builds(Measurement, value=_maybe(numbers), year=_maybe(years), extra=extras)
strategies_ = st.builds(
    Strategy,
    name=_maybe(texts),
    organisation=_maybe(texts),
    home_region=_maybe(texts),
    period=_maybe(periods),
    budget=_maybe(budgets),
    staff_fte=_maybe(numbers),
    sectors=st.lists(texts, max_size=3),
    objectives=st.lists(texts, max_size=3),
    drivers=st.lists(driver_ids, max_size=3),
    extra=extras,
)
regions = st.builds(TargetRegion, id=_maybe(ids), name=_maybe(texts), share=_maybe(numbers), summary=_maybe(texts), extra=extras)
pillar_ids = st.sampled_from(intl_sdk.PILLAR_IDS) | ids
actions = st.builds(
    Action,
    id=_maybe(ids),
    region=_maybe(ids),
    pillars=st.lists(pillar_ids, max_size=3),
    title=_maybe(texts),
    cost=_maybe(numbers),
    staff_fte=_maybe(numbers),
    start=_maybe(dates),
    end=_maybe(dates),
    indicators=st.lists(ids, max_size=2),
    drivers=st.lists(driver_ids, max_size=2),
    extra=extras,
)
offices = st.builds(
    Office,
    id=_maybe(ids),
    name=_maybe(texts),
    region=_maybe(ids),
    location=_maybe(texts),
    host=_maybe(texts),
    staff_fte=_maybe(numbers),
    opened=_maybe(dates),
    tasks=st.lists(texts, max_size=2),
    extra=extras,
)
references = st.builds(lambda c, i: f"{c}.{i}", st.sampled_from(["regions", "actions", "indicators", "offices", "agreements"]), ids)
methodology_values = _maybe(texts | st.lists(references | texts, max_size=3))
methodologies = st.builds(Methodology, **{key: methodology_values for key in intl_sdk.METHODOLOGY_KEYS}, extra=extras)
indicators = st.builds(
    Indicator,
    id=_maybe(ids),
    name=_maybe(texts),
    unit=_maybe(texts),
    direction=_maybe(st.sampled_from(["up", "down"]) | texts),
    baseline=_maybe(measurements),
    target=_maybe(measurements),
    actuals=st.dictionaries(st.integers(1000, 9999), numbers, max_size=3),
    measures=st.lists(st.sampled_from(sorted(intl_sdk.IMPACT_MEASURE_IDS)), max_size=3),
    source=_maybe(texts),
    monitor_only=_maybe(st.booleans()),
    extra=extras,
)
parties = st.builds(Party, name=_maybe(texts), level=_maybe(texts), extra=extras)
agreements = st.builds(
    Agreement,
    id=_maybe(ids),
    framework=_maybe(ids),
    kind=_maybe(texts),
    partner=_maybe(texts),
    parties=st.lists(parties, max_size=2),
    status=_maybe(st.sampled_from(["draft", "negotiating", "signed", "ended"])),
    signed=_maybe(dates),
    builds_on=st.lists(ids, max_size=2),
    added_value=_maybe(texts),
    resources=_maybe(texts),
    funds=_maybe(numbers),
    staff_fte=_maybe(numbers),
    sponsor=_maybe(texts),
    extra=extras,
)
plans = st.builds(
    Plan,
    frameworks=st.lists(ids, max_size=2),
    ignore=st.lists(ids, max_size=2),
    severity=st.dictionaries(ids, st.sampled_from(["error", "warning", "info"]), max_size=2),
    strategy=strategies_,
    methodology=_maybe(methodologies),
    regions=st.lists(regions, max_size=4),
    offices=st.lists(offices, max_size=2),
    actions=st.lists(actions, max_size=4),
    indicators=st.lists(indicators, max_size=3),
    agreements=st.lists(agreements, max_size=2),
    extra=extras,
)


# -- broken plans: a valid generated plan damaged by one mutation ------------

WRONG_VALUES = [
    '"text"', '"24%"', "42", "4.5", "true", "2007-04-01", "07:30:00", "[1, 2]", '["a", 3]', "{ a = 1 }",
    "nan", "inf", "-inf", "+nan", "1e999", "-1e-999", "9" * 30, "[]", "{}",
]
_VALUE_LINE_RE = re.compile(rb"^([A-Za-z0-9_\"'.-]+ = ).*$", re.M)


@st.composite
def broken_plans(draw) -> bytes:
    """A generated plan's text with one kind of damage: a wrong type at some key, a
    missing line, a truncation, invalid UTF-8, a NUL byte, a huge or non-finite
    number, deep nesting, a duplicated line, a bad `format`, or garbage."""
    data = intl_sdk.dumps(draw(plans)).encode("utf-8")
    mutation = draw(
        st.sampled_from(
            ["wrong-type", "drop-line", "truncate", "invalid-utf8", "nul", "huge-number", "deep-nesting", "duplicate", "format", "garbage"]
        )
    )
    if mutation == "wrong-type":
        lines = list(_VALUE_LINE_RE.finditer(data))
        match = draw(st.sampled_from(lines))
        value = draw(st.sampled_from(WRONG_VALUES)).encode()
        return data[: match.start()] + match.group(1) + value + data[match.end() :]
    if mutation == "drop-line":
        lines = data.splitlines(keepends=True)
        index = draw(st.integers(0, len(lines) - 1))
        return b"".join(lines[:index] + lines[index + 1 :])
    if mutation == "truncate":
        return data[: draw(st.integers(0, len(data)))]
    position = draw(st.integers(0, len(data)))
    if mutation == "invalid-utf8":
        return data[:position] + draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xfe\xff"])) + data[position:]
    if mutation == "nul":
        return data[:position] + b"\x00" + data[position:]
    if mutation == "huge-number":
        number = draw(st.sampled_from([b"9" * 5000, b"1e99999", b"-" + b"9" * 40, b"1" + b"0" * 18]))
        return re.sub(rb"= -?\d[\d_.eE+-]*", b"= " + number, data, count=1)
    if mutation == "deep-nesting":
        depth = draw(st.integers(50, 3000))
        return data + b"\ndeep = " + b"[" * depth + b"]" * depth + b"\n"
    if mutation == "duplicate":
        lines = data.splitlines(keepends=True)
        index = draw(st.integers(0, len(lines) - 1))
        return b"".join(lines[: index + 1] + [lines[index]] + lines[index + 1 :])
    if mutation == "format":
        replacement = draw(st.sampled_from([b"format = 2", b"format = 0", b'format = "1"', b"", b"format = 1.0"]))
        return data.replace(b"format = 1", replacement, 1)
    return data[:position] + draw(st.binary(min_size=1, max_size=20)) + data[position:]


