"""`intl lsp`: a change to diagnostics published, beside `loads` + `check` of the same text.

    uv run --all-packages python benchmarks/bench_lsp.py [--changes 100] [--large-changes 6]

Drives `intl lsp` as an editor does, over stdio (JSON-RPC with Content-Length
framing, written and read here with nothing in between): opens a plan, then
sends incremental changes of four kinds, each kind made and undone in turn
(a share's digits typed; a new line typed in a region; a whole indicator
pasted at the end of the plan; a letter typed in the comment at the top; a
quote typed in a name, which makes the text no TOML until it is taken back:
then the server reads the whole text for its error), and times each change until the
`textDocument/publishDiagnostics` of its version arrives. Every text has a
`shares-sum` finding. The server runs with
`debounceMs: 0`, so the figure is what comes after the debounce.

Beside it, in this process: the baseline, `intl_sdk.check(intl_sdk.loads(text))`
of the same texts, and the server's own work for the same change (the server
object fed the same message, its output captured: no pipes, no second
process), which tells the server's cost from the machine's process switching.
The three are interleaved change by change, so that the machine's load weighs
on all alike. Targets: published at most 1.3x the baseline, and at most 50 ms on NWDA.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import intl_sdk  # noqa: E402
from plan_factory import make_plan_text  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


class StdioClient:
    """The smallest LSP client: framed JSON over the server's stdin and stdout."""

    def __init__(self, command: list[str]) -> None:
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0

    def send(self, message: dict) -> None:
        body = json.dumps(message).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self) -> dict:
        assert self.process.stdout is not None
        length = None
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("the server closed its output")
            if line == b"\r\n":
                break
            name, _, value = line.decode("ascii").partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        assert length is not None
        return json.loads(self.process.stdout.read(length))

    def request(self, method: str, params: object) -> dict:
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == self.next_id and "method" not in message:
                return message

    def notify(self, method: str, params: object) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def diagnostics_for(self, version: int) -> list:
        while True:
            message = self.receive()
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"].get("version") == version:
                return message["params"]["diagnostics"]

    def close(self) -> None:
        self.request("shutdown", None)
        self.notify("exit", None)
        self.process.wait(timeout=60)


class InProcessServer:
    """The server object of `intl lsp`, fed messages here; what it writes is kept."""

    def __init__(self) -> None:
        from intl_lsp.server import build_server

        self.written: list[bytes] = []
        self.arrived = asyncio.Event()
        self.server = build_server()
        self.server.protocol.set_writer(self)

    def write(self, data: bytes) -> None:  # called on the event loop
        self.written.append(data)
        self.arrived.set()

    def close(self) -> None:
        pass

    def feed(self, message: dict) -> None:
        protocol = self.server.protocol
        protocol.handle_message(json.loads(json.dumps(message), object_hook=protocol.structure_message))

    async def diagnostics_for(self, version: int) -> None:
        while True:
            while not self.written:  # wait without spinning: a large plan is checked in a thread
                self.arrived.clear()
                await self.arrived.wait()
            data = self.written.pop(0)
            if b'"textDocument/publishDiagnostics"' in data and b'"version": %d' % version in data:
                return


def position(text: str, offset: int) -> dict:
    line = text.count("\n", 0, offset)
    return {"line": line, "character": offset - (text.rfind("\n", 0, offset) + 1)}


def toggle(text: str, offset: int, old: str, new: str) -> list[tuple[str, dict]]:
    """Two changes that take turns: `old` at `offset` replaced by `new`, and back.
    Each is (the text after it, the LSP content change that makes it)."""
    assert text[offset : offset + len(old)] == old
    there = text[:offset] + new + text[offset + len(old) :]
    forth = {"range": {"start": position(text, offset), "end": position(text, offset + len(old))}, "text": new}
    back = {"range": {"start": position(there, offset), "end": position(there, offset + len(new))}, "text": old}
    return [(there, forth), (text, back)]


def edits(text: str) -> tuple[dict[str, list[tuple[str, dict]]], str]:
    """What a user types, as alternating changes, and the text they start from
    (a share changed so that every text has a `shares-sum` finding).
    A share's digits and a new line stay inside one table (the server re-reads
    that table only); an item pasted at the end adds a header (the server reads
    that item alone); a letter typed in the comment at the top is in the root
    table (read alone too); a quote typed in a name makes the text no TOML
    until it is taken back (the server reads the whole text for the error)."""
    share = text.index("\nshare = ") + len("\nshare = ")
    digits = text[share : text.index("\n", share)].strip()
    first = str(int(float(digits)) + 2)
    text = text[:share] + first + text[share + len(digits) :]
    line_end = text.index("\n", share) + 1
    item = '\n[[indicators]]\nid = "pasted"\nname = "An indicator pasted at the end"\ndirection = "up"\n'
    assert text.startswith("# ")
    return {
        "share typed": toggle(text, share, first, str(int(first) + 1)),
        "line added": toggle(text, line_end, "", 'note = "typed on a new line"\n'),
        "item pasted": toggle(text, len(text), "", item),
        "top comment": toggle(text, 2, "", "x"),
        "quote typed | taken back": toggle(text, text.index('name = "') + len('name = "'), "", '"'),  # not TOML, then TOML
    }, text


async def measure(name: str, text: str, changes: int) -> None:
    kinds, text = edits(text)
    for kind, turns in kinds.items():
        forth, _, back = kind.partition(" | ")  # a kind whose two turns differ is shown as two rows
        await measure_edit([f"{name}, {forth}", f"{name}, {back}"] if back else [f"{name}, {kind}"], text, turns, changes)


async def measure_edit(names: list[str], text: str, turns: list[tuple[str, dict]], changes: int) -> None:
    """Time the turns, taking turns; one row for all, or one row a turn when given two names."""
    uri = f"file://{REPO}/bench-{names[0].replace(' ', '-').replace(',', '')}.toml"
    initialize = {"processId": os.getpid(), "capabilities": {}, "initializationOptions": {"debounceMs": 0}}
    opened = {"textDocument": {"uri": uri, "languageId": "toml", "version": 1, "text": text}}

    client = StdioClient([str(Path(sys.executable).with_name("intl")), "lsp"])
    client.request("initialize", initialize)
    client.notify("initialized", {})
    client.notify("textDocument/didOpen", opened)
    client.diagnostics_for(1)
    local = InProcessServer()
    local.feed({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": initialize})
    local.feed({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    local.feed({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": opened})
    await local.diagnostics_for(1)

    baseline, published, in_process = [], [], []
    for index in range(changes):
        after, content_change = turns[index % 2]
        start = time.perf_counter()
        try:
            intl_sdk.check(intl_sdk.loads(after))
        except intl_sdk.PlanError:
            pass  # what the server shows then: the error
        baseline.append(time.perf_counter() - start)

        version = index + 2
        change = {"textDocument": {"uri": uri, "version": version}, "contentChanges": [content_change]}

        start = time.perf_counter()
        client.notify("textDocument/didChange", change)
        found = client.diagnostics_for(version)
        published.append(time.perf_counter() - start)
        assert any(d.get("code") == "shares-sum" or "not valid TOML" in d["message"] for d in found), found

        start = time.perf_counter()
        local.feed({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": change})
        await local.diagnostics_for(version)
        in_process.append(time.perf_counter() - start)
    client.close()

    for turn, name in enumerate(names):
        every = len(names)  # with two names, each row takes its own turn's samples
        row(name, baseline[turn::every], published[turn::every], in_process[turn::every])


def row(name: str, baseline: list[float], published: list[float], in_process: list[float]) -> None:
    def ms(seconds: float) -> str:
        return f"{seconds * 1000:9.2f}"

    base_best, base_median = min(baseline), statistics.median(baseline)
    best, median = min(published), statistics.median(published)
    local_best, local_median = min(in_process), statistics.median(in_process)
    print(
        f"{name:<32} {ms(base_best)} {ms(base_median)} {ms(best)} {ms(median)}"
        f" {best / base_best:6.2f}x {median / base_median:6.2f}x {ms(local_best)} {ms(local_median)}"
        f" {local_best / base_best:6.2f}x {local_median / base_median:6.2f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=100, help="changes timed on NWDA")
    parser.add_argument("--large-changes", type=int, default=6, help="changes timed on the 5,000-action plan")
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]} on {os.uname().machine}, {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}")
    print(f"{'':<32} {'loads + check (ms)':>19} {'published over stdio (ms)':>36} {'server work, in process (ms)':>36}")
    print(
        f"{'plan, edit':<32} {'best':>9} {'median':>9} {'best':>9} {'median':>9} {'ratio':>7} {'ratio':>7}"
        f" {'best':>9} {'median':>9} {'ratio':>7} {'ratio':>7}"
    )
    asyncio.run(measure("nwda", (REPO / "examples" / "nwda.toml").read_text(encoding="utf-8"), args.changes))
    asyncio.run(measure("5k actions", make_plan_text(), args.large_changes))
    print("published: from sending textDocument/didChange to reading the diagnostics of that version (debounce 0)")
    print("server work: the same change handled by the server object in this process, until it writes the diagnostics")
    print("ratios: against loads + check of the same texts, best against best and median against median")


if __name__ == "__main__":
    main()
