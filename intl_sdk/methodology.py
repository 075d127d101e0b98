"""The methodology's seven minimum contents: the keys of a plan's `[methodology]` table.

"A methodology to address this must include as a minimum" (seed 001, section
3.4.2, lines 1170–1180): seven contents, each a key of the optional
`[methodology]` table. A key holds text (how the plan addresses it) or a list
of references to the plan's items (`"indicators.exporters"`), so that a
reviewer can follow the claim to what the plan does.
"""

from __future__ import annotations

import re

from attrs import frozen

__all__ = [
    "METHODOLOGY",
    "METHODOLOGY_KEYS",
    "MethodologyContent",
    "REFERENCE_COLLECTIONS",
    "parse_reference",
    "parse_references",
]


@frozen
class MethodologyContent:
    """One of the methodology's minimum contents, with its key in `[methodology]`."""

    key: str
    number: int
    title: str
    #: The seed's words.
    text: str
    #: Where the seed says it (seed 001, line).
    source: str


METHODOLOGY: tuple[MethodologyContent, ...] = (
    MethodologyContent(
        "driver_mechanisms", 1, "Mechanisms to respond to the global drivers",
        "Development of mechanisms to respond/exploit global drivers", "001:1172",
    ),
    MethodologyContent(
        "consensus", 2, "A consensus around benefits",
        "Achievement of a consensus around benefits", "001:1173",
    ),
    MethodologyContent(
        "prioritised_framework", 3, "A framework for a prioritised and integrated approach",
        "Provision of a framework for a prioritised & integrated approach", "001:1174",
    ),
    MethodologyContent(
        "global_view", 4, "A global view of activities",
        "Global view of activities from an international perspective", "001:1175",
    ),
    MethodologyContent(
        "value_web", 5, "Value from all parts of the value web",
        "Extraction of value from all parts of value web/networks", "001:1176",
    ),
    MethodologyContent(
        "national_focus", 6, "Links into the national focus",
        "Links into national focus on internationalisation", "001:1177",
    ),
    MethodologyContent(
        "baseline_outputs", 7, "Baseline data and outputs",
        "The setting of baseline data and outputs e.g. improvement of GVA (Gross Value Added) in the region",
        "001:1178-1180",
    ),
)

METHODOLOGY_KEYS: tuple[str, ...] = tuple(c.key for c in METHODOLOGY)

#: The item lists a `[methodology]` reference may point into.
REFERENCE_COLLECTIONS: tuple[str, ...] = ("regions", "offices", "actions", "indicators", "agreements")

_REFERENCE_RE = re.compile(r"^([a-z]+)\.(.+)$")
# Only the editor and spreadsheets read references from words: compiled (and cached by `re`) on their first use.
_LISTED = rf"(?:{'|'.join(REFERENCE_COLLECTIONS)})\.[^\s,;]+"
_PARTS = r"[,;\s]+"


def parse_reference(text: str) -> tuple[str, str] | None:
    """`"indicators.exporters"` as `("indicators", "exporters")`; None if it is not `collection.id`."""
    match = _REFERENCE_RE.match(text)
    return (match.group(1), match.group(2)) if match else None


def parse_references(text: str) -> list[str] | None:
    """`"actions.a, indicators.b"` as a list of references, when every part of the text is
    one; None when it is words (as the editor and a spreadsheet cell read a content)."""
    parts = [part for part in re.split(_PARTS, text.strip()) if part]
    if parts and all(re.fullmatch(_LISTED, part) for part in parts):
        return parts
    return None
