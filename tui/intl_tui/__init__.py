"""intl-tui: the strategist's editor for intl-sdk plans (`intl edit PLAN`)."""

from __future__ import annotations

__all__ = ["run"]


def run(path: str) -> int:
    """Open the plan at `path` (or start it from a template if it does not exist).
    A plan that cannot be read raises `intl_sdk.PlanError` before any screen opens."""
    import gc
    import os

    # The editor owns its process: no collection while the plan is read and the
    # screen built (on 5,000 actions, full collections cost about 200 ms of the
    # opening, walking objects that all stay). The app freezes what is there
    # once the first screen is drawn and turns the collector back on.
    gc.disable()
    import intl_sdk
    from intl_tui.app import PlanEditorApp

    plan = intl_sdk.load(path) if os.path.exists(path) else None
    app = PlanEditorApp(plan, path)
    result = app.run()
    return int(result or 0)
