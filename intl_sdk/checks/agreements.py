"""Checks on agreements that need their framework, and on the plugins themselves."""

from __future__ import annotations

from intl_sdk.checks.context import CheckContext, did_you_mean
from intl_sdk.checks.registry import rule
from intl_sdk.findings import Severity


@rule("unknown-agreement-kind", Severity.ERROR)
def unknown_agreement_kind(ctx: CheckContext) -> None:
    """An agreement's kind is not one its framework defines.

    ## What it does
    For each agreement whose framework is installed, checks that its `kind`
    is one of the framework's agreement kinds (`intl plugins` lists them).
    Agreements of a framework that is not installed are left alone.

    ## Why is this bad?
    The kind places an agreement in the framework's order and decides which
    rules apply to it; an unknown kind is checked against nothing.

    ## Example
    ```toml
    framework = "corallia"
    kind = "memorandum"
    ```

    ## Use instead
    ```toml
    framework = "corallia"
    kind = "mou"
    ```
    """
    for index, agreement in enumerate(ctx.plan.agreements):
        framework = ctx.frameworks.get(agreement.framework) if isinstance(agreement.framework, str) else None
        if framework is None or agreement.kind is None or framework.kind(agreement.kind):
            continue
        kinds = [kind.id for kind in sorted(framework.kinds, key=lambda k: k.tier)]
        ctx.report(
            ("agreements", index, "kind"),
            f"agreement {agreement.id or index + 1!s} has kind {agreement.kind!r}, which framework "
            f"{framework.id!r} does not define" + did_you_mean(str(agreement.kind), kinds),
            f"use one of: {', '.join(kinds)}",
        )


@rule("plugin-error", Severity.ERROR)
def plugin_error(ctx: CheckContext) -> None:
    """A plugin failed to load, or one of its hooks or checks raised.

    ## What it does
    Reports each installed plugin that could not be imported or registered,
    whose hook raised or returned something other than what the hook
    promises, or whose check raised while checking this plan. The finding
    names the plugin's distribution and the error. Everything else still runs.

    ## Why is this bad?
    Whatever the plugin provides (a framework, its checks) is missing from
    this check: the plan may have findings nobody saw.

    ## Example
    ```text
    plugin 'corallia' (intl-corallia) failed in import: ModuleNotFoundError: ...
    ```

    ## Use instead
    ```sh
    pip install --upgrade intl-corallia   # or report the error to the plugin's authors
    ```
    """
    for failure in ctx.plugin_failures:
        ctx.report(
            ("frameworks",),
            str(failure),
            f"upgrade or reinstall {failure.distribution}, or report this to its authors; "
            "`intl plugins` shows every plugin's state (INTL_SDK_STRICT_PLUGINS=1 shows the traceback)",
            line_at=("format",),
        )
