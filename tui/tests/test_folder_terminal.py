"""`intl edit DIR` in a real terminal (tmux): the list, Enter into a plan, back to the list, out."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
INTL = Path(sys.executable).with_name("intl")
PATIENCE = 90.0  # seconds: only a hang takes this long, on two busy cores too


def _require_tmux() -> str:
    sys.path.insert(0, str(REPO / "tests"))
    from support import require_program

    return require_program("tmux", why="runs intl edit in a real terminal")


class Tmux:
    def __init__(self, command: list[str], cwd: Path) -> None:
        self.tmux = _require_tmux()
        self.name = f"intl-{uuid.uuid4().hex[:8]}"
        self.socket = ["-L", self.name]
        env = {**os.environ, "TERM": "xterm-256color", "NO_COLOR": "1"}
        # COLUMNS and LINES win over the terminal's own size (Python's shutil.get_terminal_size,
        # which Textual asks); a test worker may have them set to 80x24.
        env.pop("COLUMNS", None), env.pop("LINES", None)
        subprocess.run(
            [self.tmux, *self.socket, "new-session", "-d", "-s", self.name, "-x", "120", "-y", "30", "-c", str(cwd),
             " ".join(map(str, command)) + "; echo EXITED:$?; sleep 600"],
            check=True, env=env,
        )

    def screen(self) -> str:
        return subprocess.run(
            [self.tmux, *self.socket, "capture-pane", "-p", "-t", self.name], capture_output=True, text=True
        ).stdout

    def wait_for(self, *texts: str) -> str:
        """The screen once every text is on it (each drawn in its own frame, maybe)."""
        deadline = time.monotonic() + PATIENCE
        while True:
            screen = self.screen()
            if all(text in screen for text in texts):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{texts!r} never all appeared; the screen:\n{screen}")
            time.sleep(0.2)

    def send(self, *keys: str) -> None:
        subprocess.run([self.tmux, *self.socket, "send-keys", "-t", self.name, *keys], check=True)

    def close(self) -> None:
        subprocess.run([self.tmux, *self.socket, "kill-server"], capture_output=True)


@pytest.fixture
def folder(tmp_path):
    shutil.copy(REPO / "examples" / "nwda.toml", tmp_path / "nwda.toml")
    shutil.copy(REPO / "examples" / "regions" / "lazio.toml", tmp_path / "lazio.toml")
    return tmp_path


def test_the_list_opens_a_plan_and_comes_back_when_it_closes(folder):
    before = (folder / "lazio.toml").read_bytes()
    terminal = Tmux([INTL, "edit", folder], folder)
    try:
        terminal.wait_for("2 plans. Enter opens a plan.", "EUR 3,000,000", "99%")  # the rows' figures
        terminal.send("Enter")  # the first row: lazio.toml
        terminal.wait_for("Regional law for the internationalisation")
        terminal.send("C-q")  # nothing changed: the editor closes at once
        terminal.wait_for("2 plans. Enter opens a plan.", "EUR 3,000,000")
        terminal.send("Escape")
        terminal.wait_for("EXITED:0")
    finally:
        terminal.close()
    assert (folder / "lazio.toml").read_bytes() == before
