"""Shared fixtures: the repository's paths and a runner for the real `intl` command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

from support import EXAMPLES

settings.register_profile("default", max_examples=100, deadline=None)
settings.register_profile("ci", max_examples=300, deadline=None, print_blob=True)
settings.register_profile("long", max_examples=10_000, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "default"))


def intl_executable() -> str:
    """The `intl` script installed beside this Python: the real entry point."""
    candidate = Path(sys.executable).with_name("intl")
    if not candidate.exists():
        pytest.fail(f"the intl entry point is not installed beside {sys.executable}")
    return str(candidate)


@pytest.fixture
def run_intl():
    def run(*args: str, cwd: Path | None = None, input: str | None = None) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
        return subprocess.run(
            [intl_executable(), *args],
            capture_output=True,
            text=True,
            cwd=cwd,
            input=input,
            env=env,
            timeout=60,
        )

    return run


@pytest.fixture
def nwda_text() -> str:
    return (EXAMPLES / "nwda.toml").read_text(encoding="utf-8")
