"""A form of field editors for one item (or the strategy).

Typing goes to the app as `Edited(field, text)`; the app parses it and tells
the form whether the text is valid. Invalid text stays in its field, marked,
and is never written to the plan.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea

from intl_tui.fields import CHECKLISTS, DRIVER_CHOICES, MEASURE_CHOICES, PILLAR_CHOICES, Field, format_value
from intl_tui.widgets.editors import CheckList, FieldInput, ProseArea


class FieldRow(Horizontal):
    """A label and its editor on one line. The focused field's label is drawn
    in reverse video, so it is found without colour."""

    DEFAULT_CSS = """
    FieldRow { height: auto; max-width: 120; layout: grid; grid-size: 2; grid-columns: 18 1fr; grid-rows: auto; }
    FieldRow > .label { width: 100%; padding: 0 1 0 0; text-align: right; color: $text-muted; }
    FieldRow.-focused > .label { text-style: reverse bold; color: $text; }
    FieldRow > .editor { width: 100%; }
    FieldRow > .problem { column-span: 2; color: $error; padding: 0 0 0 18; height: auto; display: none; }
    FieldRow.-invalid > .problem { display: block; }
    FieldRow.-invalid > .label { color: $error; text-style: bold; }
    FieldRow Input, FieldRow TextArea, FieldRow CheckList { background: $boost; }
    FieldRow Input:focus, FieldRow TextArea:focus, FieldRow CheckList:focus { background: $primary 25%; }
    FieldRow.-invalid Input { background: $error 30%; }
    FieldRow TextArea { height: auto; max-height: 6; padding: 0 1; }
    FieldRow ProseArea { max-height: 4; }
    FieldRow > Input.editor { padding: 0 1; }
    FieldRow CheckList { height: auto; max-height: 12; }
    FieldRow Select { height: auto; }
    FieldRow CheckList:nocolor > .option-list--option-highlighted { text-style: reverse; }
    """


class PlanForm(VerticalScroll, can_focus=False):
    """The editors of one item's fields. Not focusable itself: Tab goes from
    the list straight to the first field (the form scrolls to the focused one)."""

    DEFAULT_CSS = """
    PlanForm { height: 1fr; padding: 0 1; }
    PlanForm > .empty { color: $text-muted; padding: 1; }
    """

    class Edited(Message):
        """The user changed a field's text (or choice)."""

        def __init__(self, form: "PlanForm", field: Field, raw: Any) -> None:
            super().__init__()
            self.form = form
            self.field = field
            self.raw = raw

    def __init__(self, fields: tuple[Field, ...], **kwargs) -> None:
        super().__init__(**kwargs)
        self.fields = fields
        self._by_widget: dict[str, Field] = {f.widget_id: f for f in fields}
        self._shown: dict[str, Any] = {}
        self._item: Any = None  # the item shown (None for the strategy)
        self._problems: dict[str, str | None] = {}

    def compose(self) -> ComposeResult:
        for field in self.fields:
            with FieldRow(id=f"row-{field.widget_id}"):
                yield Label(field.label, classes="label")
                yield self._editor(field)
                yield Static("", classes="problem", id=f"problem-{field.widget_id}")

    def _editor(self, field: Field) -> Widget:
        kind, widget_id = field.kind, field.widget_id
        if kind == "pillars":
            return CheckList(PILLAR_CHOICES, id=widget_id, classes="editor")
        if kind == "measures":
            return CheckList(MEASURE_CHOICES, id=widget_id, classes="editor")
        if kind == "drivers":
            return CheckList(DRIVER_CHOICES, id=widget_id, classes="editor")
        if kind == "choice":
            return Select([(c, c) for c in field.choices], allow_blank=True, id=widget_id, classes="editor", compact=True)
        if kind == "flag":
            return Select([("yes", "yes"), ("no", "no")], allow_blank=True, id=widget_id, classes="editor", compact=True)
        if kind in ("lines", "parties"):
            return TextArea("", id=widget_id, classes="editor", soft_wrap=True, show_line_numbers=False, compact=True)
        if kind in ("prose", "methodology"):
            return ProseArea("", id=widget_id, classes="editor")
        return FieldInput("", id=widget_id, classes="editor", placeholder=field.help, compact=True)

    # -- showing values ------------------------------------------------------

    def load(self, values: dict[str, Any], typed: dict[str, tuple[str, str]], item: Any = None) -> None:
        """Show each field's value; `typed` holds invalid text still being fixed (text, problem).
        Reloading the item already shown leaves the focused field alone: its text is what
        is being typed (keys already read may not have reached the plan yet)."""
        same_item = item is not None and item is self._item
        self._item = item
        for field in self.fields:
            widget = self.query_one(f"#{field.widget_id}")
            if same_item and widget.has_focus:
                continue
            if field.key in typed:
                text, problem = typed[field.key]
                self._show(widget, field, text)
                self.mark(field, problem)
                continue
            value = values.get(field.key)
            if field.kind in CHECKLISTS:
                self._show(widget, field, list(value or []))
            elif field.kind in ("choice", "flag"):
                shown = format_value(field, value) if value is not None else Select.NULL
                if field.kind == "choice" and value is not None and value not in field.choices:
                    shown = Select.NULL  # an unknown word: the checker reports it
                self._show(widget, field, shown)
            else:
                self._show(widget, field, format_value(field, value))
            self.mark(field, None)

    def _show(self, widget: Widget, field: Field, shown: Any) -> None:
        self._shown[field.widget_id] = shown
        if isinstance(widget, Input):
            if widget.value != shown:
                widget.value = shown
                # the start of a long value in view, not its end (the cursor scrolls the field)
                widget.cursor_position = len(shown) if widget.has_focus else 0
        elif isinstance(widget, TextArea):
            if widget.text != shown:
                widget.load_text(shown)
        elif isinstance(widget, Select):
            if widget.value != shown:
                widget.value = shown
        elif isinstance(widget, CheckList):
            widget.set_selected(shown)

    def mark(self, field: Field, problem: str | None) -> None:
        """Show or clear a field's problem (only when it changes: each change is a layout pass)."""
        if self._problems.get(field.widget_id) == problem:
            return
        self._problems[field.widget_id] = problem
        row = self.query_one(f"#row-{field.widget_id}")
        row.set_class(problem is not None, "-invalid")
        self.query_one(f"#problem-{field.widget_id}", Static).update(Text(problem or ""))

    def focus_field(self, field: Field) -> Widget:
        """Focus a field before the next key is handled, and scroll its row into view."""
        widget = self.query_one(f"#{field.widget_id}")
        self.screen.set_focus(widget)
        self.call_after_refresh(self.scroll_to_widget, widget.parent or widget, animate=False)
        return widget

    # -- typing --------------------------------------------------------------

    def _edited(self, widget_id: str | None, raw: Any) -> None:
        field = self._by_widget.get(widget_id or "")
        if field is None or raw == self._shown.get(widget_id):
            return  # our own update, not the user's
        self._shown[widget_id] = raw
        self.post_message(self.Edited(self, field, raw))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # a class, not :focus-within, which Textual does not re-apply to the label beside the editor
        for row in self.query(FieldRow):
            row.set_class(event.widget in row.children, "-focused")

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if event.widget.parent is not None:
            event.widget.parent.set_class(False, "-focused")

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._edited(event.input.id, event.value)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._edited(event.text_area.id, event.text_area.text)

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._edited(event.select.id, event.value)

    def on_check_list_changed(self, event: CheckList.Changed) -> None:
        event.stop()
        widget = event.check_list
        self._edited(widget.id, widget.selected)
