"""Helpers for testing plugins without installing them.

    from intl_sdk.testing import check_with, registered

    def test_my_check_fires():
        plan = intl_sdk.loads(PLAN_TEXT)
        codes = [f.code for f in check_with(plan, my_plugin)]
        assert "myframework/rule" in codes

    def test_the_cli_sees_my_plugin():
        with registered(my_plugin):
            assert intl_sdk.cli.main(["explain", "myframework/rule"]) == 0

`plugins_with` validates a plugin as the loader does (a misspelled hook name is
a failure, as `pluggy`'s `check_pending` makes it), so `assert_loads_cleanly`
catches it in a test.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator

from intl_sdk.checks import check
from intl_sdk.findings import Finding
from intl_sdk.model import Plan
from intl_sdk.plugins import Plugins, load_plugins, set_installed_plugins

__all__ = ["assert_loads_cleanly", "check_with", "plugins_with", "registered"]


def plugins_with(*plugins: object, installed: bool = False) -> Plugins:
    """A set of plugins holding these modules or objects (and the installed
    plugins too, if `installed`), each named after its module or class."""
    result = load_plugins() if installed else Plugins()
    for plugin in plugins:
        name = getattr(plugin, "__name__", None) or type(plugin).__name__
        result.register(plugin, name=name, distribution=name)
    return result


def assert_loads_cleanly(*plugins: object) -> Plugins:
    """Register the plugins, call every hook, and fail on any plugin failure."""
    result = plugins_with(*plugins).resolve()
    if result.failures:
        raise AssertionError("; ".join(str(failure) for failure in result.failures))
    return result


def check_with(plan: Plan, *plugins: object, installed: bool = False, **options: Any) -> list[Finding]:
    """`intl_sdk.check(plan)` with these plugins registered, as if installed."""
    return check(plan, plugins=plugins_with(*plugins, installed=installed), **options)


@contextmanager
def registered(*plugins: object, installed: bool = False) -> Iterator[Plugins]:
    """Within the block, everything in this process (the CLI's `main` too) uses
    these plugins; afterwards, the installed ones again."""
    replacement = plugins_with(*plugins, installed=installed)
    previous = set_installed_plugins(replacement)
    try:
        yield replacement
    finally:
        set_installed_plugins(previous)
