"""What the editor does with files and from the palette: saving (atomically,
asking before overwriting a file changed on disk), quitting safely, the
palette's commands and writing a report. A mixin of `PlanEditorApp`, kept
apart so that the app module stays about editing."""

from __future__ import annotations

import os
from typing import Any, Iterable

from textual.app import SystemCommand
from textual.screen import Screen

import intl_sdk
from intl_sdk.display import printable

from intl_tui.screens.dialogs import Choice

COLLECTIONS = ("regions", "actions", "indicators", "agreements")


class FilesMixin:
    """Saving, quitting and the palette's commands (needs `path`, `plan`, `dirty`, `typed`, `findings`)."""

    path: str
    plan: Any
    dirty: bool
    typed: dict
    findings: list
    _disk: bytes | None

    # -- files -----------------------------------------------------------------

    def _read_disk(self) -> bytes | None:
        try:
            with open(self.path, "rb") as handle:
                return handle.read()
        except OSError:
            return None

    def action_save(self) -> None:
        if self.typed:
            (text, problem, path, _), *_ = self.typed.values()
            self.notify(
                f"Not saved: {len(self.typed)} field{'s hold' if len(self.typed) > 1 else ' holds'} text that is not valid "
                f"({printable(path)}: {printable(problem)}). Fix {'them' if len(self.typed) > 1 else 'it'} first.",
                severity="error",
                timeout=8,
            )
            return
        if self._read_disk() != self._disk:
            self.push_screen(
                Choice(
                    f"{printable(self.path)} changed on disk since it was opened. Overwrite it with your version?",
                    [("Overwrite", "overwrite", "error", "o"), ("Cancel", "cancel", "default", "c")],
                ),
                lambda answer: self._save() if answer == "overwrite" else self.notify("Not saved."),
            )
            return
        self._save()

    def _save(self) -> bool:
        try:
            intl_sdk.dump(self.plan, self.path)
        except OSError as error:
            self.notify(f"Not saved: {printable(str(error))}", severity="error", timeout=10)
            return False
        self._disk = self._read_disk()
        self.dirty = False
        self._refresh_status()
        self.notify(f"Saved {printable(os.path.basename(self.path))}.")
        return True

    async def action_quit(self) -> None:
        if not self.dirty:
            self.exit(0)
            return
        if isinstance(self.screen, Choice):
            return  # already asking

        def answer(choice: str | None) -> None:
            if choice == "save":
                self.action_save()
                if not self.dirty:
                    self.exit(0)
            elif choice == "discard":
                self.exit(0)

        self.push_screen(
            Choice(
                "This plan has unsaved changes. Save them before quitting?",
                [("Save", "save", "primary", "s"), ("Discard", "discard", "error", "d"), ("Cancel", "cancel", "default", "c")],
            ),
            answer,
        )

    # -- the command palette -------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)  # type: ignore[misc]
        yield SystemCommand("Save", "Save the plan (keeps its comments and layout)", self.action_save)
        for collection in COLLECTIONS:
            singular = collection[:-1]
            yield SystemCommand(f"Add {singular}", f"Add a new {singular} to the plan", lambda c=collection: self.action_add_item(c))
        yield SystemCommand("Duplicate item (ctrl+t)", "Copy the selected item, with a new id", self.action_duplicate_item)
        yield SystemCommand("Delete item (ctrl+r)", "Delete the selected item (ctrl+z puts it back)", self.action_delete_item)
        yield SystemCommand("Undo delete (ctrl+z)", "Put back the last deleted item", self.action_undo_delete)
        yield SystemCommand("Focus findings", "Move to the list of findings", self.action_focus_findings)
        yield SystemCommand("Export report (HTML)", "Write a self-contained HTML report beside the plan", self.action_export_report)
        yield SystemCommand("Export report (Markdown)", "Write a Markdown report beside the plan", lambda: self.action_export_report("md"))

    def action_export_report(self, kind: str = "html") -> None:
        """Write PLAN.html (or PLAN.md) beside the plan, from what is on screen now."""
        from intl_sdk.report import render_html, render_markdown
        from intl_sdk.writing import write_atomic

        target = os.path.splitext(self.path)[0] + (".html" if kind == "html" else ".md")
        text = render_html(self.plan, self.findings) if kind == "html" else render_markdown(self.plan, self.findings)
        try:
            write_atomic(target, text.encode("utf-8"))
        except OSError as error:
            self.notify(f"Report not written: {printable(str(error))}", severity="error")
            return
        self.notify(f"Wrote {printable(target)}")
