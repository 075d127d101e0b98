"""intl-montreal: the Montreal Metropolitan Community's nine practices of strategy governance.

A plan that names the `montreal` framework gets its `[governance]` section
checked: published, bottom-up with business and education, all levels of
government, building on what exists, committees, networking, a performance
review every year and an annual update (seed 001, section 3.4.4.7).
"""

from __future__ import annotations

from intl_sdk import hookimpl
from intl_sdk.frameworks import Check

from intl_montreal.checks import CHECKS
from intl_montreal.framework import MONTREAL, PRACTICES

__all__ = ["MONTREAL", "PRACTICES"]


@hookimpl
def intl_frameworks():
    return [MONTREAL]


@hookimpl
def intl_checks():
    return [Check(code, severity, function) for code, severity, function in CHECKS]


@hookimpl
def intl_templates():
    # Here, not at import (nor at the top: the record classes for authoring are defined on first
    # use): every `intl check` imports plugins, and templates are for `intl new` and the editor.
    from importlib.resources import files

    from intl_sdk.frameworks import Template

    text = files(__package__).joinpath("templates", "montreal-governance.toml").read_text(encoding="utf-8")
    return [
        Template(
            "montreal-governance",
            "Montreal: a strategy governed by the nine practices",
            text,
            "A plan with a [governance] section for each of the Montreal practices: publication, stakeholders, "
            "levels, what it builds on, committees, networking, yearly reviews and the annual update.",
        )
    ]
