"""Generated plans of any size, for benchmarks and load tests.

`make_plan_text(actions=5000, regions=200, indicators=500)` writes a plan in
the layout authors use (comments included) that loads cleanly; `scale`
multiplies all three counts.
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
MEASURES = ("gva", "inward-investment", "research-intensity", "jobs", "average-salary", "international-sales", "human-capital")


def make_plan_text(actions: int = 5000, regions: int = 200, indicators: int = 500) -> str:
    out = [
        "# A generated plan for benchmarks.",
        "format = 1",
        "frameworks = []",
        "",
        "[strategy]",
        'name = "Generated plan"',
        'organisation = "Benchmark agency"',
        'home_region = "Nowhere"',
        "period = { start = 2026, end = 2030 }",
        f'budget = {{ amount = {actions * 100_000}, currency = "EUR" }}',
        f"staff_fte = {actions}",
        'objectives = ["Grow exports", "Attract investment"]',
        "",
    ]
    base, rest = divmod(10_000, regions)  # shares in hundredths, totalling exactly 100
    for r in range(regions):
        share = Decimal(base + (1 if r < rest else 0)) / 100
        out += [
            f"# region {r}",
            "[[regions]]",
            f'id = "region-{r}"',
            f'name = "Region {r}"',
            f"share = {share}",
            f'summary = "Target opportunities in region {r} for priority sectors"',
            "",
        ]
    for a in range(actions):
        region = a % regions
        out += [
            "[[actions]]",
            f'id = "action-{a}"',
            f'region = "region-{region}"',
            f'pillars = ["{PILLARS[a % 6]}", "{PILLARS[(a + 2) % 6]}"]',
            # Distinct as a real plan's are: no two say the same thing (duplicate-action).
            f'title = "Action {a}: trade mission for the {SECTORS[a % 17]} sector (ref {a:06d})"',
            "cost = 10000",
            "staff_fte = 0.5",
            "start = 2026-04-01",
            "end = 2027-03-31",
            f'indicators = ["indicator-{a % indicators}"]',
            "",
        ]
    for i in range(indicators):
        out += [
            "[[indicators]]",
            f'id = "indicator-{i}"',
            f'name = "Indicator {i}"',
            'unit = "companies"',
            'direction = "up"',
            f"baseline = {{ value = {1000 + i}, year = 2026 }}",
            f"target = {{ value = {2000 + i}, year = 2030 }}",
            f"actuals = {{ 2027 = {1200 + i}, 2028 = {1400 + i} }}",
            f'measures = ["{MEASURES[i % 7]}"]',
            "",
        ]
    return "\n".join(out)


def scaled(factor: int) -> str:
    return make_plan_text(actions=5000 * factor, regions=200 * factor, indicators=500 * factor)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Write a generated plan to standard output.")
    parser.add_argument("--actions", type=int, default=5000)
    parser.add_argument("--regions", type=int, default=200)
    parser.add_argument("--indicators", type=int, default=500)
    args = parser.parse_args()
    print(make_plan_text(args.actions, args.regions, args.indicators), end="")
