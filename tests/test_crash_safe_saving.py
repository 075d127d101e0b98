"""Crash-safe saving: a save killed at any moment leaves the old plan or the new one.

A writer process saves a plan; the test kills it with SIGKILL at each step of
a save, by construction: the writer stops itself at a named point (the
temporary file made, half of the text written, all of it written, flushed to
disk, just before the rename, just after it) and says where it is; only then
is it killed. After each kill the file must be exactly the old or the new
version, and the next save must remove what the killed one left behind.
Random kills come on top, anywhere in a stream of saves. Nothing depends on
how fast the machine is.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import intl_sdk

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from plan_factory import make_plan_text  # noqa: E402

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

#: The steps of a save, in order; the writer can stop at each.
POINTS = ("temporary-made", "half-written", "written", "flushed", "before-rename", "after-rename")
#: While the writer stands at these, its temporary file exists and the plan is still the old one.
MID_SAVE = POINTS[:-1]

STOPPING_WRITER = textwrap.dedent(
    """
    import os, signal, sys, tempfile, intl_sdk

    path, stop_at, save_number = sys.argv[1], sys.argv[2], int(sys.argv[3])
    saves = 0

    def point(name):
        if name == stop_at and saves == save_number:
            print(name, flush=True)
            while True:          # stand here until the test's SIGKILL
                signal.pause()

    make_temporary, fdopen, fsync, replace = tempfile.mkstemp, os.fdopen, os.fsync, os.replace

    def mkstemp(*args, **kwargs):
        made = make_temporary(*args, **kwargs)
        point("temporary-made")
        return made

    class Stream:
        def __init__(self, raw): self.raw = raw
        def __enter__(self): return self
        def __exit__(self, *exc): return self.raw.__exit__(*exc)
        def write(self, payload):
            half = len(payload) // 2
            self.raw.write(payload[:half]); self.raw.flush()
            point("half-written")
            self.raw.write(payload[half:]); self.raw.flush()
            point("written")
        def flush(self): self.raw.flush()
        def fileno(self): return self.raw.fileno()

    def flushed(fd):
        fsync(fd)
        point("flushed")

    def renamed(source, target):
        point("before-rename")
        replace(source, target)
        point("after-rename")

    tempfile.mkstemp = mkstemp
    os.fdopen = lambda *a, **k: Stream(fdopen(*a, **k))
    os.fsync = flushed
    os.replace = renamed

    plan = intl_sdk.load(path)
    while True:
        saves += 1
        plan.regions[0].share = 1 if plan.regions[0].share != 1 else 2
        intl_sdk.dump(plan, path)
        print("saved", flush=True)
    """
)

FREE_WRITER = textwrap.dedent(
    """
    import sys, intl_sdk
    path = sys.argv[1]
    plan = intl_sdk.load(path)
    while True:
        plan.regions[0].share = 1 if plan.regions[0].share != 1 else 2
        intl_sdk.dump(plan, path)
        print("saved", flush=True)
    """
)


@pytest.fixture
def plan_file(tmp_path):
    """A plan file and its versions in the order the writers save them: as
    written, then the first region's share alternating between 1 and 2."""
    path = tmp_path / "plan.toml"
    text = make_plan_text(actions=200, regions=20, indicators=20)
    path.write_text(text, encoding="utf-8")
    plan = intl_sdk.load(path)
    versions = [text.encode("utf-8")]
    for _ in range(2):
        plan.regions[0].share = 1 if plan.regions[0].share != 1 else 2
        versions.append(intl_sdk.dumps(plan).encode("utf-8"))
    return path, versions


def _kill(writer: subprocess.Popen) -> None:
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=600)
    writer.stdout.close()


def _leftovers(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name != "plan.toml")


@pytest.mark.parametrize("save_number", [1, 2])
@pytest.mark.parametrize("stop_at", POINTS)
def test_a_save_killed_at_each_step_leaves_the_old_or_the_new_plan(plan_file, stop_at, save_number):
    path, versions = plan_file
    before, new = versions[save_number - 1], versions[save_number]
    writer = subprocess.Popen(
        [sys.executable, "-c", STOPPING_WRITER, str(path), stop_at, str(save_number)],
        stdout=subprocess.PIPE,
        text=True,
    )
    lines = []
    for line in writer.stdout:  # blocks until the writer stands at the point: no clock involved
        lines.append(line.strip())
        if line.strip() == stop_at or lines.count("saved") == save_number:
            break  # at the point, or past the save that should have stopped there
    if lines[-1:] != [stop_at]:
        _kill(writer)
    assert lines[-1:] == [stop_at], f"the writer never reached {stop_at}: {lines}"
    assert lines.count("saved") == save_number - 1
    if stop_at in MID_SAVE:
        assert _leftovers(path.parent), "the kill lands while the temporary file exists"
        assert path.read_bytes() == before, "until the rename, the plan is untouched"
    _kill(writer)
    after = path.read_bytes()
    assert after == (new if stop_at == "after-rename" else before), f"killed at {stop_at}: not the old or new plan"
    intl_sdk.dump(intl_sdk.load(path), path)  # the next save removes what the killed one left
    assert _leftovers(path.parent) == []


def test_saves_killed_at_random_leave_the_old_or_the_new_plan(plan_file):
    """On top of the steps above: kills wherever they happen to land in a stream of saves."""
    path, versions = plan_file
    generator = random.Random(20261126)
    for _ in range(8):
        writer = subprocess.Popen([sys.executable, "-c", FREE_WRITER, str(path)], stdout=subprocess.PIPE, text=True)
        for _ in range(generator.randint(1, 4)):  # let it finish a few saves, then kill it mid-stream
            assert writer.stdout.readline() == "saved\n"
        _kill(writer)
        assert path.read_bytes() in versions
    intl_sdk.dump(intl_sdk.load(path), path)
    assert _leftovers(path.parent) == []


def test_dump_never_opens_the_plan_itself_for_writing(tmp_path):
    """Only the temporary file is written; the plan is replaced by a rename."""
    path = tmp_path / "plan.toml"
    path.write_text(make_plan_text(actions=50, regions=5, indicators=5), encoding="utf-8")
    plan = intl_sdk.load(path)
    plan.regions[0].share = 1
    opened: list[tuple[str, object]] = []
    watching = True

    def audit(event: str, args: tuple) -> None:
        if watching and event == "open" and args and str(args[0]) == str(path):
            opened.append((event, args[1]))

    sys.addaudithook(audit)  # audit hooks cannot be removed: `watching` turns this one off
    try:
        intl_sdk.dump(plan, path)
    finally:
        watching = False
    assert [mode for _, mode in opened if mode not in ("r", "rb", None)] == []
    assert intl_sdk.load(path).regions[0].share == 1
