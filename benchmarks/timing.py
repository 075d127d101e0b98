"""Best-of-N timing, so that ratios measured in one run are comparable."""

from __future__ import annotations

import time
from typing import Callable


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
