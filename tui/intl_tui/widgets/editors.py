"""The field editors that Textual does not have as we need them.

`CheckList`: a list of choices that says which are chosen in text (`[x]`),
so that a monochrome terminal shows it too, and wraps long labels instead of
cutting them. `ProseArea`: a one-paragraph text shown wrapped, whole, where
Enter moves on instead of starting a new line.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input, OptionList, TextArea
from textual.widgets.option_list import Option

__all__ = ["CheckList", "FieldInput", "ProseArea"]

class FieldInput(Input):
    """A one-line field. Typing repaints it without a layout pass of the whole
    screen (Input sets its virtual size, the width of its text, on every key,
    and a change of virtual size is a layout pass; the field's own size never
    changes). On a 5,000-action plan that pass cost more than the rest of a keystroke."""

    virtual_size = Reactive(Size(0, 0), layout=False)


CHECKED = "[x] "
UNCHECKED = "[ ] "


class CheckList(OptionList):
    """Choices with a `[x]` or `[ ]` before each; Space or Enter toggles the highlighted one."""

    BINDINGS = [
        Binding("space", "toggle", "Toggle", show=False),
    ]

    class Changed(Message):
        def __init__(self, check_list: "CheckList") -> None:
            super().__init__()
            self.check_list = check_list

        @property
        def control(self) -> "CheckList":
            return self.check_list

    def __init__(self, choices: tuple[tuple[str, str], ...], **kwargs) -> None:
        self.choices = choices  # (value, label)
        self._chosen: set[str] = set()
        super().__init__(*[Option(self._prompt(value, label), id=value) for value, label in choices], compact=True, **kwargs)

    def _prompt(self, value: str, label: str) -> Text:
        return Text(f"{CHECKED if value in self._chosen else UNCHECKED}{label}")

    @property
    def selected(self) -> list[str]:
        """The chosen values, in the order of the choices."""
        return [value for value, _ in self.choices if value in self._chosen]

    def set_selected(self, values: list[str]) -> None:
        """Show `values` as chosen (values that are not choices are ignored: the checker reports them)."""
        chosen = {value for value in values if any(value == v for v, _ in self.choices)}
        if chosen == self._chosen:
            return
        self._chosen = chosen
        self._redraw()

    def _redraw(self) -> None:
        for value, label in self.choices:
            self.replace_option_prompt(value, self._prompt(value, label))

    def action_toggle(self) -> None:
        if self.highlighted is None:
            return
        value = self.choices[self.highlighted][0]
        self._chosen ^= {value}
        self._redraw()
        self.post_message(self.Changed(self))

    def _on_focus(self, event: events.Focus) -> None:
        if self.highlighted is None and self.choices:
            self.highlighted = 0

    def action_select(self) -> None:  # OptionList's Enter and click: here selecting is toggling
        self.action_toggle()


class ProseArea(TextArea):
    """A paragraph of text, wrapped so that all of it shows; Enter goes to the next field."""

    def __init__(self, text: str = "", **kwargs) -> None:
        super().__init__(text, soft_wrap=True, show_line_numbers=False, compact=True, tab_behavior="focus", **kwargs)

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.screen.focus_next()
            return
        await super()._on_key(event)
