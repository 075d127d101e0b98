"""A real editor: Neovim, headless, opens examples/nwda.toml with `intl lsp`
attached and shows the same findings as `intl check`, on the right spans.

The editor quits when its DiagnosticChanged event fires (see neovim/init.lua);
the only deadline is the subprocess timeout, which only a hang reaches.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from lsp_client import EXAMPLES, intl_command, run_intl
from support import require_program

CONFIG = Path(__file__).parent / "neovim" / "init.lua"


def test_neovim_shows_intl_checks_findings_on_their_spans(tmp_path):
    nvim = require_program("nvim", why="Neovim is the LSP client of this test; Debian's neovim package")
    output = tmp_path / "diagnostics.json"
    home = tmp_path / "home"
    env = {
        **os.environ,
        "INTL_LSP_COMMAND": json.dumps(intl_command()),
        "INTL_LSP_OUTPUT": str(output),
        # Neovim's own state, log and shada go here, not into the user's home.
        **{name: str(home / name.lower()) for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")},
    }
    result = subprocess.run(
        [nvim, "--headless", "-n", "-i", "NONE", "-u", str(CONFIG), str(EXAMPLES / "nwda.toml")],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=180,
        stdin=subprocess.DEVNULL,
    )
    assert output.exists(), f"Neovim wrote no diagnostics: {result.stdout}{result.stderr}"
    shown = json.loads(output.read_text(encoding="utf-8"))
    expected = json.loads(run_intl("check", str(EXAMPLES / "nwda.toml"), "--format", "json").stdout)["files"][0]["findings"]
    levels = {"error": 1, "warning": 2, "info": 3}  # vim.diagnostic.severity
    assert sorted((d["lnum"] + 1, d["code"], d["severity"], d["message"].split("\n")[0]) for d in shown) == sorted(
        (f["line"], f["code"], levels[f["severity"]], f["message"]) for f in expected
    )
    shares = next(d for d in shown if d["code"] == "shares-sum")
    line = (EXAMPLES / "nwda.toml").read_text(encoding="utf-8").split("\n")[shares["lnum"]]
    assert line[shares["col"] : shares["end_col"]] == "share = 24" and shares["end_lnum"] == shares["lnum"]
    assert all(d["source"] == "intl" for d in shown)
