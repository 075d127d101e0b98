"""When to check a document, and which results to publish.

A change waits for the debounce (a quiet moment) before the document is
checked; a newer change cancels the wait, or the check under way, and starts
the wait again. A result is published only if its version is still the
document's newest: nothing stale reaches the editor. Opening and saving check
at once.

The waiting is an injected awaitable (`delay`), and the check an injected
function that `execute` runs (in a worker thread by default, so a newer change
can arrive while a long check runs), so tests decide the order of events with
their own `asyncio.Event`s: no clocks, no sleeps.
"""

from __future__ import annotations

import asyncio
from typing import Awaitable, Callable, Generic, TypeVar

__all__ = ["Scheduler", "in_thread", "sleeping"]

Result = TypeVar("Result")
Work = TypeVar("Work")


def sleeping(seconds: float) -> Callable[[], Awaitable[None]]:
    """The production delay: wait `seconds` (no wait at all for 0)."""

    async def delay() -> None:
        if seconds > 0:
            await asyncio.sleep(seconds)

    return delay


async def in_thread(run: Callable[[Work], Result], work: Work) -> Result:
    """Run a check in a worker thread, leaving the event loop free to read changes."""
    return await asyncio.to_thread(run, work)


class Scheduler(Generic[Work, Result]):
    """Debounced checks per document key, publishing only the newest version.

    `run(work)` checks what a version gave to check (its text) in a worker
    thread and returns a result; `publish(key, result)` is called on the event
    loop with results whose version is still the newest for the key.
    """

    def __init__(
        self,
        run: Callable[[Work], Result],
        publish: Callable[[str, Result], None],
        delay: Callable[[], Awaitable[None]],
        execute: Callable[[Callable[[Work], Result], Work], Awaitable[Result]] = in_thread,
    ) -> None:
        self._run = run
        self._publish = publish
        self._delay = delay
        self._execute = execute
        self._newest: dict[str, int | None] = {}
        self._pending: dict[str, asyncio.Task[None]] = {}

    def newest(self, key: str) -> int | None:
        return self._newest.get(key)

    def changed(self, key: str, version: int | None, work: Work) -> asyncio.Task[None]:
        """A new version: check it after the debounce, unless another comes first."""
        self._newest[key] = version
        self._cancel(key)
        task = asyncio.ensure_future(self._after_delay(key, version, work))
        self._pending[key] = task
        return task

    async def now(self, key: str, version: int | None, work: Work) -> Result:
        """Check this version at once (open, save); the result is returned, and
        published if it is still the newest when it is ready."""
        self._newest[key] = version
        self._cancel(key)
        return await self._check(key, version, work)

    def adopt(self, key: str, version: int | None) -> None:
        """A result for this version was made elsewhere: drop any wait for it."""
        if self._newest.get(key) == version:
            self._cancel(key)

    def closed(self, key: str) -> None:
        self._cancel(key)
        self._newest.pop(key, None)

    def _cancel(self, key: str) -> None:
        task = self._pending.pop(key, None)
        if task is not None and not task.done():
            task.cancel()

    async def _after_delay(self, key: str, version: int | None, work: Work) -> None:
        await self._delay()
        await self._check(key, version, work)

    async def _check(self, key: str, version: int | None, work: Work) -> Result:
        result = await self._execute(self._run, work)
        if key in self._newest and self._newest[key] == version:
            self._publish(key, result)
        return result
