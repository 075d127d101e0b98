"""Checking while the plan is typed: one check at a time, on the latest plan
only, re-running only the checks that read what changed (`rechecks`). A mixin
of `PlanEditorApp`, kept apart so that the app module stays about editing."""

from __future__ import annotations

import threading
import time
from typing import Any

from textual import work
from textual.css.query import NoMatches
from textual.worker import get_current_worker

import intl_sdk
from intl_sdk.findings import Finding

from intl_tui.rechecks import Learned, Read, everything, learn, recheck


class CheckingMixin:
    """Needs `plan`, `findings`, `_painted` (set at the first paint), `_answered`
    (set once the first key's answer is drawn) and `_show_findings_table`; the
    app calls `schedule_check` after each edit and sets `_changed` (what the
    edit changed, or None for "unknown")."""

    LEARN_AFTER = 1.0  # seconds without an edit before learning what each check reads (rechecks)
    # Seconds the first check and line-map scan wait after the first paint for a first key:
    # one typed then is answered before them rather than sharing the interpreter with them.
    # They start as soon as that key is answered; this only bounds the wait when none comes.
    FIRST_KEY_WAIT = 0.3
    # Seconds the screen may wait after an edit for its findings, so that the key
    # and what it changed are drawn in one frame: one frame a key instead of two
    # (about 4 ms each on 5,000 actions), and never a new total beside old counts.
    # A check that takes longer lets the key be drawn when this runs out.
    HOLD_FOR_FINDINGS = 0.03

    plan: Any
    findings: list[Finding]
    _painted: threading.Event
    _answered: threading.Event

    def _wait_for_first_screen(self) -> None:
        """In a thread: wait until the first screen is drawn, then until the first
        key is answered or FIRST_KEY_WAIT passed without one."""
        self._painted.wait()
        self._answered.wait(self.FIRST_KEY_WAIT)

    def _start_checking(self) -> None:
        self.latencies: list[float] = []  # seconds from an edit to its findings on screen
        self._generation = 0
        self._checking = False  # a check is running (or its findings are on their way)
        self._learned: Learned | None = None  # what each check found and read (see rechecks)
        self._learned_at = -1  # the generation it was learned at
        self._changed: set[Read] | None = None  # read by the checks, changed since the findings shown; None: unknown
        self._edited_at = 0.0
        self._hold: Any = None  # the screen's batch of updates, while it waits for findings
        self._hold_timer: Any = None

    def _hold_screen(self) -> None:
        """Draw nothing until the findings of the latest edit are shown, or for
        HOLD_FOR_FINDINGS at most (from the first edit the screen waits for)."""
        if self._hold is None and self._painted.is_set():
            self._hold = self.batch_update()
            self._hold.__enter__()
            self._hold_timer = self.set_timer(self.HOLD_FOR_FINDINGS, self._release_screen)

    def _release_screen(self) -> None:
        hold, self._hold = self._hold, None
        if hold is not None:
            self._hold_timer.stop()
            hold.__exit__(None, None, None)

    def schedule_check(self) -> None:
        """Check the plan as it is now. One check runs at a time, and only ever on
        the latest plan: keys typed while one runs start none of their own; when it
        ends, its findings are shown if nothing changed meanwhile, and otherwise the
        plan is checked again, once, for all of those keys (a burst of typing costs
        two checks, not one a key fighting each other for the interpreter)."""
        self._generation += 1
        self._edited_at = time.perf_counter()
        self._hold_screen()
        if not self._checking:
            self._checking = True
            self._run_check(self._generation)

    @work(thread=True, group="line-map")
    def _warm_line_map(self) -> None:
        """Scan the file's line map now, off the UI thread: otherwise the first
        finding that needs a line pays for it in the middle of someone's typing."""
        self._wait_for_first_screen()
        if self.plan.origin is not None:
            self.plan.origin.layout  # noqa: B018 (computed and cached on first use)

    @work(thread=True, group="check")
    def _run_check(self, generation: int) -> None:
        self._wait_for_first_screen()
        self._check_until_shown(generation)

    def _check_until_shown(self, generation: int | None) -> None:
        """In the checking thread: check, and check again while the plan changed
        meanwhile, in this one worker (so that waiting for the app's workers waits
        for the findings of the last edit)."""
        while generation is not None and not get_current_worker().is_cancelled:
            generation = self._from_thread(self._checked, generation, self._check_now())

    def _from_thread(self, callback, *args) -> int | None:
        """`callback(*args)` on the UI thread; None once the app is closing."""
        try:
            return self.call_from_thread(callback, *args)
        except RuntimeError:  # the app stopped running meanwhile
            return None

    def _check_now(self) -> tuple[str, Any] | None:
        """Only the checks that read what changed when that is known (rechecks),
        else the whole check; None when the plan changed under it."""
        learned, changed = self._learned, self._changed
        changed = None if changed is None else set(changed)
        try:
            if learned is not None and changed is not None and self.plan.origin is learned.origin:
                again = recheck(self.plan, learned, changed)
                if again is not None:
                    return ("again", again)
            return ("whole", intl_sdk.check(self.plan))
        except Exception:  # the plan changed under the check (then it is checked again)
            return None

    def _checked(self, generation: int, result: tuple[str, Any] | None) -> int | None:
        """A check ended (on the UI thread, so that no key comes in between): show
        its findings, or say which generation to check now."""
        if generation != self._generation:
            return self._generation  # the plan changed since: check it as it is now
        self._checking = False
        if result is None:
            self._release_screen()
            return None
        kind, found = result
        learned = self._learned
        if kind == "again" and learned is not None:
            learned.findings.update(found)
            findings = everything(learned)
        else:
            findings = found
            if learned is not None and not any(f.code == "plugin-error" for f in findings):
                # what each check found, as of now; what they read is kept until learned again
                learned.findings = {code: [] for code in learned.reads}
                for finding in findings:
                    learned.findings.setdefault(finding.code, []).append(finding)
                learned.origin = self.plan.origin
            else:
                self._learned = None
        self._changed = set()
        self._show_findings(generation, findings)
        return None

    def _learn_when_quiet(self) -> None:
        if time.perf_counter() - self._edited_at >= self.LEARN_AFTER:
            self.learn_checks()

    def learn_checks(self) -> None:
        """Learn what each check reads (in a thread, one check at a time): done
        once the plan is open, and again when typing pauses. Keys typed meanwhile
        do not stop it: someone who opens a plan and types at once would
        otherwise never pause long enough, and every key would cost a whole check."""
        if self._checking or self._learned_at == self._generation or not self._painted.is_set():
            return  # busy, learned already, or no plan on screen yet
        self._checking = True
        self._learn(self._generation)

    @work(thread=True, group="check")
    def _learn(self, generation: int) -> None:
        self._wait_for_first_screen()
        worker = get_current_worker()
        try:
            learned = learn(self.plan, cancelled=lambda: worker.is_cancelled)
        except Exception:  # the plan changed under it
            learned = None
        if not get_current_worker().is_cancelled:
            self._check_until_shown(self._from_thread(self._learnt, generation, learned))

    def _learnt(self, generation: int, learned: Learned | None) -> int | None:
        """Learning ended: keep what it learned. If the plan was edited meanwhile,
        what each check reads is kept (learned again at the next pause, as after
        any edit) but its findings are not: the plan as it is now is checked whole
        in the same worker, which gives every check's findings again."""
        self._learned_at = generation
        if generation != self._generation:
            self._learned = learned if learned is not None and learned.reads else None
            self._changed = None  # a whole check next
            return self._generation
        self._checking = False
        if learned is None:  # a plugin failed: whole checks, which report it
            self._learned = None
            return None
        learned.origin = self.plan.origin
        self._learned = learned
        self._changed = set()
        self._show_findings(generation, everything(learned))
        return None

    def _show_findings(self, generation: int, findings: list[Finding]) -> None:
        if generation != self._generation:
            return  # stale: the plan has changed since
        self.findings = findings
        try:
            self._show_findings_table()
        except NoMatches:  # the app is closing (a check outlived its screen)
            return
        finally:
            self._release_screen()
        self.latencies.append(time.perf_counter() - self._edited_at)

