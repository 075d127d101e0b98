"""Derived views: money and staff per region, coverage, indicator progress, measures."""

from __future__ import annotations

from decimal import Decimal

import intl_sdk
from intl_sdk import views

from support import EXAMPLES

PLAN = """\
format = 1
[strategy]
name = "x"
period = { start = 2006, end = 2010 }
budget = { amount = 1_000_000, currency = "GBP" }
staff_fte = 10

[[regions]]
id = "a"
share = 60
[[regions]]
id = "b"
share = 30.5

[[actions]]
id = "a1"
region = "a"
pillars = ["competitive-sectors", "strategic-countries"]
cost = 100_000
staff_fte = 2
[[actions]]
id = "a2"
region = "a"
pillars = ["competitive-sectors"]
cost = 50_000

[[indicators]]
id = "up"
baseline = { value = 100, year = 2006 }
target = { value = 200, year = 2010 }
actuals = { 2007 = 110, 2008 = 150 }
measures = ["jobs"]
[[indicators]]
id = "down"
direction = "down"
baseline = { value = 458, year = 2006 }
target = { value = 358, year = 2010 }
actuals = { 2008 = 448 }
[[indicators]]
id = "watched"
monitor_only = true
actuals = { 2006 = 5 }
[[indicators]]
id = "done"
baseline = { value = 1, year = 2006 }
target = { value = 2, year = 2010 }
actuals = { 2009 = 2.5 }
"""


def test_allocation_turns_shares_into_money_and_staff_with_the_remainder():
    view = views.allocation(intl_sdk.loads(PLAN))
    a, b = view.regions
    assert a.money == 600_000 and a.staff == 6 and a.actions == 2 and a.actions_cost == 150_000 and a.actions_staff == 2
    assert b.money == Decimal("305000.0") and b.staff == Decimal("3.05")
    assert view.total_share == Decimal("90.5") and view.unallocated_share == Decimal("9.5")
    assert view.unallocated_money == Decimal("95000.0") and view.unallocated_staff == Decimal("0.95")


def test_allocation_without_totals_gives_no_money():
    view = views.allocation(intl_sdk.load(EXAMPLES / "nwda.toml"))
    assert view.total_share == 99 and view.unallocated_share == 1
    assert all(r.money is None and r.staff is None for r in view.regions) and view.unallocated_money is None


def test_coverage_matrix_counts_and_costs_actions_and_names_uncovered_pillars():
    matrix = views.coverage(intl_sdk.loads(PLAN))
    assert matrix.count("competitive-sectors", "a") == 2 and matrix.count("strategic-countries", "a") == 1
    assert matrix.cost[("competitive-sectors", "a")] == 150_000
    assert matrix.count("competitive-sectors", "b") == 0
    assert matrix.uncovered == ("science-rd-hei", "regional-assets", "international-connections", "european-policy")


def test_indicator_progress_respects_direction_and_the_straight_line_path():
    progress = {p.id: p for p in views.indicator_progress(intl_sdk.loads(PLAN))}
    up = progress["up"]
    assert up.latest_year == 2008 and up.fraction == Decimal("0.5") and up.expected == Decimal("0.5")
    assert up.status == "on track" and up.on_track is True
    down = progress["down"]  # 458 -> 448 of the way to 358: 10%, but half the time has passed
    assert down.fraction == Decimal("0.1") and down.status == "behind" and down.on_track is False
    assert progress["watched"].status == "monitor only" and progress["watched"].latest == 5
    assert progress["done"].status == "achieved" and progress["done"].fraction == Decimal("1.5")


def test_measure_coverage_lists_indicators_per_minimum_measure():
    covered = {m.id: ids for m, ids in views.measure_coverage(intl_sdk.loads(PLAN)).items()}
    assert covered["jobs"] == ("up",) and covered["gva"] == ()
    assert len(covered) == 7
