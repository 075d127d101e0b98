"""Malformed input, generated: no input makes intl-sdk crash or lose the line.

Each example is a valid generated plan broken by one mutation: a wrong type at
some key, a missing line, a truncation, invalid UTF-8, a NUL byte, a huge or
non-finite number, deep nesting, a duplicated table or key, a bad format.

Properties: `loads` returns a plan (which then checks and saves without error)
or raises only `PlanError`, one line, with a line number whenever the input
is not empty; `intl check` exits 2 with one line on stderr; `intl edit` refuses
the file with that same line before any screen opens.

Every example is checked both ways, the library and the command line; 2,000
examples by default, damaging a pool of 200 generated plans; the longer run is
`INTL_FUZZ_EXAMPLES=10000 uv run --all-packages pytest tests/test_malformed.py`.
"""

from __future__ import annotations

import contextlib
import io
import os

import pytest
from hypothesis import HealthCheck, example, given, settings

import intl_sdk
from intl_sdk import PlanError
from intl_sdk.cli import main

from strategies import broken_plans, plan_text_pool

# Its module-wide fixture is costly: the tests of this file run on one worker (pytest -n, --dist loadgroup).
pytestmark = pytest.mark.xdist_group("malformed")


EXAMPLES = int(os.environ.get("INTL_FUZZ_EXAMPLES", "2000"))
#: The plans the examples damage: a pool drawn once (see `plan_text_pool`), a tenth as many.
BASES = plan_text_pool(max(100, EXAMPLES // 10))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Every kind of damage, always run, whatever the generator happens to draw.
KNOWN_BAD = [
    b"format = 1\nx = " + b"9" * 5000 + b"\n",
    b"format = 1\nx = " + b"[" * 5000 + b"]" * 5000 + b"\n",
    b"format = 1\n[strategy]\nname = \"a\x00b\"\n",
    b"format = 1\n[strategy]\nname = \"caf\xe9\"\n",
    b"format = 1\n[[regions]]\nid = \"a\"\nshare = 1e99999\n",
    b"format = 1\n[[regions]]\nid = \"a\"\nshare = nan\n",
    b"format = 1\n[strategy]\n[strategy]\n",
    b"format = 1\n[strategy]\nname = \"x\"\nname = \"y\"\n",
    b"format = 2\n",
    b"",
    b"\xef\xbb\xbfformat = 1\n",
    b"format = 1\n[[regions]]\nid = \"a\"\nshare = \"24%\"\n",
    b"format = 1\nregions = 3\n",
    b"format = 1\n[[actions]]\nid = \"a\"\nstart = \"2007-04-01\"\n",
    b"format = 1\n[strategy]\nperiod = { start = 2006, end = ",
    b"format = 1\nframeworks = []\n\n[strategy]\nx__ = +nan\n",  # found by the 2,000-example run
    b"format = 1\ndeep = " + b"[" * 200 + b"]" * 200 + b"\n",  # ditto: tomllib reads it, the writer's stack did not
]


def _with_known_bad(test):
    for data in KNOWN_BAD:
        test = example(data=data)(test)
    return test


def _one_clear_line(error: PlanError, data: bytes) -> None:
    assert error.file == "plan.toml"
    assert "\n" not in str(error) and str(error).startswith("plan.toml")
    if data.strip():
        assert error.line is not None and 1 <= error.line <= data.count(b"\n") + 1, str(error)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("broken")


@FUZZ
@_with_known_bad
@given(data=broken_plans(bases=BASES))
def test_a_broken_plan_is_one_clear_line_everywhere_or_a_plan_that_checks_and_saves(folder, data):
    """The library: `loads` raises only `PlanError`, one line with a line number,
    or gives a plan that checks and saves. The command line: `intl check` and
    `intl edit` exit 2 with that same line and leave the file untouched, or
    `intl check` reads it and exits 0 or 1."""
    try:
        plan = intl_sdk.loads(data, path="plan.toml")
    except PlanError as error:
        _one_clear_line(error, data)
        refused = True
    else:
        intl_sdk.check(plan)
        text = intl_sdk.dumps(plan)
        assert intl_sdk.loads(text) == plan
        refused = False
    path = os.path.join(folder, "plan.toml")
    with open(path, "wb") as handle:
        handle.write(data)
    if refused:
        expected = f"error: {_error_at(path)}\n"
        code, out, err = _run_cli("check", path)
        assert (code, err) == (2, expected) and "Traceback" not in out
        code, out, err = _run_cli("edit", path)  # refused before any screen opens
        assert (code, err) == (2, expected)
        with open(path, "rb") as handle:
            assert handle.read() == data  # untouched
    else:
        code, _, err = _run_cli("check", path, "--format", "json")
        assert code in (0, 1) and err == ""


def _error_at(path: str) -> PlanError:
    try:
        intl_sdk.load(path)
    except PlanError as error:
        return error
    raise AssertionError(f"{path} loaded from the file but not from its bytes")


def _run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def test_a_10_mb_string_loads_checks_and_saves():
    name = "x" * 10_000_000
    text = f'format = 1\n[strategy]\nname = "{name}"\n[[regions]]\nid = "a"\nname = "{name}"\nshare = 100\n'
    plan = intl_sdk.loads(text)
    assert plan.strategy.name == name
    intl_sdk.check(plan)
    assert intl_sdk.dumps(plan) == text
