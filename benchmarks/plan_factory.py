"""Generated plans of any size, for benchmarks and load tests.

`make_plan_text(actions=5000, regions=200, indicators=500)` writes a plan in
the layout authors use (comments included). By default (`findings=True`) the
plan has findings of every core kind spread through it, as real plans do:
25 actions a region need more staff than the region's share of the strategy's
staff (a `staff-exceeded` in every region), shares with decimals, dates
outside the period, missing and wrong references, ids, values and fields,
indicators without targets or going the wrong way, agreements of unknown
kinds (all the core kinds but `period-reversed` and `resources-missing`,
which would make every action's a finding, and `plugin-error`). `findings=False` gives a plan
that checks clean. `scale` multiplies all
three counts.
"""

from __future__ import annotations

import argparse
from decimal import Decimal

PILLARS = (
    "competitive-sectors",
    "science-rd-hei",
    "strategic-countries",
    "regional-assets",
    "international-connections",
    "european-policy",
)
#: Sector names for action titles: words, so that no title shares a number with another by chance.
SECTORS = (
    "aerospace", "automotive", "biotechnology", "chemicals", "construction", "creative", "digital",
    "energy", "environmental", "finance", "food", "logistics", "materials", "nuclear", "pharmaceuticals",
    "textiles", "tourism",
)
DRIVERS = ("changing-balance", "population-change", "global-markets", "international-specialisation", "innovation-rewards", "skills", "energy-environment")
METHODOLOGY = ("driver_mechanisms", "consensus", "prioritised_framework", "global_view", "value_web", "national_focus", "baseline_outputs")
MEASURES = ("gva", "inward-investment", "research-intensity", "jobs", "average-salary", "international-sales", "human-capital")


def make_plan_text(actions: int = 5000, regions: int = 200, indicators: int = 500, *, findings: bool = True) -> str:
    staff = actions // 12 if findings else actions  # with findings, each region's 25 actions need 12.5 FTE, not 2
    out = [
        "# A generated plan for benchmarks.",
        "format = 1",
        'frameworks = ["corallia"]' if not findings else 'frameworks = ["corallia", "no-such-framework"]',
        'ignore = ["no-such-check"]' if findings else "",
        "",
        "[strategy]",
        'name = "Generated plan"',
        'organisation = "Benchmark agency"',
        'home_region = "Nowhere"',
        "period = { start = 2026, end = 2030 }",
        f'budget = {{ amount = {actions * 100_000}, currency = "EUR" }}',
        f"staff_fte = {staff}",
        'objectives = ["Grow exports", "Attract investment"]',
        "",
        "[methodology]",
    ]
    for key in METHODOLOGY[1:] if findings else METHODOLOGY:  # methodology-incomplete
        out.append(f'{key} = "How the plan addresses its {key.replace("_", " ")}"')
    out.append("")
    base, rest = divmod(10_000, regions)  # shares in hundredths, totalling exactly 100
    for r in range(regions):
        share = Decimal(base + (1 if r < rest else 0)) / 100
        name = f"Region {r}"
        if findings and r % 50 == 7:
            name = ""  # region-name-empty
        if findings and r % 40 == 3:
            share += Decimal("0.001")  # share-precision (and shares-sum)
        out += [
            f"# region {r}",
            "[[regions]]",
            f'id = "region-{r}"',
            f'name = "{name}"',
            f'code = "{"Region " + str(r) if findings and r % 60 == 11 else _country_code(r)}"',  # region-code-invalid
            f"share = {share}",
            f'summary = "Target opportunities in region {r} for priority sectors"',
            "",
        ]
    if findings:
        out += ["[[regions]]", 'id = "quiet"', 'name = "Quiet"', "share = 2", ""]  # region-without-actions
        out += ["[[regions]]", 'id = "negative"', 'name = "Negative"', "share = -1", ""]  # share-range
    for a in range(actions):
        region = a % regions
        action_id = f"action-{a}"
        pillars = f'"{PILLARS[a % 6]}", "{PILLARS[(a + 2) % 6]}"'
        if findings:
            pillars = pillars.replace("european-policy", "regional-assets")  # pillar-uncovered
        # Distinct as a real plan's are: no two say the same thing (duplicate-action).
        title = f'title = "Action {a}: trade mission for the {SECTORS[a % 17]} sector (ref {a:06d})"'
        start, cost, indicator = "2026-04-01", 10000, f"indicator-{a % indicators}"
        if findings:
            if a % 250 == 11:
                action_id = f"Action_{a}"  # invalid-id
            if a % 500 == 13:
                action_id = f"action-{a - 1}"  # duplicate-id
            if a % 200 == 17:
                pillars = ""  # action-without-pillars
            if a % 300 == 19:
                title = ""  # missing-field
            if a % 400 == 37:  # duplicate-action: the title of the action before, in another region
                title = f'title = "Action {a - 1}: trade mission for the {SECTORS[(a - 1) % 17]} sector (ref {a - 1:06d})"'
            if a % 40 == 23:
                start = "2025-01-15"  # action-outside-period
            if a % 100 == 29:
                indicator = f"indicator-{a % indicators}x"  # unknown-reference: a near miss, each its own
            if a % 175 == 31:
                cost = 100_000_000  # budget-exceeded in its region
        out += [
            "[[actions]]",
            f'id = "{action_id}"',
            f'region = "region-{region}"',
            f"pillars = [{pillars}]",
            f'drivers = ["{DRIVERS[a % (6 if findings else 7)]}"]',  # driver-unanswered
            title,
            f"cost = {cost}",
            "staff_fte = 0.5",
            f"start = {start}",
            "end = 2027-03-31",
            f'indicators = ["{indicator}"]',
            "",
        ]
    for i in range(indicators):
        direction, target, actuals = "up", f"{{ value = {2000 + i}, year = 2030 }}", f"{{ 2027 = {1200 + i}, 2028 = {1400 + i} }}"
        if findings:
            if i % 30 == 5:
                target = f"{{ year = 2030 }}"  # indicator-incomplete
            if i % 35 == 6:
                target = f"{{ value = {500 + i}, year = 2030 }}"  # target-direction
            if i % 40 == 7:
                target = f"{{ value = {2000 + i}, year = 2035 }}"  # target-outside-period
            if i % 45 == 8:
                actuals = f"{{ 2020 = {1100 + i} }}"  # actuals-outside-period
            if i % 60 == 9:
                direction = "sideways"  # invalid-value
        out += [
            "[[indicators]]",
            f'id = "indicator-{i}"',
            f'name = "Indicator {i}"',
            'unit = "companies"',
            f'direction = "{direction}"',
            f"baseline = {{ value = {1000 + i}, year = 2026 }}",
            f"target = {target}",
            f"actuals = {actuals}",
            f'measures = ["{MEASURES[i % (6 if findings else 7)]}"]',  # minimum-indicators
            'not_given = ["baseline.yaer"]' if findings and i % 70 == 10 else "",  # not-given-invalid
            "",
        ]
    for g in range(max(1, indicators // 50)):
        kind = "mou" if not findings or g % 3 else "treaty"  # unknown-agreement-kind
        level = "cluster-initiative" if not findings else "cluster-member"  # no-policy-agreement
        out += [
            "[[agreements]]",
            f'id = "agreement-{g}"',
            'framework = "corallia"',
            f'kind = "{kind}"',
            f'partner = "Partner cluster {g}"',
            f'parties = [{{ name = "Our cluster", level = "{level}" }}, {{ name = "Their cluster", level = "{level}" }}]',
            'status = "signed"',
            "signed = 2026-06-01",
            'added_value = "Joint projects"' if not (findings and g % 4 == 1) else "",  # agreement-added-value
            'thematic_areas = ["energy"]',
            'sponsor = "Regional minister"' if not (findings and g % 4 == 2) else "",  # agreement-sponsor
            "funds = 40000" if not (findings and g % 4 == 3) else "",  # agreement-resources
            "",
        ]
    for o in range(max(1, regions // 10)):
        region = "negative" if findings and o == 0 else f"region-{o * 10}"  # office-without-share
        staff = 3 if findings and o % 5 == 1 else 1  # office-staff-exceeded (the region's share is 2 FTE)
        out += [
            "[[offices]]",
            f'id = "office-{o}"',
            f'name = "Office {o}"',
            f'region = "{region}"',
            f"staff_fte = {staff}",
            "",
        ]
    return "\n".join(line for line in out if line is not None)


def _country_code(number: int) -> str:
    """A code written as ISO 3166-1 alpha-2 is (two capitals): whether it exists is not checked."""
    return chr(65 + number % 26) + chr(65 + number // 26 % 26)


def scaled(factor: float, *, findings: bool = True) -> str:
    return make_plan_text(
        actions=int(5000 * factor), regions=int(200 * factor), indicators=int(500 * factor), findings=findings
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Write a generated plan to standard output.")
    parser.add_argument("--actions", type=int, default=5000)
    parser.add_argument("--regions", type=int, default=200)
    parser.add_argument("--indicators", type=int, default=500)
    parser.add_argument("--clean", action="store_true", help="a plan without findings")
    args = parser.parse_args()
    print(make_plan_text(args.actions, args.regions, args.indicators, findings=not args.clean), end="")
