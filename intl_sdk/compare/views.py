"""The portfolio's cross-plan views: where it goes, and who could work with whom.

Recommendation 3 of the report asks for "information on what is available in
EU regions" to build links with partner regions, and recommendation 2 for
"joint efforts for opportunities in BRIC countries" (seed 001, lines
2267-2275). These views give both from the plans themselves:

- **destinations**: every target region, grouped by what it is (its code,
  else its name), with the sum of the shares the plans give it and the plans
  that target it; a country also lists the world regions the portfolio
  targets that hold it;
- **interests**: pairs of plans where one targets the other's home region
  (a world region that holds it counts, the whole world does not); mutual
  when both do;
- **joint actions**: pairs of plans that target the same country with an
  action serving the same pillar, with their offices there.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Sequence

from attrs import frozen

from intl_sdk.compare.places import Places, country_part, name_key
from intl_sdk.compare.summary import PlanSummary
from intl_sdk.pillars import PILLAR_IDS

__all__ = ["BRIC", "Destination", "Interest", "JointCountry", "Partners", "Target", "destinations", "partners"]

#: The world (UN M49 001) holds every place: targeting it says nothing of any one partner.
WORLD = "001"

#: "joint efforts for opportunities in BRIC countries" (seed 001, line 2271): Brazil, Russia, India, China.
BRIC = ("BR", "RU", "IN", "CN")


@frozen
class Target:
    """A plan's target region, as one of a destination's."""

    plan: int  # index into the portfolio's plans
    name: str
    share: Decimal | None
    share_not_given: bool
    pillars: tuple[str, ...]
    offices: tuple[str, ...]


@frozen
class Destination:
    """A place the portfolio targets: its code (None when matched by name only)."""

    key: str
    label: str
    code: str | None
    matched_by: str  # "code", "name" (CLDR's names), or "" (the written name, exactly)
    known: bool  # False for a code CLDR does not know
    targets: tuple[Target, ...]
    within: tuple[str, ...]  # keys of targeted world regions that hold this place

    @property
    def total_share(self) -> Decimal | None:
        shares = [t.share for t in self.targets if t.share is not None]
        return sum(shares, Decimal(0)) if shares else None

    @property
    def plans(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(t.plan for t in self.targets))


def _resolved(plans: Sequence[PlanSummary], places: Places) -> list[list[tuple[str, str | None, str]]]:
    """For each plan, for each region: (destination key, code, how matched)."""
    out = []
    for plan in plans:
        rows = []
        for region in plan.regions:
            code, how = places.code_for(region.name, region.code)
            rows.append((code if code else "name:" + name_key(region.name or region.id), code, how))
        out.append(rows)
    return out


def destinations(plans: Sequence[PlanSummary], places: Places) -> list[Destination]:
    """Where the portfolio goes, the largest sum of shares first."""
    resolved = _resolved(plans, places)
    groups: dict[str, list[Target]] = {}
    how: dict[str, tuple[str | None, str]] = {}
    names: dict[str, Counter[str]] = {}
    for index, (plan, rows) in enumerate(zip(plans, resolved)):
        for region, (key, code, matched_by) in zip(plan.regions, rows):
            groups.setdefault(key, []).append(
                Target(index, region.name, region.share, region.share_not_given, region.pillars, region.offices)
            )
            previous = how.get(key)
            if previous is None or (previous[1] != "code" and matched_by == "code"):
                how[key] = (code, matched_by)
            names.setdefault(key, Counter())[region.name] += 1
    coded = {key: code for key, (code, _) in how.items() if code}
    out = []
    for key, targets in groups.items():
        code, matched_by = how[key]
        label = names[key].most_common(1)[0][0] if names[key] else (places.name_of(key) or key)
        within = tuple(
            sorted(
                (
                    other
                    for other, other_code in coded.items()
                    if other != key and code and other_code != WORLD and places.covers(other_code, code)
                ),
                key=lambda k: coded[k],
            )
        )
        out.append(Destination(key, label, code, matched_by, code is None or places.known(code), tuple(targets), within))
    out.sort(key=lambda d: (-(d.total_share or 0), -len(d.plans), d.label.casefold()))
    return out


@frozen
class Interest:
    """Plan `a` targets plan `b`'s home region (through `a_regions`), and maybe back."""

    a: int
    b: int
    a_regions: tuple[str, ...]  # a's regions that take in b's home
    b_regions: tuple[str, ...]  # b's regions that take in a's home (empty: one way)

    @property
    def mutual(self) -> bool:
        return bool(self.a_regions and self.b_regions)


@frozen
class JointCountry:
    """A country two plans both target with actions serving the same pillars."""

    code: str
    label: str
    pillars: tuple[str, ...]
    a_offices: tuple[str, ...]
    b_offices: tuple[str, ...]

    @property
    def bric(self) -> bool:
        return self.code in BRIC


@frozen
class Partners:
    """Two plans and what they have in common abroad."""

    a: int
    b: int
    countries: tuple[JointCountry, ...]


def home_code(plan: PlanSummary, places: Places) -> str | None:
    """The plan's home as a code: `home_code`, else its home region's name in CLDR."""
    code, _ = places.code_for(plan.home_region, plan.home_code)
    return code


def interests(plans: Sequence[PlanSummary], places: Places) -> list[Interest]:
    """Pairs where one plan targets the other's home region; mutual pairs first."""
    resolved = _resolved(plans, places)
    homes = [home_code(plan, places) for plan in plans]

    def reaching(a: int, b: int) -> tuple[str, ...]:
        home = homes[b]
        if home is None:
            return ()
        return tuple(
            region.name
            for region, (_, code, _how) in zip(plans[a].regions, resolved[a])
            if code is not None and code != WORLD and places.covers(code, home)
        )

    out = []
    for a in range(len(plans)):
        for b in range(a + 1, len(plans)):
            there, back = reaching(a, b), reaching(b, a)
            if there or back:
                out.append(Interest(a, b, there, back) if there else Interest(b, a, back, there))
    out.sort(key=lambda i: (not i.mutual, i.a, i.b))
    return out


def partners(plans: Sequence[PlanSummary], places: Places) -> list[Partners]:
    """Pairs of plans in the same countries with the same pillars: candidates
    for joint actions, the pairs sharing most countries first."""
    resolved = _resolved(plans, places)
    # country -> plan -> (pillars, offices, names)
    by_country: dict[str, dict[int, tuple[set[str], list[str], Counter[str]]]] = {}
    for index, (plan, rows) in enumerate(zip(plans, resolved)):
        for region, (_, code, _how) in zip(plan.regions, rows):
            if code is None or code.isdigit() or not places.known(code):
                continue
            country = country_part(code)
            pillars, offices, names = by_country.setdefault(country, {}).setdefault(index, (set(), [], Counter()))
            pillars.update(region.pillars)
            offices.extend(region.offices)
            names[region.name] += 1
    pairs: dict[tuple[int, int], list[JointCountry]] = {}
    for country in sorted(by_country):
        entries = by_country[country]
        label = sum((names for _, _, names in entries.values()), Counter()).most_common(1)[0][0]
        indexes = sorted(entries)
        for position, a in enumerate(indexes):
            for b in indexes[position + 1 :]:
                shared = entries[a][0] & entries[b][0]
                if shared:
                    pairs.setdefault((a, b), []).append(
                        JointCountry(
                            country,
                            label,
                            tuple(p for p in PILLAR_IDS if p in shared),
                            tuple(entries[a][1]),
                            tuple(entries[b][1]),
                        )
                    )
    out = [Partners(a, b, tuple(countries)) for (a, b), countries in pairs.items()]
    out.sort(key=lambda p: (-len(p.countries), p.a, p.b))
    return out
