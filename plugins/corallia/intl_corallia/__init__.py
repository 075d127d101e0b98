"""intl-corallia: the Corallia policy framework as an intl-sdk plugin."""

from __future__ import annotations

from intl_sdk import hookimpl
from intl_sdk.frameworks import Check

from intl_corallia.checks import CHECKS
from intl_corallia.framework import CORALLIA

__all__ = ["CORALLIA"]


@hookimpl
def intl_frameworks():
    return [CORALLIA]


@hookimpl
def intl_checks():
    return [Check(code, severity, function) for code, severity, function in CHECKS]


@hookimpl
def intl_templates():
    # Here, not at import (nor at the top: the record classes for authoring are defined on first
    # use): every `intl check` imports plugins, and templates are for `intl new` and the editor.
    from importlib.resources import files

    from intl_sdk.frameworks import Template

    text = files(__package__).joinpath("templates", "corallia-policy-framework.toml").read_text(encoding="utf-8")
    return [
        Template(
            "corallia-policy-framework",
            "Corallia: the policy framework ladder",
            text,
            "A plan with Corallia's agreement ladder (MoU, collaboration, bilateral) and its "
            "Priority 2 and 3 activities as actions, ready to fill in.",
        )
    ]


@hookimpl
def intl_catalogues():
    from intl_corallia.catalogues import CATALOGUES  # here: only authoring tools ask for catalogues

    return list(CATALOGUES)
