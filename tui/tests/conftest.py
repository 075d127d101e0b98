"""Fixtures for driving the editor through Textual's pilot."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"


@pytest.fixture
def nwda_copy(tmp_path) -> Path:
    target = tmp_path / "nwda.toml"
    shutil.copy(EXAMPLES / "nwda.toml", target)
    return target
