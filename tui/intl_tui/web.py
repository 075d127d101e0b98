"""`intl edit --web PLAN`: the same editor in a browser, served on this machine.

textual-serve runs one editor process per browser tab and relays its screen
over a websocket. Two things are ours: the page (textual-serve's own links a
web font from outside; ours loads only what this server serves, the bundled
font included), and the command line it starts the editor with (it goes
through a shell, so the plan's path is quoted: a path with spaces, quotes or
`;` opens that file and runs nothing).
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Any

from intl_sdk.display import printable

__all__ = ["editor_command", "serve"]

TEMPLATES = Path(__file__).parent / "web_templates"


def editor_command(plan: str) -> str:
    """The shell command that opens `plan` in the editor, every word quoted."""
    return " ".join(shlex.quote(word) for word in (sys.executable, "-m", "intl_sdk", "edit", str(Path(plan).absolute())))


def serve(plan: str, host: str = "127.0.0.1", port: int = 8000) -> int:
    """Serve the editor for `plan` until Ctrl+C (or SIGTERM); 0 when stopped so."""
    from textual_serve.server import Server

    class EditorServer(Server):
        async def on_startup(self, app: Any) -> None:
            print(f"Serving the editor for {printable(plan)} at {self.public_url}", flush=True)
            print("Open it in a browser; press Ctrl+C here to stop.", flush=True)

    server = EditorServer(
        editor_command(plan),
        host=host,
        port=port,
        title=f"intl edit — {printable(Path(plan).name)}",
        templates_path=TEMPLATES,
    )
    server.serve()
    print("Stopped.", flush=True)
    return 0
