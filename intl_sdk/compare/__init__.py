"""Many plans side by side (`intl compare`): a row a plan, where the portfolio goes, and partners.

`read_portfolio(paths)` reads and checks every plan under the paths, keeping a
small `PlanSummary` of each (never the plans themselves); `comparison(...)`
turns the summaries into the table and the cross-plan views that the text,
JSON, Markdown and HTML outputs show.
"""

from __future__ import annotations

from intl_sdk.compare.collect import Portfolio, Unreadable, read_portfolio
from intl_sdk.compare.context import comparison
from intl_sdk.compare.places import Places
from intl_sdk.compare.summary import PlanSummary, RegionSummary, summarise

__all__ = ["PlanSummary", "Places", "Portfolio", "RegionSummary", "Unreadable", "comparison", "read_portfolio", "summarise"]
