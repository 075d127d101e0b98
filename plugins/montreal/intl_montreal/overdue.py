"""Practices 8 and 9, which need a date: a review and an update every year.

A year is counted back from the plan's `as_of`, and from today only when the
plan has none, so that the same file gives the same findings on any day.
"""

from __future__ import annotations

import datetime as _dt

from intl_sdk.checks.context import CheckContext

from intl_montreal.context import as_of, mistyped, section, section_place


def _overdue(ctx: CheckContext, key: str, what: str, practice: str, hint: str) -> None:
    governance = section(ctx)
    if governance is None or governance.gives_no(key):
        return
    day = as_of(ctx)
    latest = governance.latest(key)
    basis = "as_of" if isinstance(getattr(ctx.plan, "as_of", None), _dt.date) else "today"
    if latest is None:
        if mistyped(ctx, governance, key) or any(d.day is None and ("date" in d.data or "year" in d.data) for d in governance.dated.get(key, [])):
            return  # an unreadable date: montreal/governance-invalid
        ctx.report(section_place(ctx, key), f"[governance] records no {what} ({practice})", hint)
        return
    limit = _a_year_before(day)
    if latest.day < limit:
        where = "date" if "date" in latest.data else "year"
        ctx.report(
            ("governance", key, latest.index, where),
            f"the last {what} was on {latest.day.isoformat()}, more than a year before {day.isoformat()} ({basis}); {practice}",
            hint,
        )


def _a_year_before(day: _dt.date) -> _dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def review_overdue(ctx: CheckContext) -> None:
    """The last performance review is more than a year before the plan's date.

    ## What it does
    Takes the latest `[[governance.reviews]]` by its `date` (or `year`,
    read as the year's last day) and reports it when it is more than a year
    before the plan's `as_of` (today when the plan has no `as_of`); reports
    a section with no dated review at all, unless `not_given` lists
    `reviews`.

    ## Why is this bad?
    Practice 8, "Measure performance: on a regular basis, strategy and/or
    clusters' performances need to be evaluated (ex: Montreal, where clusters
    are evaluated annually on their ability to reach their business plan's
    objectives)" (seed 001, lines 1778-1780). A review more than a year old
    has missed its year.

    ## Example
    ```toml
    as_of = 2009-06-01

    [[governance.reviews]]
    date = 2008-03-31
    against = "business plans"
    ```

    ## Use instead
    ```toml
    as_of = 2009-06-01

    [[governance.reviews]]
    date = 2009-03-31
    against = "business plans"
    ```
    """
    _overdue(ctx, "reviews", "performance review", "practice 8 evaluates performance every year",
             "review performance against the business plans and add [[governance.reviews]] with its date")


def update_overdue(ctx: CheckContext) -> None:
    """The strategy has not been updated, or met on, for more than a year.

    ## What it does
    Takes the latest `[[governance.updates]]` (an update of the strategy, or
    the annual event where it is discussed) by its `date` or `year` and
    reports it when it is more than a year before the plan's `as_of` (today
    without one); reports a section with none, unless `not_given` lists
    `updates`.

    ## Why is this bad?
    Practice 9, "Update strategy and make it evolve: organize an annual event
    to keep everyone up-to-date on the cluster's priorities and to give a
    regular opportunity for every actor ... to get together and discuss
    initiatives and policy changes (ex: Annual Leadership Summit)" (seed 001,
    lines 1781-1784).

    ## Example
    ```toml
    as_of = 2009-06-01

    [[governance.updates]]
    event = "Annual Leadership Summit"
    date = 2007-11-20
    ```

    ## Use instead
    ```toml
    as_of = 2009-06-01

    [[governance.updates]]
    event = "Annual Leadership Summit"
    date = 2008-11-18
    ```
    """
    _overdue(ctx, "updates", "strategy update or annual event", "practice 9 updates the strategy at an annual event",
             "hold the annual event and record it in [[governance.updates]] with its date")
