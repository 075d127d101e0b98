"""A real terminal for a real program: a pseudo-terminal whose screen pyte keeps.

A thread reads the program's output as it comes, noting when each chunk
arrived, and another feeds it to pyte, beside the program (never in the way
of what is being timed); `wait_for` waits for the
screen to show something, woken by each chunk of output, under a deadline
only a hang reaches. Used by the `intl edit` terminal test and by
`benchmarks/bench_tui_terminal.py`.
"""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import subprocess
import termios
import threading
import time
from collections import deque
from typing import Callable

import pyte

KEYS = {
    "f2": b"\x1bOQ",
    "f3": b"\x1bOR",
    "f4": b"\x1bOS",
    "f5": b"\x1b[15~",
    "f8": b"\x1b[19~",
    "tab": b"\t",
    "enter": b"\r",
    "escape": b"\x1b",
    "backspace": b"\x7f",
    "ctrl+q": b"\x11",
    "ctrl+s": b"\x13",
    "down": b"\x1b[B",
    "end": b"\x1b[F",
    "home": b"\x1b[H",
    "up": b"\x1b[A",
}


class Terminal:
    """`argv` running in a `width` x `height` pseudo-terminal."""

    def __init__(self, argv: list[str], width: int, height: int, cwd: str | None = None, env: dict | None = None) -> None:
        self.width, self.height = width, height
        self.screen = pyte.Screen(width, height)
        self._stream = pyte.ByteStream(self.screen)
        self._changed = threading.Condition()
        self.updates = 0  # chunks of output read so far
        self.last_update = 0.0  # perf_counter() when the last chunk arrived
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
        environment = {**os.environ, **(env or {}), "TERM": "xterm-256color", "COLUMNS": str(width), "LINES": str(height)}
        environment.pop("NO_COLOR", None)
        self.process = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, cwd=cwd, env=environment, start_new_session=True, close_fds=True
        )
        os.close(slave)
        self._master = master
        self._ended = threading.Event()
        self._chunks: deque[tuple[float, bytes]] = deque()  # read, not yet fed to pyte
        self._arrived = threading.Semaphore(0)
        # Two threads: one only reads and notes when each chunk arrived, one feeds pyte
        # (pure Python: a full screen takes milliseconds). Were they one, a chunk that
        # arrived while the one before was being parsed would be timed late.
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._parser = threading.Thread(target=self._parse, daemon=True)
        self._reader.start()
        self._parser.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self._master, 65536)
            except OSError:
                chunk = b""
            self._chunks.append((time.perf_counter(), chunk))
            self._arrived.release()
            if not chunk:
                return

    def _parse(self) -> None:
        while True:
            self._arrived.acquire()
            arrived, chunk = self._chunks.popleft()
            with self._changed:
                if chunk:
                    self._stream.feed(chunk)
                    self.updates += 1
                    self.last_update = arrived
                else:
                    self._ended.set()
                self._changed.notify_all()
            if not chunk:
                return

    def text(self) -> str:
        with self._changed:
            return "\n".join(self.screen.display)

    def send(self, *keys: str | bytes) -> float:
        """Write keys (names from KEYS, or text) as a terminal would; the time it was written."""
        data = b"".join(KEYS.get(k, k.encode()) if isinstance(k, str) else k for k in keys)
        written = time.perf_counter()
        os.write(self._master, data)
        return written

    def wait_for(self, shown: Callable[[str], bool] | str, deadline: float = 120.0) -> str:
        """The screen's text once `shown` (a predicate, or text to find) holds; AssertionError after `deadline` s.
        `shown_at` is then the time the output that made it hold arrived."""
        test = shown if callable(shown) else (lambda screen, text=shown: text in screen)
        end = time.monotonic() + deadline
        with self._changed:
            while True:
                screen = "\n".join(self.screen.display)
                if test(screen):
                    self.shown_at = self.last_update
                    return screen
                if self._ended.is_set():
                    raise AssertionError(f"the program ended; its last screen:\n{screen}")
                left = end - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"not on screen after {deadline} s:\n{screen}")
                self._changed.wait(left)

    def wait_exit(self, deadline: float = 120.0) -> int:
        code = self.process.wait(timeout=deadline)
        self._ended.wait(deadline)
        return code

    def close(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self._ended.wait(30)
        os.close(self._master)
