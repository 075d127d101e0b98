"""The seven global drivers a strategy answers: fixed vocabulary of the model, beside the pillars.

The report lists "the main international economic drivers that have an
impact" before it draws the internationalisation model (seed 001, section
3.4.1, lines 1024–1076). A strategy and each of its actions name the drivers
they answer (`drivers = [...]`); the ids are part of the plan file's public
contract, the titles and summaries follow the seed's words.
"""

from __future__ import annotations

from attrs import frozen

__all__ = ["DRIVERS", "DRIVER_IDS", "Driver", "driver"]


@frozen
class Driver:
    """One of the seven global economic drivers of section 3.4.1."""

    id: str
    number: int
    title: str
    summary: str
    #: Where the seed says it: `001:1027-1031` (seed 001, lines 1027 to 1031).
    source: str


DRIVERS: tuple[Driver, ...] = (
    Driver(
        "changing-balance",
        1,
        "The changing balance of economic activity",
        "Likely to accelerate over the next decade: by 2026 China is forecast to have "
        "surpassed every European economy, the world's third largest after the USA and Japan.",
        "001:1027-1031",
    ),
    Driver(
        "population-change",
        2,
        "Population change",
        "International migration is an important demographic trend; competition between "
        "countries for high-skilled workers is likely to increase.",
        "001:1033-1037",
    ),
    Driver(
        "global-markets",
        3,
        "Further integration of global markets",
        "Significant changes in foreign direct investment (FDI) flows: emerging economies "
        "attract a greater share of FDI, R&D spending migrates overseas, and emerging "
        "markets increasingly become providers of FDI.",
        "001:1039-1052",
    ),
    Driver(
        "international-specialisation",
        4,
        "Increasing international specialisation",
        "Production chains become more flexible, specialised and dispersed across "
        "continents; the international relocation of economic activity, particularly "
        "services, intensifies.",
        "001:1054-1057",
    ),
    Driver(
        "innovation-rewards",
        5,
        "Greater rewards from innovation",
        "Countries at the forefront of research and innovation move into high value-added, "
        "technology-driven areas; a region's university and research base differentiates it.",
        "001:1059-1065",
    ),
    Driver(
        "skills",
        6,
        "Skills increasingly needed by all",
        "Improving skill levels becomes critical to harnessing global integration; "
        "investment decisions depend increasingly on the relative skills of the labour force.",
        "001:1067-1070",
    ),
    Driver(
        "energy-environment",
        7,
        "Increasing pressure on energy resources and the environment",
        "Global energy demand rising by 1.7% a year, with environmental impacts (air "
        "pollution, climate change) and economic ones (price rises).",
        "001:1072-1076",
    ),
)

DRIVER_IDS: tuple[str, ...] = tuple(d.id for d in DRIVERS)
_DRIVERS_BY_ID = {d.id: d for d in DRIVERS}


def driver(driver_id: str) -> Driver:
    """The driver with this id; `KeyError` for an unknown one."""
    return _DRIVERS_BY_ID[driver_id]
