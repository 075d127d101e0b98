"""Paths and helpers shared by the core's tests (importable: `tests` is on pythonpath)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def require_program(*names: str, why: str) -> str:
    """The path of the first of `names` on PATH; else skip the test, saying how
    to install it. With INTL_TEST_REQUIRE_PROGRAMS=1 (as `.ci/run` sets it) a
    missing program fails the test instead: in CI these tests must run."""
    import os
    import shutil

    import pytest

    for name in names:
        found = shutil.which(name)
        if found:
            return found
    message = f"{names[0]} is not installed ({why})"
    if os.environ.get("INTL_TEST_REQUIRE_PROGRAMS", "") not in ("", "0"):
        pytest.fail(message + "; CI installs it in .ci/run")
    pytest.skip(message)
