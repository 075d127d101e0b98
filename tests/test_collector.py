"""The reader, the line map, the checker and the writer pause the garbage collector
around their own work and leave it as the caller had it, errors included."""

from __future__ import annotations

import gc

import pytest

import intl_sdk
from intl_sdk.checks import UnknownCodeError
from intl_sdk.layout import Layout


def _calls(nwda_text):
    plan = intl_sdk.loads(nwda_text)
    plan.regions[0].share = 25
    return [
        lambda: intl_sdk.loads(nwda_text),
        lambda: Layout(nwda_text),
        lambda: intl_sdk.check(intl_sdk.loads(nwda_text)),
        lambda: intl_sdk.dumps(plan),
    ]


@pytest.mark.parametrize("caller_collects", [True, False])
def test_the_collector_is_left_as_the_caller_had_it(nwda_text, caller_collects):
    was = gc.isenabled()
    try:
        if not caller_collects:
            gc.disable()
        for call in _calls(nwda_text):
            call()
            assert gc.isenabled() is caller_collects
    finally:
        if was:
            gc.enable()


@pytest.mark.parametrize(
    "failing",
    [
        lambda: intl_sdk.loads("format = 1\n[[regions]]\nshare = 'x'\n"),
        lambda: intl_sdk.loads("format = 1\nx = [\n"),
        lambda: intl_sdk.check(intl_sdk.loads("format = 1\n"), ignore=["no-such-code"]),
    ],
    ids=["type error", "not TOML", "unknown code"],
)
def test_the_collector_is_back_on_after_an_error(failing):
    assert gc.isenabled()
    with pytest.raises((intl_sdk.PlanError, UnknownCodeError)):
        failing()
    assert gc.isenabled()
