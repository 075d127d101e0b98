"""The real `intl edit` in a real (pseudo-)terminal at 100x30: a strategist
focuses Share, types, and sees the digits and the new total on screen."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

from terminal import Terminal

REPO = Path(__file__).resolve().parents[2]
INTL = Path(sys.executable).with_name("intl")


@pytest.fixture
def editor(tmp_path):
    plan = tmp_path / "nwda.toml"
    shutil.copy(REPO / "examples" / "nwda.toml", plan)
    terminal = Terminal([str(INTL), "edit", str(plan)], 100, 30, cwd=str(tmp_path))
    yield terminal, plan
    terminal.close()


def test_typing_a_share_shows_the_digits_and_the_total(editor):
    terminal, plan = editor
    before = plan.read_bytes()
    terminal.wait_for(lambda s: "Northwest internationalisation" in s and re.search(r"Findings \(\d+\)", s) is not None)
    terminal.send("f3")
    terminal.wait_for("Total 99%")
    terminal.send("tab", "tab", "tab")  # from the list: Id, Name, Share
    terminal.wait_for(lambda s: re.search(r"Share \(%\)\s+24", s) is not None)
    terminal.send("1", "2")  # the field's text is selected on focus: typing replaces it
    # The digits and the total are drawn in one frame, which may reach the terminal
    # in several reads: wait for the screen that shows all of it, not its first part.
    screen = terminal.wait_for(
        lambda s: "Total 87%" in s and re.search(r"Share \(%\)\s+12\b", s) is not None and "● unsaved" in s.splitlines()[0]
    )
    share_line = next(line for line in screen.splitlines() if "Share (%)" in line)
    assert re.search(r"Share \(%\)\s+12\b", share_line), share_line
    assert "● unsaved" in screen.splitlines()[0]
    terminal.send("ctrl+q")
    terminal.wait_for("[c] Cancel")
    terminal.send("d")
    assert terminal.wait_exit() == 0
    assert plan.read_bytes() == before
