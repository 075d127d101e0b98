"""The strategist's editor: a plan in tabs, checked as it is typed, saved keeping its layout."""

from __future__ import annotations

import gc
import os
import threading
from decimal import Decimal
from typing import Any

from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Footer, Select, Static, TabbedContent, TabPane

import intl_sdk
from intl_sdk.display import counted, printable
from intl_sdk.editing import add_item, delete_item, duplicate_item, rename_id
from intl_sdk.findings import Finding
from intl_sdk.model import Plan

from intl_tui.checking import CheckingMixin
from intl_tui.commands import FindingCommands
from intl_tui.files import FilesMixin
from intl_tui.fields import CHECKLISTS, Field, ParseError, get_value, parse, set_value
from intl_tui.jumps import jump_target
from intl_tui.panes import ItemsPane, StrategyPane
from intl_tui.screens.dialogs import TemplatePicker
from intl_tui.widgets.editors import FieldInput
from intl_tui.widgets.findings import FindingsPanel, FindingsTable
from intl_tui.widgets.form import PlanForm

TABS = ("strategy", "regions", "actions", "indicators", "agreements", "offices")
TITLES = {
    "strategy": "Strategy", "regions": "Regions", "actions": "Actions", "indicators": "Indicators",
    "agreements": "Agreements", "offices": "Offices",
}

#: Keys that change a field's text besides the printable ones.
_EDIT_KEYS = frozenset({"backspace", "delete", "ctrl+u", "ctrl+k", "ctrl+w", "ctrl+d"})


def _breakpoint(value: int, points: list[tuple[int, str]]) -> str:
    """The class Textual gives a screen for `value` (its width or height): that of the largest threshold reached."""
    return next((name for least, name in sorted(points, reverse=True) if value >= least), "")


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b and (not isinstance(a, Decimal) or str(a) == str(b))


class PlanEditorApp(CheckingMixin, FilesMixin, App[int]):
    """Edit one plan file. `plan` is None for a file that does not exist yet."""

    CSS_PATH = "app.tcss"
    TITLE = "intl edit"
    # Classes on the screen for the layouts: below 80x24 the editor says the
    # terminal is too small rather than draw a broken screen.
    HORIZONTAL_BREAKPOINTS = [(0, "-too-narrow"), (80, "-narrow"), (100, "-medium"), (160, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-too-short"), (24, "-short"), (30, "-tall"), (45, "-very-tall")]
    MINIMUM_SIZE = (80, 24)
    COMMANDS = App.COMMANDS | {FindingCommands}
    BINDINGS = [
        Binding("f2", "show_tab('strategy')", "Strategy", priority=True, show=False),
        Binding("f3", "show_tab('regions')", "Regions", priority=True, show=False),
        Binding("f4", "show_tab('actions')", "Actions", priority=True, show=False),
        Binding("f5", "show_tab('indicators')", "Indicators", priority=True, show=False),
        Binding("f6", "show_tab('agreements')", "Agreements", priority=True, show=False),
        Binding("f7", "show_tab('offices')", "Offices", priority=True, show=False),
        Binding("f8", "focus_findings", "Findings", priority=True),
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+n", "add_item", "Add", priority=True),
        Binding("ctrl+t", "duplicate_item", "Duplicate", priority=True, show=False),
        Binding("ctrl+r", "delete_item", "Delete", priority=True, show=False),
        Binding("ctrl+z", "undo_delete", "Undo delete", priority=True, show=False),
        Binding("ctrl+g", "toggle_coverage", "Coverage grid", priority=True, show=False),
        Binding("ctrl+q", "quit", "Quit", priority=True),
        # Tab moves focus as soon as it is read: keys typed right after it (a burst,
        # or typing ahead of a busy app) then reach the field it moved to
        Binding("tab", "focus_next", "Next field", priority=True, show=False),
        Binding("shift+tab", "focus_previous", "Previous field", priority=True, show=False),
    ]

    def __init__(self, plan: Plan | None, path: str) -> None:
        super().__init__()
        self.path = path
        self.plan: Plan = plan if plan is not None else intl_sdk.Plan()
        self.starting_new = plan is None
        self.findings: list[Finding] = []
        self.dirty = False
        self.typed: dict[tuple[int, str], tuple[str, str, str, tuple]] = {}  # (id(target), key) -> text, problem, path, location
        self.deleted: list[tuple[str, int, Any]] = []
        self._start_checking()
        self._stale: set[str] = set()
        self._built: set[str] = {"strategy"}  # the tabs whose content is mounted
        self._ref_ids: dict[int, str | None] = {}
        self._disk = self._read_disk()
        self._loaded = False
        self._painted = threading.Event()  # set once the first screen is drawn
        self._answered = threading.Event()  # set once the first key's answer is drawn
        self._status_shown: Text | None = None

    # -- layout ----------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        """The first screen, already wearing the breakpoint classes of the terminal's
        size: given at its first resize instead, they restyle every widget of every
        tab once more (about 100 ms of the opening on 5,000 actions)."""
        width, height = self.size
        classes = [_breakpoint(width, self.HORIZONTAL_BREAKPOINTS), _breakpoint(height, self.VERTICAL_BREAKPOINTS)]
        return Screen(id="_default", classes=" ".join(name for name in classes if name))

    def compose(self) -> ComposeResult:
        yield Static(id="too-small")
        yield Static(id="status")
        with TabbedContent(id="tabs", initial="strategy"):
            with TabPane(f"{TITLES['strategy']} F2", id="strategy"):
                yield StrategyPane(id="pane-strategy")
            for number, collection in enumerate(TABS[1:], start=3):
                # empty until first shown (build_tab): five lists with their forms are
                # three quarters of the editor's widgets, and the first screen needs none
                yield TabPane(f"{TITLES[collection]} F{number}", id=collection)
        yield FindingsPanel(id="findings-panel")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.theme = "textual-dark"
        self.set_interval(self.LEARN_AFTER / 2, self._learn_when_quiet)
        if self.starting_new:
            from intl_sdk.templates import available_templates

            templates = available_templates()
            self.push_screen(TemplatePicker(self.path, templates), self._start_from_template)
            return
        self._load_all()

    def open_plan(self, plan: Plan, path: str) -> None:
        """Show another plan in this editor (nothing unsaved is asked about: the caller decides)."""
        self.plan, self.path = plan, path
        self.findings, self.typed, self.deleted = [], {}, []
        self._learned, self._changed = None, None
        self.dirty = False
        self._stale.clear()
        self._ref_ids.clear()
        self._disk = self._read_disk()
        self._load_all()

    def _start_from_template(self, template_id: str | None) -> None:
        if template_id is None:
            self.exit(1, message="No plan created.")
            return
        from intl_sdk.templates import available_templates

        template = available_templates()[template_id]
        self.plan = intl_sdk.loads(template.text, path=self.path)
        self._learned, self._changed = None, None
        self.dirty = True
        self._load_all()

    def _load_all(self) -> None:
        """Fill what is on screen now; the other lists are filled when their tab is
        first shown (a 5,000-action table costs more than the whole first screen).
        The check and the line map (in threads) and the collector's tuning wait
        for the first paint, so that it is not shared with them."""
        self._loaded = True
        self.pane("strategy").reload()
        current = self.current_tab
        for collection in TABS[1:]:
            if collection == current:
                self.pane(collection).reload()
            else:
                self._stale.add(collection)
        self._refresh_status()
        self._warm_line_map()
        self.schedule_check()
        self.call_after_refresh(self._after_first_paint)

    def _after_first_paint(self) -> None:
        # The plan and its tables are long-lived: keep them out of the garbage
        # collector's full passes, which otherwise stall typing every few keys
        # on a large plan (measured: 170 ms every fifth key on 5,000 actions
        # with 200 findings). Younger objects are collected in larger, rarer
        # batches for the same reason. A list filled later is frozen then (show_tab).
        gc.freeze()  # no collection first: a full one here (about 100 ms on 5,000 actions) delays the first key
        gc.set_threshold(50_000, 50, 100)
        gc.enable()  # `intl_tui.run` turns it off while the plan is read and the first screen built
        self._painted.set()

    def on_unmount(self) -> None:
        self._painted.set()  # no thread waits for a paint that will not come
        self._answered.set()
        self._release_screen()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and isinstance(self.focused, FieldInput) and (event.is_printable or event.key in _EDIT_KEYS):
            # From the key on, not from the edit it makes: the field takes the key in
            # its own turn, and a frame drawn before the edit reaches the app would
            # show the new text beside the old findings.
            self._hold_screen()
        await super().on_event(event)
        if isinstance(event, events.Key) and not self._answered.is_set():
            # The first check and the line-map scan wait for this (CheckingMixin). Twice
            # after a refresh: the widgets the key changed (a field taking the focus) handle
            # their messages in their own turn, and the first refresh can come before them.
            self.call_after_refresh(self.call_after_refresh, self._answered.set)

    def pane(self, name: str) -> Any:
        return self.query_one(f"#pane-{name}")

    @property
    def current_tab(self) -> str:
        return self.query_one(TabbedContent).active or "strategy"

    # -- the status bar ----------------------------------------------------------

    def _refresh_status(self) -> None:
        """The header: file, unsaved marker and counts first (they must never be
        cut off), the plan's name after them, ending in "…" when it is long."""
        counts = {"error": 0, "warning": 0, "info": 0}
        for finding in self.findings:
            counts[finding.severity.value] += 1
        counts["error"] += len(self.typed)
        text = Text(f" {printable(os.path.basename(self.path))}", style="bold")
        if self.dirty:
            text.append("  ● unsaved", style="bold reverse")
        text.append("  ")
        text.append(counted(counts["error"], "error"), style="bold red" if counts["error"] else "green")
        text.append(" · ")
        text.append(counted(counts["warning"], "warning"), style="yellow" if counts["warning"] else "green")
        text.append(f" · {counted(counts['info'], 'info')}")
        name = self.plan.strategy.name
        if name:
            text.append(f"  │  {printable(name)}", style="dim")
        text.no_wrap = True
        text.overflow = "ellipsis"
        if text != self._status_shown:  # one line, fixed height: repaint it, no layout pass
            self._status_shown = text
            self.query_one("#status", Static).update(text, layout=False)

    def on_resize(self, event: Any) -> None:
        width, height = self.size
        least_width, least_height = self.MINIMUM_SIZE
        if width < least_width or height < least_height:
            self.query_one("#too-small", Static).update(
                Text(
                    f"The terminal is too small for the editor: {width}×{height}.\n"
                    f"Make it at least {least_width}×{least_height}. Ctrl+Q quits.",
                    justify="center",
                )
            )
        if self._loaded:
            pane = self.pane(self.current_tab)
            if isinstance(pane, ItemsPane):
                pane.refit()

    def _show_findings_table(self) -> None:
        typed = [(location, path, f"{problem}") for (_, _), (_, problem, path, location) in self.typed.items()]
        self.query_one(FindingsTable).show(self.findings, typed)
        self._refresh_status()

    # -- editing ---------------------------------------------------------------

    def typed_for(self, target: Any) -> dict[str, tuple[str, str]]:
        """The invalid text still in a target's fields: {field key: (text, problem)}."""
        return {key: (text, problem) for (owner, key), (text, problem, _, _) in self.typed.items() if owner == id(target)}

    def _locate(self, pane: Any) -> tuple[str, int | None, Any]:
        if isinstance(pane, StrategyPane):
            return ("strategy", None, self.plan.strategy)
        index = pane.selected_index
        return (pane.collection, index, None if index is None else pane.items[index])

    def on_plan_form_edited(self, event: PlanForm.Edited) -> None:
        pane = next(a for a in event.form.ancestors if isinstance(a, (ItemsPane, StrategyPane)))
        collection, index, target = self._locate(pane)
        if target is None:
            return
        field: Field = event.field
        raw = event.raw
        if field.kind in ("choice", "flag"):
            raw = "" if raw is Select.NULL or raw is None else raw
        current = get_value(target, self.plan, field)
        key = (id(target), field.key)
        location = ("strategy", *field.key.split(".")) if collection == "strategy" else (collection, index, field.key.split(".")[0])
        try:
            if field.kind in CHECKLISTS:
                chosen = list(raw)
                value = [v for v in (current or []) if v in chosen] + [v for v in chosen if v not in (current or [])]
            else:
                value = parse(field, raw, current)
        except ParseError as problem:
            path = ".".join(str(p) for p in location if not isinstance(p, int))
            item_id = getattr(target, "id", None)
            if index is not None:
                path = f"{collection}.{item_id or index}.{field.key}"
            self.typed[key] = (raw, str(problem), printable(path), location)
            event.form.mark(field, str(problem))
            self._show_findings_table()
            self._release_screen()  # no check to wait for: the key and its error are drawn now
            return
        was_typed = self.typed.pop(key, None) is not None
        event.form.mark(field, None)
        if was_typed:
            self._show_findings_table()
        if _same(value, current):
            if not self._checking:
                self._release_screen()  # nothing changed, nothing to wait for
            return
        set_value(target, self.plan, field, value)
        if self._changed is not None:
            # a nested field (`budget.amount`) is reached through its table, read by whoever reads it;
            # the plan's own keys (`@ignore`, `@methodology.…`) change what runs: a whole check
            self._changed = None if field.key.startswith("@") else self._changed | {(type(target).__name__, field.key.split(".")[0])}
        if field.key == "id" and index is not None:
            self._follow_rename(collection, target, current)
        self.dirty = True
        self._after_edit(collection, index, field)

    def _follow_rename(self, collection: str, item: Any, before: str | None) -> None:
        """Carry references along while an id is typed. They follow each keystroke,
        but never onto an id that another item has (they wait until it is unique)."""
        referenced = self._ref_ids.get(id(item), before)
        new = item.id
        if new and referenced and sum(1 for other in getattr(self.plan, collection) if other.id == new) == 1:
            if rename_id(self.plan, collection, referenced, new):
                self._stale.update(TABS[1:])
                self._changed = None  # references changed all over the plan
            referenced = new
        self._ref_ids[id(item)] = referenced

    def _after_edit(self, collection: str, index: int | None, field: Field) -> None:
        if index is not None:
            pane = self.pane(collection)
            pane.update_row(index, renamed=field.key == "id")
            if collection == "regions" or (collection == "actions" and field.key in ("region", "pillars")):
                pane.refresh_summaries()
            self._stale.update(name for name in TABS[1:] if name != collection)
        else:
            self._stale.update(TABS[1:])
        self._refresh_status()
        self.schedule_check()

    async def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        name = event.pane.id or ""
        await self.build_tab(name)
        if name in self._stale:
            self._stale.discard(name)
            self.pane(name).reload()
        elif isinstance(self.pane(name), ItemsPane) and self._loaded:
            self.pane(name).refit()

    async def action_toggle_coverage(self) -> None:
        """Show or hide the pillar x region grid (shown by default from 160 columns)."""
        await self.build_tab("actions")
        pane = self.pane("actions")
        pane.show_coverage = not pane.has_class("-coverage")
        await self.action_show_tab("actions")
        pane.refit()

    # -- actions: tabs, items --------------------------------------------------------

    async def build_tab(self, name: str) -> None:
        """Mount a list tab's content the first time it is needed, and wait until
        its widgets are there (anything may query them once this returns)."""
        if name in self._built or name not in TABS:
            return
        self._built.add(name)
        self._stale.add(name)  # filled by whoever shows it
        await self.query_one(f"TabPane#{name}", TabPane).mount(ItemsPane(name, id=f"pane-{name}"))

    async def show_tab(self, name: str) -> None:
        """Show a tab now, not after the tab bar's message comes round: keys
        typed right after F3 must reach the widgets of the new tab (the key
        waits for this). Its content is mounted the first time, and a list not
        filled yet (or out of date) is filled first."""
        await self.build_tab(name)
        self.query_one(TabbedContent).active = name
        self.query_one(TabbedContent).query_one(ContentSwitcher).current = name
        if name in self._stale:
            self._stale.discard(name)
            self.pane(name).reload()
            if self._painted.is_set():
                gc.freeze()  # the new table's rows are long-lived too

    def focus_now(self, widget: Widget) -> None:
        """Focus `widget` before the next key is handled (Widget.focus waits its turn in the queue)."""
        self.screen.set_focus(widget)

    async def action_show_tab(self, name: str) -> None:
        await self.show_tab(name)
        pane = self.pane(name)
        if isinstance(pane, ItemsPane):
            self.focus_now(pane.table)
        else:
            pane.form.focus_field(pane.form.fields[0])

    def action_focus_findings(self) -> None:
        self.query_one(FindingsTable).focus()

    def _items_pane(self) -> ItemsPane | None:
        pane = self.pane(self.current_tab)
        if isinstance(pane, ItemsPane):
            return pane
        self.notify("Switch to a list first (F3 to F7) to add, duplicate or delete items.", severity="warning")
        return None

    async def action_add_item(self, collection: str | None = None) -> None:
        if collection is not None:
            await self.action_show_tab(collection)
        pane = self._items_pane()
        if pane is None:
            return
        index = add_item(self.plan, pane.collection, pane.selected_index)
        self._items_changed(pane, index)
        pane.form.focus_field(pane.form.fields[0])

    def action_duplicate_item(self) -> None:
        pane = self._items_pane()
        if pane is None or pane.selected_index is None:
            return
        index = duplicate_item(self.plan, pane.collection, pane.selected_index)
        self._items_changed(pane, index)

    def action_delete_item(self) -> None:
        pane = self._items_pane()
        if pane is None or pane.selected_index is None:
            return
        index = pane.selected_index
        item = delete_item(self.plan, pane.collection, index)
        self.deleted.append((pane.collection, index, item))
        self.typed = {k: v for k, v in self.typed.items() if k[0] != id(item)}
        self._items_changed(pane, min(index, len(pane.items) - 1) if pane.items else None)
        label = printable(str(item.id or "item"))
        self.notify(f"Deleted {label}. Ctrl+Z puts it back.")

    async def action_undo_delete(self) -> None:
        if not self.deleted:
            self.notify("Nothing to undo.")
            return
        collection, index, item = self.deleted.pop()
        getattr(self.plan, collection).insert(index, item)
        await self.show_tab(collection)
        self._items_changed(self.pane(collection), index)

    def _items_changed(self, pane: ItemsPane, select: int | None) -> None:
        self.dirty = True
        self._changed = None  # items came or went: a whole check
        pane.reload(select=select)
        self._stale.update(name for name in TABS[1:] if name != pane.collection)
        self._refresh_status()
        self.schedule_check()

    # -- jumping to a finding ------------------------------------------------------

    async def on_findings_table_jump(self, event: FindingsTable.Jump) -> None:
        await self.jump_to(event.location)

    async def jump_to(self, location: tuple) -> None:
        """Focus the widget a finding is about; where it has none, the nearest
        widget that fixes it, and the findings' title line says so."""
        target = jump_target(location, first_region=0 if self.plan.regions else None)
        tab, index, field = target.tab, target.index, target.field
        await self.show_tab(tab)
        pane = self.pane(tab)
        if isinstance(pane, ItemsPane) and index is not None and index < len(pane.items):
            pane.select(index)
        elif isinstance(pane, ItemsPane) and index is not None:
            field = None  # the item is gone: the list
        self.query_one(FindingsPanel).say(target.note)
        if field is not None and (tab == "strategy" or index is not None):
            pane.form.focus_field(field)
        elif isinstance(pane, ItemsPane):
            self.focus_now(pane.table)
