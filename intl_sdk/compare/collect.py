"""Reading a portfolio: walk the paths, read and check each plan, keep its summary.

Folders are walked recursively; a TOML file is a plan when `plan_files`
says so (its top-level table has `format`), as `intl check --only-plans`
decides, for named files too. Each plan is loaded, checked, summarised and
dropped before the next is read. With `jobs` above 1 and enough files, the
files are shared out between processes (`concurrent.futures`), each of which
does the same; the summaries come back in the files' order.
"""

from __future__ import annotations

import os
from typing import Iterable

from attrs import define, field, frozen

from intl_sdk.compare.summary import PlanSummary, summarise

__all__ = ["Portfolio", "Unreadable", "read_portfolio", "summarise_file", "PROCESSES_FROM"]

#: Fewer files than this are read in one process: starting workers costs more than it saves.
PROCESSES_FROM = 24

_NOT_A_PLAN = "not a plan (no top-level `format`)"


@frozen
class Unreadable:
    """A plan file that could not be read: the reader's message names file and line."""

    path: str
    message: str


@define
class Portfolio:
    """What `intl compare` found: plan summaries, files that failed, files skipped."""

    plans: list[PlanSummary] = field(factory=list)
    unreadable: list[Unreadable] = field(factory=list)
    skipped: list[tuple[str, str]] = field(factory=list)  # (path, why)


def summarise_file(path: str) -> PlanSummary | Unreadable | tuple[str, str]:
    """Read, check and summarise one file; a skipped file is (path, why)."""
    from intl_sdk.checks import check
    from intl_sdk.errors import NotAPlanError, PlanError
    from intl_sdk.plan_files import has_format_line
    from intl_sdk.plugins import installed_plugins
    from intl_sdk.reading import load, loads

    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        data = None  # the reader says what is wrong, in its words
    if data is not None and not has_format_line(data):
        return (path, _NOT_A_PLAN)
    try:
        plan = load(path) if data is None else loads(data, path=path)
    except NotAPlanError:
        return (path, _NOT_A_PLAN)
    except PlanError as error:
        return Unreadable(path, str(error))
    del data
    plugins = installed_plugins()
    return summarise(plan, path, check(plan, plugins=plugins), plugins.frameworks)


def _summarise_files(paths: list[str]) -> list[PlanSummary | Unreadable | tuple[str, str]]:
    return [summarise_file(path) for path in paths]


def read_portfolio(paths: Iterable[str], *, jobs: int = 1) -> Portfolio:
    """Every plan under `paths`, summarised, in the order the files are found."""
    from intl_sdk.plan_files import find_toml_files

    seen: set[str] = set()
    files = []
    for path, _named in find_toml_files(paths, recursive=True):
        real = os.path.realpath(path)
        if real not in seen:  # a file named twice (or in a folder also named) is one plan
            seen.add(real)
            files.append(path)
    portfolio = Portfolio()
    for result in _results(files, jobs):
        if isinstance(result, PlanSummary):
            portfolio.plans.append(result)
        elif isinstance(result, Unreadable):
            portfolio.unreadable.append(result)
        else:
            portfolio.skipped.append(result)
    return portfolio


def _results(files: list[str], jobs: int) -> Iterable[PlanSummary | Unreadable | tuple[str, str]]:
    jobs = max(1, min(jobs, len(files) // max(1, PROCESSES_FROM // 2)))
    if jobs == 1 or len(files) < PROCESSES_FROM:
        return (summarise_file(path) for path in files)
    from concurrent.futures import ProcessPoolExecutor

    # Batches of a few files: one message per batch, and every worker busy to the end.
    size = max(1, min(16, len(files) // (jobs * 8)))
    batches = [files[i : i + size] for i in range(0, len(files), size)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return [result for batch in pool.map(_summarise_files, batches) for result in batch]


def default_jobs() -> int:
    """The processes `--jobs auto` uses: one a core that is idle (the cores this
    process may run on, less the load average). Processes pay only on idle
    cores: on two busy cores a second process reading plans made `intl
    compare` slower, not faster (benchmarks/bench_compare.py)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):
        return 1
    return max(1, min(cores, int(cores - load + 0.5)))
