"""Saving plans: keep the author's file, change only the lines that changed.

A plan read from a file is saved by comparing its data with the data the file
had and editing the text through the line map (see `_edit`): a changed value
is replaced in place, a removed item's lines go, a new item is written after
its neighbour. Comments, blank lines, key order and layout stay. Every result
is parsed back and compared with the plan; if an edit cannot be made
faithfully the whole plan is written afresh (data is never traded for layout).
"""

from __future__ import annotations

import gc
import os
import tempfile
import warnings
from typing import Any

from intl_sdk._compare import equivalent
from intl_sdk._edit import Editor, Rewrite, newline_of
from intl_sdk._origin import Origin
from intl_sdk.model import Plan
from intl_sdk.reading import BOM, parse_toml
from intl_sdk.rendering import render_plan, to_data

__all__ = ["LayoutLostWarning", "dump", "dumps"]


class LayoutLostWarning(UserWarning):
    """Saving could not keep the file's layout and wrote the plan afresh."""


def dumps(plan: Plan) -> str:
    """The plan as TOML text: its own file's text, edited, if it came from one
    (with its byte-order mark, if it had one)."""
    return _dumps(plan)[0]


def _dumps(plan: Plan) -> tuple[str, dict[str, Any]]:
    """The text, and its data as `tomllib` reads it (for the next save)."""
    enabled = gc.isenabled()
    gc.disable()  # building and re-reading the text allocates much and frees little
    try:
        data = to_data(plan)
        origin = plan.origin
        if origin is not None:
            edited = _edit(origin, data)
            if edited is not None:
                text, reread = edited
                return (BOM + text if origin.bom else text), reread
        text = render_plan(data, newline_of(origin.text) if origin else "\n")
        reread = parse_toml(text)
        if not equivalent(reread, data, Plan):  # a bug in rendering, never a user's error
            raise ValueError("the plan cannot be written as TOML faithfully")
    finally:
        if enabled:
            gc.enable()
    if origin is None:
        return text, reread
    warnings.warn(
        "this change could not be made as a small edit; the plan was written afresh "
        "(comments and layout not kept)",
        LayoutLostWarning,
        stacklevel=3,
    )
    return (BOM + text if origin.bom else text), reread


def dump(plan: Plan, path: str | os.PathLike[str]) -> None:
    """Save atomically: the file holds either its old text or the new, never half.

    The new text goes to a temporary file in the same folder, is flushed to
    disk and renamed over the old one; the old file's permissions are kept.
    Afterwards the plan remembers the new text, so the next save diffs from it.
    """
    text, data = _dumps(plan)
    target = os.fspath(path)
    write_atomic(target, text.encode("utf-8"))
    bom = text.startswith(BOM)
    plan.origin = Origin(text[1:] if bom else text, target, bom=bom, data=data)


def _remove_stale_temporaries(folder: str, base: str) -> None:
    """Delete temporary files a killed save left behind (their writer is gone)."""
    prefix = f".{base}."
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if not (name.startswith(prefix) and name.endswith(".tmp")):
            continue
        pid_text = name[len(prefix) :].split(".", 1)[0]
        if not pid_text.isdigit() or _alive(int(pid_text)):
            continue
        try:
            os.unlink(os.path.join(folder, name))
        except OSError:
            pass


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def write_atomic(target: str, payload: bytes) -> None:
    """Write `payload` to `target` so that it holds either the old or the new
    bytes, whatever happens: a temporary file named after this process in the
    same folder, fsync'd, then renamed over the target. A temporary file left
    by a process that was killed mid-save is removed by the next save."""
    folder = os.path.dirname(os.path.abspath(target))
    base = os.path.basename(target)
    _remove_stale_temporaries(folder, base)
    try:
        mode = os.stat(target).st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    handle, temporary = tempfile.mkstemp(prefix=f".{base}.{os.getpid()}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
    try:  # make the rename itself durable
        directory = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(directory)
    except OSError:
        pass
    finally:
        os.close(directory)


# -- editing through the layout ---------------------------------------------


def _edit(origin: Origin, new: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """The origin's text edited to hold `new`, and its data; None if that cannot be done faithfully."""
    text = origin.text
    old = origin.data
    editor = Editor(text, origin.layout)
    try:
        editor.table((), old, new, origin.layout.section(()), Plan)
        if not editor.edits:
            return (text, old) if equivalent(old, new, Plan) else None
        result = editor.result()
    except Rewrite:
        return None
    try:
        reread = parse_toml(result)
    except Exception:
        return None
    return (result, reread) if equivalent(reread, new, Plan) else None
