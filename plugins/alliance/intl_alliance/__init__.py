"""intl-alliance: the European Cluster Alliance Partnership Agreement as an intl-sdk plugin."""

from __future__ import annotations

from intl_sdk import hookimpl
from intl_sdk.frameworks import Check

from intl_alliance.checks import CHECKS
from intl_alliance.framework import ALLIANCE

__all__ = ["ALLIANCE"]


@hookimpl
def intl_frameworks():
    return [ALLIANCE]


@hookimpl
def intl_checks():
    return [Check(code, severity, function) for code, severity, function in CHECKS]


@hookimpl
def intl_templates():
    # Here, not at import (nor at the top: the record classes for authoring are defined on first
    # use): every `intl check` imports plugins, and templates are for `intl new` and the editor.
    from importlib.resources import files

    from intl_sdk.frameworks import Template

    text = files(__package__).joinpath("templates", "alliance-partnership.toml").read_text(encoding="utf-8")
    return [
        Template(
            "alliance-partnership",
            "European Cluster Alliance: a Partnership Agreement",
            text,
            "A plan with one ECA Partnership Agreement: its rights and obligations as checklists "
            "and an empty signature block.",
        )
    ]


@hookimpl
def intl_indicator_sets():
    from intl_sdk.frameworks import IndicatorSet, IndicatorTemplate  # defined on first use, as Template

    return [
        IndicatorSet(
            "minimum-impact-measures",
            "The seven minimum impact measures (conclusion 3)",
            (
                IndicatorTemplate("gva-growth", "GVA growth", "% a year", "up", ("gva",)),
                IndicatorTemplate("inward-investment-projects", "Inward investment projects", "projects a year", "up", ("inward-investment",)),
                IndicatorTemplate("hei-research-intensity", "Research intensity in the HEI base", "% of HEI income", "up", ("research-intensity",)),
                IndicatorTemplate("jobs-created", "Jobs created", "jobs", "up", ("jobs",)),
                IndicatorTemplate("average-salary", "Average salary per job", "currency a year", "up", ("average-salary",)),
                IndicatorTemplate("international-sales", "International sales of companies", "currency bn", "up", ("international-sales",)),
                IndicatorTemplate("human-capital", "Human capital expansion", "people", "up", ("human-capital",)),
            ),
            "Every strategy should measure at least these impacts, with dedicated funding and measurable outputs.",
        )
    ]
