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
    # A key's findings reach the screen on Textual's next frame. At its default
    # of 60 frames a second that is up to 17 ms after they are ready, a third of
    # the time a key may take (issue 12); at 240, up to 4 ms. A frame is drawn
    # only when something changed, so the higher cap costs nothing while idle.
    # Set before Textual is imported (it reads the setting once); a user's own
    # TEXTUAL_FPS wins.
    os.environ.setdefault("TEXTUAL_FPS", "240")
    import intl_sdk
    from intl_tui.app import PlanEditorApp

    plan = intl_sdk.load(path) if os.path.exists(path) else None
    app = PlanEditorApp(plan, path)
    result = app.run()
    return int(result or 0)
