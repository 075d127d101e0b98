"""`intl edit --web`: the real command serves the editor on 127.0.0.1; its
websocket carries the plan's screen; headless Chromium renders it with every
outside host unresolvable and loads nothing from outside; Ctrl+C stops it.

Every wait is for an event (a line printed, a websocket message, a promise in
the page) under a generous deadline that only a hang reaches.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pyte
import pytest
from support import require_program

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("INTL_TEST_ARTIFACTS", REPO / "test-artifacts"))
TITLE = "Northwest internationalisation"
HANG = 120  # seconds: only a hang takes this long
# A path a shell would misread: spaces, both quotes, and a command after `;`.
HOSTILE_NAME = "it's a \"plan\"; touch pwned.toml"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Lines:
    """A process's output, line by line, read in a thread so that waiting for a line is waiting for an event."""

    def __init__(self, stream) -> None:
        self.seen: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        self.closed = threading.Event()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream) -> None:
        for line in stream:
            self._queue.put(line)
        self._queue.put(None)
        self.closed.set()

    def wait_for(self, text: str) -> str:
        while True:
            try:
                line = self._queue.get(timeout=HANG)
            except queue.Empty:
                raise AssertionError(f"no {text!r} in {HANG} s; output so far: {self.seen}") from None
            if line is None:
                raise AssertionError(f"the process ended without {text!r}: {self.seen}")
            self.seen.append(line)
            if text in line:
                return line


@pytest.fixture
def served(tmp_path):
    """`intl edit --web` on a free port for a plan whose path a shell would misread."""
    plan = tmp_path / HOSTILE_NAME
    shutil.copy(REPO / "examples" / "nwda.toml", plan)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "intl_sdk", "edit", "--web", str(plan), "--port", str(port)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    output = Lines(process.stdout)
    try:
        line = output.wait_for("Serving the editor")
        assert f"http://127.0.0.1:{port}" in line and HOSTILE_NAME in line
        yield f"http://127.0.0.1:{port}", process, output, tmp_path
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=HANG)
        output.closed.wait(timeout=HANG)  # the reader has seen the end of the output
        process.stdout.close()


async def read_screen(url: str, width: int = 120, height: int = 36) -> str:
    """Connect as a browser does and read the editor's output until the plan's title is on its screen."""
    import aiohttp

    screen = pyte.Screen(width, height)
    stream = pyte.ByteStream(screen)
    async with aiohttp.ClientSession() as session:
        async with session.ws_connect(f"{url.replace('http', 'ws')}/ws?width={width}&height={height}") as ws:
            async with asyncio.timeout(HANG):
                async for message in ws:
                    if message.type == aiohttp.WSMsgType.BINARY:
                        stream.feed(message.data)
                        shown = "\n".join(screen.display)
                        if TITLE in shown and "Findings" in shown:
                            return shown
    raise AssertionError("the websocket closed before the plan was on screen")


def test_the_served_editor_shows_the_plan_and_stops_on_ctrl_c(served):
    url, process, output, folder = served
    shown = asyncio.run(read_screen(url))
    assert "Strategy F2" in shown and "error" in shown
    assert not (folder / "pwned.toml").exists(), "the plan's path was run as a command"
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=HANG) == 0
    output.wait_for("Stopped.")


PAGE_HOOK = """
(() => {
  const Native = window.WebSocket;
  const decoder = new TextDecoder();
  let text = "";
  const waiting = [];
  const settle = () => {
    for (const waiter of waiting.splice(0)) {
      if (text.includes(waiter.needle)) waiter.resolve(); else waiting.push(waiter);
    }
  };
  const add = (bytes) => { text += decoder.decode(bytes, { stream: true }); settle(); };
  function Hooked(url, protocols) {
    const socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
    socket.addEventListener("message", (event) => {
      if (event.data instanceof ArrayBuffer) add(new Uint8Array(event.data));
      else if (event.data instanceof Blob) event.data.arrayBuffer().then((b) => add(new Uint8Array(b)));
    });
    return socket;
  }
  Hooked.prototype = Native.prototype;
  Object.assign(Hooked, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
  window.WebSocket = Hooked;
  // resolves once `needle` has arrived and the terminal has had three frames to paint it
  window.__shown = (needle) => new Promise((resolve) => { waiting.push({ needle, resolve }); settle(); })
    .then(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(done)))));
})();
"""


async def render_in_chromium(chromium: str, url: str, profile: Path, screenshot: Path) -> tuple[list[str], str]:
    """Open `url` in headless Chromium over the DevTools protocol; return every URL it requested and the body's classes."""
    import aiohttp

    browser = await asyncio.create_subprocess_exec(
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        "--remote-debugging-port=0",
        "--window-size=1400,900",
        "about:blank",
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        async with asyncio.timeout(HANG):
            while True:
                line = (await browser.stderr.readline()).decode()
                assert line, "chromium ended before its DevTools endpoint was up"
                if line.startswith("DevTools listening on "):
                    endpoint = line.split(" on ", 1)[1].strip()
                    break
            debug_port = endpoint.split(":")[2].split("/")[0]
            async with aiohttp.ClientSession() as session:
                async with session.get(f"http://127.0.0.1:{debug_port}/json/list") as response:
                    page = next(t for t in await response.json() if t["type"] == "page")
                async with session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                    requested: list[str] = []
                    counter = 0

                    async def call(method: str, **params):
                        nonlocal counter
                        counter += 1
                        ident = counter
                        await ws.send_json({"id": ident, "method": method, "params": params})
                        async for message in ws:
                            data = json.loads(message.data)
                            if data.get("method") == "Network.requestWillBeSent":
                                requested.append(data["params"]["request"]["url"])
                            if data.get("id") == ident:
                                assert "error" not in data, data
                                return data["result"]
                        raise AssertionError("DevTools closed")

                    await call("Network.enable")
                    await call("Page.enable")
                    await call("Page.addScriptToEvaluateOnNewDocument", source=PAGE_HOOK)
                    await call("Page.navigate", url=url)
                    await call("Runtime.evaluate", expression=f"window.__shown({json.dumps(TITLE)})", awaitPromise=True)
                    classes = (await call("Runtime.evaluate", expression="document.body.className"))["result"]["value"]
                    shot = await call("Page.captureScreenshot", format="png")
                    screenshot.write_bytes(base64.b64decode(shot["data"]))
                    return requested, classes
    finally:
        browser.kill()
        await browser.wait()


def test_headless_chromium_renders_the_plan_and_loads_nothing_from_outside(served):
    url, process, output, folder = served
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    screenshot = ARTIFACTS / "intl-edit-web.png"
    chromium = require_program("chromium", why="it renders the web editor: apt-get install chromium")
    profile = folder / "chromium-profile"
    profile.mkdir()
    requested, classes = asyncio.run(render_in_chromium(chromium, url, profile, screenshot))
    assert "-first-byte" in classes.split() and "-closed" not in classes.split()
    outside = [u for u in requested if not (u.startswith(url + "/") or u == url or u.startswith(("data:", "blob:", "ws://127.0.0.1")))]
    assert not outside, f"the page asked for outside resources: {outside}"
    assert any(u.endswith("/static/fonts/RobotoMono-VariableFont_wght.ttf") for u in requested), requested
    assert screenshot.stat().st_size > 20_000  # a rendered screen, not a blank page
    assert not (folder / "pwned.toml").exists()
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=HANG) == 0
