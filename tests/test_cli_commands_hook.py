"""Commands added by other distributions through the `intl_commands` hook."""

from __future__ import annotations

import intl_sdk.cli
from intl_sdk import hookimpl
from intl_sdk.frameworks import Command
from intl_sdk.testing import registered


def _configure(parser):
    parser.add_argument("who")


def _greet(args):
    print(f"hello {args.who}")
    return 7


class GreetingPlugin:
    @hookimpl
    def intl_commands(self):
        return [Command("greet", help="say hello", configure=_configure, run=_greet)]


class ClashingPlugin:
    @hookimpl
    def intl_commands(self):
        return [Command("check", help="a second check", configure=_configure, run=_greet)]


def _broken_configure(parser):
    raise RuntimeError("no arguments today")


class BrokenPlugin:
    @hookimpl
    def intl_commands(self):
        return [Command("broken", help="cannot configure", configure=_broken_configure, run=_greet)]


def test_a_plugin_command_is_listed_and_runs(capsys):
    with registered(GreetingPlugin()):
        assert intl_sdk.cli.main(["greet", "world"]) == 7
        assert capsys.readouterr().out == "hello world\n"
        assert intl_sdk.cli.main([]) == 2
        assert "greet" in capsys.readouterr().out


def test_a_plugin_cannot_take_a_core_commands_name(capsys):
    with registered(ClashingPlugin()) as plugins:
        assert "check" not in plugins.commands
        assert any("'check' is already taken" in failure.message for failure in plugins.failures)


def test_a_command_whose_configure_raises_is_a_failure_not_a_crash(capsys):
    with registered(BrokenPlugin()) as plugins:
        assert intl_sdk.cli.main([]) == 2
        assert "broken" not in capsys.readouterr().out
        assert any("no arguments today" in failure.message for failure in plugins.failures)


def test_without_the_editor_installed_edit_says_what_to_install(capsys, tmp_path):
    with registered():  # no plugins: as if only the core were installed
        assert intl_sdk.cli.main(["edit", str(tmp_path / "x.toml")]) == 2
    assert capsys.readouterr().err == "intl edit: the editor is not installed; install it with: pip install intl-tui\n"


def test_the_editor_registers_edit_through_the_hook(run_intl):
    listing = run_intl("plugins", "--format", "json")
    import json

    plugins = {p["name"]: p for p in json.loads(listing.stdout)["plugins"]}
    assert plugins["tui"]["provides"]["commands"] == ["edit"]
    with open(intl_sdk.cli.__file__, encoding="utf-8") as source:
        assert "intl_tui" not in source.read()  # the core names no module of the editor
