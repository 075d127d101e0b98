"""Crash-safe saving: a save killed at any moment leaves the old plan or the new one.

Writer processes save a large plan over and over, alternating two versions,
and are killed with SIGKILL at random moments; 200 saves in all. After each
kill the file must be exactly one of the two versions, and once a save has
completed again no temporary file may be left in the folder.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import intl_sdk

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from plan_factory import make_plan_text  # noqa: E402

SAVES = 200

WRITER = textwrap.dedent(
    """
    import os, random, sys, time, intl_sdk
    # A slow disk: flushing takes up to 40 ms, so kills often land while the
    # temporary file exists and before it is renamed over the plan.
    fsync = os.fsync
    def slow_fsync(fd):
        time.sleep(random.uniform(0, 0.04))
        fsync(fd)
    os.fsync = slow_fsync
    path = sys.argv[1]
    plan = intl_sdk.load(path)
    count = 0
    while True:
        plan.regions[0].share = 1 if plan.regions[0].share != 1 else 2
        intl_sdk.dump(plan, path)
        count += 1
        print(count, flush=True)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_saves_killed_at_random_leave_the_old_or_the_new_plan_and_no_temporary_files(tmp_path):
    path = tmp_path / "plan.toml"
    text = make_plan_text(actions=800, regions=40, indicators=80)
    path.write_text(text, encoding="utf-8")
    plan = intl_sdk.load(path)
    versions = set()
    for share in (1, 2):
        plan.regions[0].share = share
        versions.add(intl_sdk.dumps(plan).encode("utf-8"))
    versions.add(text.encode("utf-8"))  # before the first save completes
    random.seed(20261124)
    saves = kills = mid_save = 0
    while saves < SAVES:
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True)
        # let it load, then kill it after a random number of saves and a random fraction of one
        target = random.randint(1, 12)
        done = 0
        while done < target:
            line = writer.stdout.readline()
            if not line:
                break
            done = int(line)
        time.sleep(random.uniform(0, 0.15))  # anywhere in a save: computing, writing, flushing, renaming
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
        kills += 1
        saves += done
        assert path.read_bytes() in versions, f"after kill {kills} the file is neither version"
        mid_save += any(name != "plan.toml" for name in os.listdir(tmp_path))  # killed while writing
    intl_sdk.dump(intl_sdk.load(path), path)  # the next save cleans up after killed ones
    assert os.listdir(tmp_path) == ["plan.toml"]
    assert kills >= 10 and mid_save >= 3, f"only {mid_save} of {kills} kills landed mid-save: the test proved little"


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
