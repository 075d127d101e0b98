"""The plugin system: frameworks and checks from plugins, failures isolated as findings."""

from __future__ import annotations

from importlib.metadata import EntryPoint

import pytest

import intl_sdk
from intl_sdk import hookimpl
from intl_sdk.frameworks import AgreementKind, Check, Framework, PartyLevel
from intl_sdk.plugins import load_plugins
from intl_sdk.testing import assert_loads_cleanly, check_with, plugins_with, registered

PLAN = """\
format = 1
frameworks = ["testfw"]

[strategy]
name = "x"

[[regions]]
id = "a"
name = "A"
share = 90

[[agreements]]
id = "m"
framework = "testfw"
kind = "pact"
partner = "P"
"""


def my_rule(ctx):
    """Agreements must have a sponsor.

    ## What it does
    Reports agreements without a sponsor.

    ## Why is this bad?
    Recommendation 1: political support.

    ## Example
    ```toml
    sponsor = ""
    ```

    ## Use instead
    ```toml
    sponsor = "Minister"
    ```
    """
    for index, agreement in ctx.agreements_of("testfw"):
        if not agreement.sponsor:
            ctx.report(("agreements", index), "no sponsor", "add a sponsor")


class GoodPlugin:
    @hookimpl
    def intl_frameworks(self):
        return [
            Framework(
                "testfw",
                "Test framework",
                kinds=[AgreementKind("mou", "MoU", 1), AgreementKind("deal", "Deal", 2, builds_on=["mou"])],
                levels=[PartyLevel("agency", "Agency", implements_cluster_policy=True)],
            )
        ]

    @hookimpl
    def intl_checks(self):
        return [Check("testfw/sponsor", "warning", my_rule)]


class RaisingHookPlugin:
    @hookimpl
    def intl_frameworks(self):
        raise RuntimeError("database unreachable")


class GarbagePlugin:
    @hookimpl
    def intl_frameworks(self):
        return ["not a framework"]

    @hookimpl
    def intl_checks(self):
        return {"testfw/x": my_rule}


class RaisingCheckPlugin:
    @hookimpl
    def intl_checks(self):
        def broken(ctx):
            """Always breaks.

            ## What it does
            x
            ## Why is this bad?
            x
            ## Example
            x
            ## Use instead
            x
            """
            ctx.report(("regions",), "half a finding", "h")
            raise ZeroDivisionError("oops")

        return [Check("broken/always", "error", broken)]


class MisspeltPlugin:
    @hookimpl
    def intl_framework(self):  # missing the s
        return []


def codes(findings):
    return [finding.code for finding in findings]


def test_a_plugin_framework_and_check_take_part_in_check():
    plan = intl_sdk.loads(PLAN)
    found = check_with(plan, GoodPlugin())
    assert "framework-missing" not in codes(found)
    assert "testfw/sponsor" in codes(found)
    kind = next(f for f in found if f.code == "unknown-agreement-kind")
    assert "'pact'" in kind.message and "use one of: mou, deal" == kind.hint
    assert PLAN.splitlines()[kind.line - 1] == 'kind = "pact"'


def test_a_plugin_code_can_be_ignored_and_explained():
    plan = intl_sdk.loads(PLAN.replace("frameworks = [", 'ignore = ["testfw/sponsor"]\nframeworks = ['))
    assert "testfw/sponsor" not in codes(check_with(plan, GoodPlugin()))
    with registered(GoodPlugin()):
        from intl_sdk.cli import main

        assert main(["explain", "testfw/sponsor"]) == 0


def test_a_hook_that_raises_is_a_plugin_error_and_core_findings_still_appear():
    plan = intl_sdk.loads(PLAN)
    found = check_with(plan, RaisingHookPlugin())
    error = next(f for f in found if f.code == "plugin-error")
    assert "RaisingHookPlugin" in error.message and "RuntimeError: database unreachable" in error.message
    assert "shares-sum" in codes(found) and "framework-missing" in codes(found)


def test_a_plugin_returning_garbage_is_reported_and_isolated():
    plugins = plugins_with(GarbagePlugin(), GoodPlugin()).resolve()
    messages = [str(f) for f in plugins.failures]
    assert any("intl_frameworks" in m and "str where a Framework goes" in m for m in messages)
    assert any("intl_checks" in m and "not a list of Check" in m for m in messages)
    assert "testfw" in plugins.frameworks  # the good plugin still works


def test_a_check_that_raises_is_a_plugin_error_and_leaves_no_half_findings():
    plan = intl_sdk.loads(PLAN)
    found = check_with(plan, RaisingCheckPlugin())
    assert "broken/always" not in codes(found)
    error = next(f for f in found if f.code == "plugin-error")
    assert "check broken/always" in error.message and "ZeroDivisionError: oops" in error.message
    assert "shares-sum" in codes(found)


def test_a_misspelt_hook_name_fails_the_plugin():
    plugins = plugins_with(MisspeltPlugin())
    assert plugins.loaded == []
    (failure,) = plugins.failures
    assert failure.stage == "register" and "intl_framework" in failure.message
    with pytest.raises(AssertionError, match="intl_framework"):
        assert_loads_cleanly(MisspeltPlugin())
    assert_loads_cleanly(GoodPlugin())


def test_an_entry_point_that_fails_to_import_is_reported_and_the_rest_load():
    broken = EntryPoint("broken", "intl_no_such_module_xyz", "intl_sdk")
    good = EntryPoint("good", "tests_good_plugin_module:plugin", "intl_sdk")
    import sys
    import types

    module = types.ModuleType("tests_good_plugin_module")
    module.plugin = GoodPlugin()
    sys.modules["tests_good_plugin_module"] = module
    try:
        plugins = load_plugins([broken, good])
    finally:
        del sys.modules["tests_good_plugin_module"]
    (failure,) = plugins.failures
    assert failure.stage == "import" and "ModuleNotFoundError" in failure.message
    assert [p.name for p in plugins.loaded] == ["good"]
    assert plugins.loaded[0].hooks == ["intl_frameworks", "intl_checks"]


def test_strict_mode_raises_for_plugin_developers(monkeypatch):
    monkeypatch.setenv("INTL_SDK_STRICT_PLUGINS", "1")
    with pytest.raises(RuntimeError, match="database unreachable"):
        plugins_with(RaisingHookPlugin()).resolve()


def test_without_a_framework_plugin_its_agreements_are_kept_and_not_checked():
    plan = intl_sdk.loads(PLAN)
    found = check_with(plan)
    missing = next(f for f in found if f.code == "framework-missing")
    assert "'testfw'" in missing.message and "pip install intl-testfw" in missing.hint
    assert "unknown-agreement-kind" not in codes(found)
    assert intl_sdk.dumps(plan) == PLAN


def test_intl_check_builds_no_authoring_record_yet_they_are_the_same_public_attrs_classes():
    """`intl check` loads every installed plugin but defines none of the records
    only authoring tools read; `intl_sdk.frameworks` still gives each one, an
    attrs class with its fields, and the plugins' hooks still return them."""
    import subprocess
    import sys
    from pathlib import Path

    nwda = Path(__file__).resolve().parents[1] / "examples" / "nwda.toml"
    code = (
        "import sys; from intl_sdk.cli import main; "
        f"status = main(['check', {str(nwda)!r}]); "
        "print(status, sorted(m for m in sys.modules if m.startswith('intl_')), file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    status, modules = result.stderr.strip().splitlines()[-1].split(" ", 1)
    assert status == "1", result.stderr  # nwda has an error finding: the check ran
    assert "'intl_corallia'" in modules and "'intl_sdk.frameworks'" in modules  # plugins loaded
    assert "intl_sdk._authoring" not in modules and "intl_corallia.catalogues" not in modules

    import attrs

    from intl_sdk import frameworks
    from intl_sdk.frameworks import Activity, Catalogue, Command, IndicatorSet, IndicatorTemplate, Template
    from intl_sdk.plugins import installed_plugins

    assert [field.name for field in attrs.fields(Template)] == ["id", "title", "text", "description"]
    assert [field.name for field in attrs.fields(Command)] == ["name", "help", "configure", "run", "description"]
    assert Catalogue("c", "C", [Activity("a", "A", ["p"])]).activities == (Activity("a", "A", ("p",)),)
    assert IndicatorSet("s", "S", [IndicatorTemplate("i", "I")]).indicators[0].direction == "up"
    assert {"Template", "Command", "IndicatorSet"} <= set(dir(frameworks))
    with pytest.raises(AttributeError):
        frameworks.Nothing  # noqa: B018
    plugins = installed_plugins().resolve()
    assert plugins.failures == []
    assert "corallia-human-resources" in plugins.catalogues and "corallia-policy-framework" in plugins.templates
    assert "minimum-impact-measures" in plugins.indicator_sets and "edit" in plugins.commands
