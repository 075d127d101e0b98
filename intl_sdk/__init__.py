"""intl-sdk: a region's internationalisation strategy as a checked plan file.

The public API: read and write plans (`load`, `loads`, `dump`, `dumps`), check
them (`check` gives `Finding`s), the model's classes, and `PlanError` for a plan
that cannot be read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from intl_sdk.checks import check
from intl_sdk.drivers import DRIVER_IDS, DRIVERS, Driver
from intl_sdk.errors import PlanError
from intl_sdk.findings import Finding, Severity
from intl_sdk.hookspecs import hookimpl
from intl_sdk.model import (
    FORMAT_VERSION,
    Action,
    Agreement,
    Budget,
    Indicator,
    Measurement,
    Methodology,
    Office,
    Party,
    Period,
    Plan,
    Strategy,
    TargetRegion,
)
from intl_sdk.methodology import METHODOLOGY, METHODOLOGY_KEYS, MethodologyContent
from intl_sdk.pillars import IMPACT_MEASURES, IMPACT_MEASURE_IDS, PILLAR_IDS, PILLARS, ImpactMeasure, Pillar

if TYPE_CHECKING:
    from intl_sdk.writing import LayoutLostWarning, dump, dumps
from intl_sdk.reading import load, loads

__all__ = [
    "DRIVERS",
    "DRIVER_IDS",
    "FORMAT_VERSION",
    "IMPACT_MEASURES",
    "IMPACT_MEASURE_IDS",
    "METHODOLOGY",
    "METHODOLOGY_KEYS",
    "PILLARS",
    "PILLAR_IDS",
    "Action",
    "Agreement",
    "Budget",
    "Driver",
    "ImpactMeasure",
    "Indicator",
    "LayoutLostWarning",
    "Finding",
    "Measurement",
    "Methodology",
    "MethodologyContent",
    "Office",
    "Party",
    "Period",
    "Pillar",
    "Plan",
    "PlanError",
    "Severity",
    "Strategy",
    "TargetRegion",
    "__version__",
    "check",
    "dump",
    "dumps",
    "hookimpl",
    "load",
    "loads",
]


_LAZY = {"dump": "intl_sdk.writing", "dumps": "intl_sdk.writing", "LayoutLostWarning": "intl_sdk.writing"}


def __getattr__(name: str):
    """The writer is imported on first use: `intl check` never needs it."""
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("intl-sdk")
        except PackageNotFoundError:
            return "0+unknown"
    raise AttributeError(f"module 'intl_sdk' has no attribute {name!r}")
