"""Questions the editor asks: confirm a choice, pick a template."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList
from textual.widgets.option_list import Option

from intl_sdk.display import printable
from intl_sdk.frameworks import Template


class Choice(ModalScreen[str]):
    """A question with buttons; dismisses with the chosen button's value.

    Made so that it cannot be mis-pressed: the button focused when it opens is
    `focus` (the harmless one), Left and Right move between the buttons and stop
    at the ends, each button's letter (shown on it) chooses it, and Escape is
    "cancel"."""

    DEFAULT_CSS = """
    Choice { align: center middle; }
    Choice > Vertical { width: 68; height: auto; border: thick $primary; background: $surface; padding: 1 2; }
    Choice Label { width: 100%; margin-bottom: 1; }
    Choice Horizontal { height: auto; align: right middle; }
    Choice Button { margin-left: 1; }
    Choice Button:focus { text-style: reverse bold; }
    """
    BINDINGS = [
        Binding("escape", "dismiss('cancel')", "Cancel"),
        Binding("left", "move(-1)", "Previous button", show=False),
        Binding("right", "move(1)", "Next button", show=False),
    ]

    def __init__(self, question: str, buttons: list[tuple[str, str, str, str]], focus: str = "cancel") -> None:
        """`buttons`: (label, value, variant, letter) each; `focus`: the value of the button focused first."""
        super().__init__()
        self.question = question
        self.buttons = buttons
        self.first_focus = focus

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(self.question))
            with Horizontal():
                for label, value, variant, letter in self.buttons:
                    yield Button(Text.assemble((f"[{letter}]", "bold"), f" {label}"), id=f"choice-{value}", variant=variant)  # type: ignore[arg-type]

    def on_mount(self) -> None:
        self.query_one(f"#choice-{self.first_focus}", Button).focus()

    def action_move(self, step: int) -> None:
        buttons = list(self.query(Button))
        focused = self.focused
        position = buttons.index(focused) if focused in buttons else 0
        buttons[min(max(position + step, 0), len(buttons) - 1)].focus()

    def on_key(self, event: events.Key) -> None:
        for _, value, _, letter in self.buttons:
            if event.character is not None and event.character.lower() == letter:
                event.stop()
                self.dismiss(value)
                return

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "choice-cancel").removeprefix("choice-"))


class TemplatePicker(ModalScreen[str | None]):
    """Start a new plan: the blank plan or an installed plugin's template."""

    DEFAULT_CSS = """
    TemplatePicker { align: center middle; }
    TemplatePicker > Vertical { width: 80; height: auto; max-height: 24; border: thick $primary; background: $surface; padding: 1 2; }
    TemplatePicker Label { width: 100%; margin-bottom: 1; }
    TemplatePicker OptionList { height: auto; max-height: 16; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, path: str, templates: dict[str, Template]) -> None:
        super().__init__()
        self.path = path
        self.templates = templates

    def compose(self) -> ComposeResult:
        with Vertical():
            import os

            yield Label(Text(f"{printable(os.path.basename(self.path))} does not exist yet. Start it from:"))
            yield OptionList(
                *[
                    Option(Text.assemble((printable(t.title), "bold"), "\n", (printable(t.description), "dim")), id=t.id)
                    for t in self.templates.values()
                ],
                id="templates",
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
