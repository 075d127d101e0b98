"""The debounce and the dropping of stale results, decided by the test's own events.

The scheduler's wait (`delay`) and its way of running a check (`execute`) are
injected: here they wait on `asyncio.Event`s the test sets, so the order of
"a change arrives" and "a check finishes" is fixed by construction, never by
the machine's speed.
"""

from __future__ import annotations

import asyncio
import threading

import pytest

from intl_lsp.scheduling import Scheduler, in_thread
from intl_lsp.server import INLINE_CHECK_CHARACTERS, IntlLanguageServer, Snapshot


class Harness:
    """A scheduler whose debounce opens when `quiet` is set and whose checks
    finish when the test releases them (one event per text)."""

    def __init__(self) -> None:
        self.quiet = asyncio.Event()
        self.releases: dict[str, asyncio.Event] = {}
        self.started: list[str] = []
        self.published: list[tuple[str, str]] = []
        self.scheduler: Scheduler[str, str] = Scheduler(self.run, self.publish, self.delay, self.execute)

    async def delay(self) -> None:
        await self.quiet.wait()

    def run(self, text: str) -> str:
        return f"checked {text}"

    async def execute(self, run, text: str) -> str:
        self.started.append(text)
        await self.releases.setdefault(text, asyncio.Event()).wait()
        return run(text)

    def release(self, text: str) -> None:
        self.releases.setdefault(text, asyncio.Event()).set()

    def publish(self, key: str, result: str) -> None:
        self.published.append((key, result))


async def _settle(*tasks: asyncio.Task) -> None:
    await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), 60)


async def _until_started(harness: Harness, texts: list[str]) -> None:
    """Let the loop turn until the checks of `texts` have started (each turn moves a task on; no clock)."""

    async def turn() -> None:
        while harness.started != texts:
            await asyncio.sleep(0)

    await asyncio.wait_for(turn(), 60)


@pytest.mark.asyncio
async def test_changes_during_the_debounce_are_checked_once_as_the_newest():
    harness = Harness()
    tasks = [harness.scheduler.changed("plan.toml", version, f"text {version}") for version in (2, 3, 4)]
    for text in ("text 2", "text 3", "text 4"):
        harness.release(text)
    harness.quiet.set()
    await _settle(*tasks)
    assert harness.started == ["text 4"]  # the earlier waits were cancelled before they checked anything
    assert harness.published == [("plan.toml", "checked text 4")]


@pytest.mark.asyncio
async def test_a_result_overtaken_by_a_newer_change_is_not_published():
    harness = Harness()
    opening = asyncio.ensure_future(harness.scheduler.now("plan.toml", 1, "text 1"))
    await _until_started(harness, ["text 1"])  # the check has started; it waits for its release
    change = harness.scheduler.changed("plan.toml", 2, "text 2")  # arrives while version 1 is being checked
    harness.release("text 1")
    assert await opening == "checked text 1"  # returned to its caller...
    assert harness.published == []  # ...but never published: version 2 is the newest
    harness.release("text 2")
    harness.quiet.set()
    await _settle(change)
    assert harness.published == [("plan.toml", "checked text 2")]


@pytest.mark.asyncio
async def test_a_debounced_check_under_way_is_cancelled_by_a_newer_change():
    harness = Harness()
    harness.quiet.set()
    first = harness.scheduler.changed("plan.toml", 2, "text 2")
    await _until_started(harness, ["text 2"])
    second = harness.scheduler.changed("plan.toml", 3, "text 3")
    harness.release("text 2")
    harness.release("text 3")
    await _settle(first, second)
    assert first.cancelled()
    assert harness.published == [("plan.toml", "checked text 3")]


@pytest.mark.asyncio
async def test_documents_are_checked_independently_and_closing_forgets_one():
    harness = Harness()
    harness.quiet.set()
    for text in ("a 1", "b 1"):
        harness.release(text)
    await _settle(harness.scheduler.changed("a.toml", 1, "a 1"), harness.scheduler.changed("b.toml", 1, "b 1"))
    assert sorted(harness.published) == [("a.toml", "checked a 1"), ("b.toml", "checked b 1")]
    harness.quiet.clear()
    pending = harness.scheduler.changed("a.toml", 2, "a 2")
    harness.scheduler.closed("a.toml")
    await _settle(pending)
    assert pending.cancelled() and harness.scheduler.newest("a.toml") is None


@pytest.mark.asyncio
async def test_in_thread_runs_the_check_off_the_event_loop():
    loop_thread = threading.get_ident()
    assert await in_thread(lambda text: (text, threading.get_ident()), "x") != ("x", loop_thread)


@pytest.mark.asyncio
async def test_the_server_checks_small_texts_on_the_loop_and_large_ones_in_a_thread():
    loop_thread = threading.get_ident()

    def run(snapshot: Snapshot) -> int:
        return threading.get_ident()

    small = Snapshot("file:///s.toml", 1, "format = 1\n", None, "utf-16")
    large = Snapshot("file:///l.toml", 1, "#" * INLINE_CHECK_CHARACTERS, None, "utf-16")
    assert await IntlLanguageServer._execute(run, small) == loop_thread
    assert await IntlLanguageServer._execute(run, large) != loop_thread
