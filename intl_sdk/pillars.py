"""The six pillars and the minimum impact measures: fixed vocabulary of the model.

The ids are part of the plan file's public contract (PRODUCT.md); titles and
summaries follow the seed report's text (section 3.4.2 and conclusion 3).
"""

from __future__ import annotations

from attrs import frozen

__all__ = [
    "IMPACT_MEASURES",
    "IMPACT_MEASURE_IDS",
    "ImpactMeasure",
    "PILLARS",
    "PILLAR_IDS",
    "Pillar",
    "pillar",
]


@frozen
class Pillar:
    """One of the six pillars of the internationalisation model (Fig. 4)."""

    id: str
    number: int
    title: str
    summary: str


PILLARS: tuple[Pillar, ...] = (
    Pillar(
        "competitive-sectors",
        1,
        "Developing internationally competitive sectors",
        "Inward investment into priority sectors, access to international markets, "
        "skilled workers, international supply chains and R&D from around the world.",
    ),
    Pillar(
        "science-rd-hei",
        2,
        "Maximising the international potential of science, R&D and education",
        "Find clusters of excellent research establishments and showcase research "
        "excellence to attract overseas investment and partners.",
    ),
    Pillar(
        "strategic-countries",
        3,
        "Targeting strategically important countries",
        "Target the countries likely to stay key markets for priority sectors through "
        "marketing, trade delegations, exhibitions and inward-investment work.",
    ),
    Pillar(
        "regional-assets",
        4,
        "Promoting the region's assets internationally",
        "An international business marketing plan for the region's key assets as a "
        "place to do business; identifying specific international opportunities.",
    ),
    Pillar(
        "international-connections",
        5,
        "Enhancing the region's international connections",
        "Transport links through ports and airports, international alumni networks, "
        "major international events, business visitors and tourists.",
    ),
    Pillar(
        "european-policy",
        6,
        "Influencing the European Union",
        "Lobby EU policymakers on policies and programmes so that they help the "
        "region's businesses compete internationally.",
    ),
)

PILLAR_IDS: tuple[str, ...] = tuple(p.id for p in PILLARS)
_PILLARS_BY_ID = {p.id: p for p in PILLARS}


def pillar(pillar_id: str) -> Pillar:
    """The pillar with this id; `KeyError` for an unknown one."""
    return _PILLARS_BY_ID[pillar_id]


@frozen
class ImpactMeasure:
    """A minimum impact measure that every strategy should monitor (conclusion 3)."""

    id: str
    title: str


IMPACT_MEASURES: tuple[ImpactMeasure, ...] = (
    ImpactMeasure("gva", "GVA increase"),
    ImpactMeasure("inward-investment", "Inward investment"),
    ImpactMeasure("research-intensity", "Research intensity in the HEI base"),
    ImpactMeasure("jobs", "Jobs created"),
    ImpactMeasure("average-salary", "Average salary per job"),
    ImpactMeasure("international-sales", "Increased international sales of companies"),
    ImpactMeasure("human-capital", "Human capital expansion"),
)

IMPACT_MEASURE_IDS: frozenset[str] = frozenset(m.id for m in IMPACT_MEASURES)
