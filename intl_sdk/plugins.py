"""Finding and loading plugins through entry points, one at a time.

A plugin that fails to import, to register, or in a hook is recorded as a
`PluginFailure` (shown by `intl plugins` and as `plugin-error` findings) and
left out; the others still load. Set `INTL_SDK_STRICT_PLUGINS=1` to raise
instead, which is what a plugin author wants while developing.
"""

from __future__ import annotations

import os
from functools import cached_property
from typing import TYPE_CHECKING, Any, Iterable

import pluggy

from intl_sdk import frameworks as records
from intl_sdk import hookspecs
from intl_sdk.checks.registry import Rule, make_rule
from intl_sdk.entry_points import plugin_entry_points

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

    from intl_sdk.frameworks import Catalogue, Command, Framework, IndicatorSet, Template

__all__ = ["ENTRY_POINT_GROUP", "LoadedPlugin", "PluginFailure", "Plugins", "installed_plugins", "load_plugins"]

ENTRY_POINT_GROUP = "intl_sdk"
HOOKS = (
    "intl_frameworks",
    "intl_checks",
    "intl_templates",
    "intl_catalogues",
    "intl_indicator_sets",
    "intl_commands",
)
#: The record each hook returns (a class of `intl_sdk.frameworks`, looked up
#: when the hook is called: most are defined only when first asked for).
_RETURN_TYPES = {
    "intl_frameworks": "Framework",
    "intl_checks": "Check",
    "intl_templates": "Template",
    "intl_catalogues": "Catalogue",
    "intl_indicator_sets": "IndicatorSet",
    "intl_commands": "Command",
}


# Plain classes, not attrs classes or named tuples: every `intl check` defines
# them, and defining either of those costs a compiled method or several.


class PluginFailure:
    """A plugin that could not be used, and why, in one sentence."""

    __slots__ = ("plugin", "distribution", "stage", "message")

    def __init__(self, plugin: str, distribution: str, stage: str, message: str) -> None:
        self.plugin = plugin
        self.distribution = distribution
        self.stage = stage  # "import", "register", a hook's name, or a check's code
        self.message = message

    def __str__(self) -> str:
        return f"plugin {self.plugin!r} ({self.distribution}) failed in {self.stage}: {self.message}"

    def __repr__(self) -> str:
        return f"PluginFailure({self.plugin!r}, {self.distribution!r}, {self.stage!r}, {self.message!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PluginFailure):
            return NotImplemented
        return (self.plugin, self.distribution, self.stage, self.message) == (
            other.plugin, other.distribution, other.stage, other.message
        )

    __hash__ = None  # type: ignore[assignment]  # compared by value, so not hashable


class LoadedPlugin:
    """A plugin in use: its entry point's name, its distribution and the hooks it implements."""

    __slots__ = ("name", "distribution", "version", "hooks")

    def __init__(self, name: str, distribution: str, version: str, hooks: list[str]) -> None:
        self.name = name
        self.distribution = distribution
        self.version = version
        self.hooks = hooks

    def __repr__(self) -> str:
        return f"LoadedPlugin({self.name!r}, {self.distribution!r}, {self.version!r}, {self.hooks!r})"


def _strict() -> bool:
    return os.environ.get("INTL_SDK_STRICT_PLUGINS", "") not in ("", "0")


def _describe(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0]}" if text else type(error).__name__


class Plugins:
    """The plugins in use and what they provide, each hook called once."""

    def __init__(self) -> None:
        self.manager = pluggy.PluginManager("intl_sdk")
        self.manager.add_hookspecs(hookspecs)
        self.loaded: list[LoadedPlugin] = []
        self.failures: list[PluginFailure] = []
        self._distributions: dict[str, tuple[str, str]] = {}
        #: (hook name, provided id) -> the plugin that provided it
        self.providers: dict[tuple[str, str], str] = {}

    # -- registering -------------------------------------------------------

    def register(self, plugin: object, name: str, distribution: str = "", version: str = "") -> bool:
        distribution = distribution or name
        try:
            self.manager.register(plugin, name=name)
            try:
                self.manager.check_pending()  # a misspelled hook name is an error, not silence
            except Exception:
                self.manager.unregister(name=name)
                raise
        except Exception as error:
            if _strict():
                raise
            self.failures.append(PluginFailure(name, distribution, "register", _describe(error)))
            return False
        hooks = [
            hook
            for hook in HOOKS
            if any(impl.plugin_name == name for impl in getattr(self.manager.hook, hook).get_hookimpls())
        ]
        self.loaded.append(LoadedPlugin(name, distribution, version, hooks))
        self._distributions[name] = (distribution, version)
        return True

    def load_entry_point(self, entry_point: "EntryPoint") -> None:
        dist = getattr(entry_point, "dist", None)
        distribution = dist.name if dist is not None else entry_point.value.split(":")[0]
        version = dist.version if dist is not None else ""
        try:
            plugin = entry_point.load()
        except Exception as error:  # a plugin's import error must not stop the tool
            if _strict():
                raise
            self.failures.append(PluginFailure(entry_point.name, distribution, "import", _describe(error)))
            return
        self.register(plugin, entry_point.name, distribution, version)

    # -- calling hooks -------------------------------------------------------

    def _collect(self, hook_name: str) -> list[tuple[str, Any]]:
        """(plugin name, item) for every item every implementation returns."""
        expected = getattr(records, _RETURN_TYPES[hook_name])
        out: list[tuple[str, Any]] = []
        for impl in getattr(self.manager.hook, hook_name).get_hookimpls():
            name = impl.plugin_name
            try:
                result = impl.function()
                if result is None:
                    continue
                if not isinstance(result, (list, tuple)):
                    raise TypeError(f"returned {type(result).__name__}, not a list of {expected.__name__}")
                for item in result:
                    if not isinstance(item, expected):
                        raise TypeError(f"returned a {type(item).__name__} where a {expected.__name__} goes")
            except Exception as error:
                if _strict():
                    raise
                self._fail(name, hook_name, _describe(error))
                continue
            out.extend((name, item) for item in result)
        return out

    def _fail(self, plugin: str, stage: str, message: str) -> None:
        distribution = self._distributions.get(plugin, (plugin, ""))[0]
        self.failures.append(PluginFailure(plugin, distribution, stage, message))

    def distribution_of(self, plugin: str) -> str:
        return self._distributions.get(plugin, (plugin, ""))[0]

    @cached_property
    def frameworks(self) -> dict[str, Framework]:
        found: dict[str, Framework] = {}
        for plugin, framework in self._collect("intl_frameworks"):
            if framework.id in found:
                self._fail(plugin, "intl_frameworks", f"framework {framework.id!r} is already defined by another plugin")
                continue
            found[framework.id] = framework
            self.providers["intl_frameworks", framework.id] = plugin
        return found

    @cached_property
    def rules(self) -> dict[str, Rule]:
        from intl_sdk.checks.registry import CORE_RULES

        found: dict[str, Rule] = {}
        for plugin, check in self._collect("intl_checks"):
            try:
                if "/" not in check.code:
                    raise ValueError(f"check code {check.code!r} lacks the plugin's prefix (like 'corallia/...')")
                if check.code in CORE_RULES or check.code in found:
                    raise ValueError(f"check code {check.code!r} is already taken")
                rule = make_rule(check.code, check.severity, check.function, self.distribution_of(plugin), check.docs)
            except Exception as error:
                if _strict():
                    raise
                self._fail(plugin, "intl_checks", _describe(error))
                continue
            found[check.code] = rule
            self.providers["intl_checks", check.code] = plugin
        return found

    @cached_property
    def templates(self) -> dict[str, Template]:
        return _unique(self, "intl_templates")

    @cached_property
    def catalogues(self) -> dict[str, Catalogue]:
        return _unique(self, "intl_catalogues")

    @cached_property
    def indicator_sets(self) -> dict[str, IndicatorSet]:
        return _unique(self, "intl_indicator_sets")

    @cached_property
    def commands(self) -> dict[str, Command]:
        from intl_sdk.cli import CORE_COMMANDS

        found: dict[str, Command] = {}
        for plugin, command in self._collect("intl_commands"):
            if command.name in CORE_COMMANDS or command.name in found:
                self._fail(plugin, "intl_commands", f"command {command.name!r} is already taken")
                continue
            found[command.name] = command
            self.providers["intl_commands", command.name] = plugin
        return found

    def provided_by(self, plugin: str) -> dict[str, list[str]]:
        """What one plugin provides: {"frameworks": [...], "checks": [...], ...}."""
        self.resolve()
        out: dict[str, list[str]] = {}
        for (hook, key), owner in self.providers.items():
            if owner == plugin:
                out.setdefault(hook.removeprefix("intl_"), []).append(key)
        return out

    def resolve(self) -> "Plugins":
        """Call every hook now, so that `failures` is complete."""
        for name in ("frameworks", "rules", "templates", "catalogues", "indicator_sets", "commands"):
            getattr(self, name)
        return self


def _unique(plugins: Plugins, hook_name: str) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for plugin, item in plugins._collect(hook_name):
        if item.id in found:
            plugins._fail(plugin, hook_name, f"{item.id!r} is already provided by another plugin")
            continue
        found[item.id] = item
        plugins.providers[hook_name, item.id] = plugin
    return found


def load_plugins(entry_points_: Iterable["EntryPoint"] | None = None) -> Plugins:
    """Plugins from the `intl_sdk` entry points (or those given)."""
    plugins = Plugins()
    selected = plugin_entry_points(ENTRY_POINT_GROUP) if entry_points_ is None else entry_points_
    seen = set()
    for entry_point in selected:
        if entry_point.name in seen:  # the same plugin found twice on the path
            continue
        seen.add(entry_point.name)
        plugins.load_entry_point(entry_point)
    return plugins


_INSTALLED: Plugins | None = None


def installed_plugins() -> Plugins:
    """The installed plugins, loaded once per process."""
    global _INSTALLED
    if _INSTALLED is None:
        _INSTALLED = load_plugins()
    return _INSTALLED


def set_installed_plugins(plugins: Plugins | None) -> Plugins | None:
    """Replace the process's plugins (for tests); returns the previous ones."""
    global _INSTALLED
    previous, _INSTALLED = _INSTALLED, plugins
    return previous
