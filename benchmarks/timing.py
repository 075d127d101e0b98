"""Timing that cannot flatter: fresh inputs every round, garbage collection counted, memory peaks.

Ratios measured in one run are comparable even on a shared machine: the
functions compared run in alternation, round after round, and each keeps its
fastest round. Times are the process's CPU time (`time.process_time`): on a
machine whose cores other work keeps busy, wall-clock time mostly measures
the wait for a core. Every round starts from a collected heap, so no round
pays for another's garbage; the time the collector spends inside a round is
reported.
"""

from __future__ import annotations

import gc
import time
import tracemalloc
from dataclasses import dataclass
from typing import Any, Callable


@dataclass
class Timing:
    seconds: float  # CPU time of the fastest round
    wall: float  # its wall-clock time
    gc_seconds: float  # CPU time of garbage collection inside that round
    collections: int  # collector passes inside that round


class _GcClock:
    def __init__(self) -> None:
        self.total = 0.0
        self.passes = 0
        self._start = 0.0

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._start = time.process_time()
        else:
            self.total += time.process_time() - self._start
            self.passes += 1


def forget_caches(prefix: str = "intl_sdk") -> None:
    """Clear every `functools` cache in the package's modules: a round must not
    profit from the one before (a user's `intl check` starts a fresh process)."""
    import sys

    for name, module in list(sys.modules.items()):
        if not name.startswith(prefix) or module is None:
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()


def interleaved(
    functions: dict[str, Callable[[Any], object]],
    rounds: int = 5,
    setups: dict[str, Callable[[], Any]] | None = None,
) -> dict[str, Timing]:
    """Each function's fastest round, the functions taking turns.

    `setups[name]()` makes a fresh input for one round (untimed); the function
    gets it as its argument (None without a setup)."""
    setups = setups or {}
    best: dict[str, Timing] = {}
    for _ in range(rounds):
        for name, function in functions.items():
            argument = setups[name]() if name in setups else None
            forget_caches()
            gc.collect()
            clock = _GcClock()
            gc.callbacks.append(clock)
            try:
                wall, start = time.perf_counter(), time.process_time()
                function(argument)
                elapsed, wall = time.process_time() - start, time.perf_counter() - wall
            finally:
                gc.callbacks.remove(clock)
            del argument
            if name not in best or elapsed < best[name].seconds:
                best[name] = Timing(elapsed, wall, clock.total, clock.passes)
    return best


def peak_memory(function: Callable[[], object]) -> int:
    """Bytes allocated at the peak of one call (tracemalloc), the result kept alive to the end."""
    gc.collect()
    tracemalloc.start()
    try:
        result = function()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del result
    return peak


def best_of(function: Callable[[], object], repeat: int = 5, minimum_time: float = 0.2) -> float:
    """The fastest of `repeat` runs (each looped until it takes `minimum_time`), in seconds."""
    loops = 1
    while True:
        start = time.perf_counter()
        for _ in range(loops):
            function()
        elapsed = time.perf_counter() - start
        if elapsed >= minimum_time or loops >= 1_000_000:
            break
        loops *= 2
    times = [elapsed / loops]
    for _ in range(repeat - 1):
        start = time.perf_counter()
        for _ in range(loops):
            function()
        times.append((time.perf_counter() - start) / loops)
    return min(times)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:9.2f} ms"


def machine() -> str:
    import os
    import sys

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"Python {sys.version.split()[0]} on {os.uname().machine}, {os.cpu_count()} cores, "
        f"load average {load:.1f} at the start"
    )
