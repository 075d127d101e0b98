"""The Montreal practices' checks, under the prefix `montreal/`.

Each check reads the plan's `[governance]` section and runs only for plans
that name the `montreal` framework. A key listed in the section's
`not_given` (the source gives no review dates) keeps its check quiet. Checks
that need a date use the plan's `as_of`, and the clock only when it is absent.
"""

from __future__ import annotations

from intl_sdk.checks.context import CheckContext

from intl_montreal.context import mistyped, section, section_place
from intl_montreal.overdue import review_overdue, update_overdue

#: Levels of government above a metropolitan or regional strategy (practice 3).
HIGHER_LEVELS = ("provincial", "state", "national", "federal", "european")


def governance_missing(ctx: CheckContext) -> None:
    """A plan that uses the Montreal practices has no `[governance]` section.

    ## What it does
    Reports a plan whose `frameworks` name `montreal` but which has no
    `[governance]` table. The other `montreal/` checks stay quiet until it
    has one.

    ## Why is this bad?
    The nine practices (seed 001, section 3.4.4.7, lines 1747-1784) are about
    how a strategy is governed: published, built bottom-up with business and
    education, delegated to committees, measured and updated every year. A
    plan without the section says nothing of any of them.

    ## Example
    ```toml
    frameworks = ["montreal"]
    ```

    ## Use instead
    ```toml
    frameworks = ["montreal"]

    [governance]
    published = 2003-06-01
    stakeholders = ["business", "education", "government"]
    ```
    """
    if "montreal" not in ctx.plan.frameworks or "governance" in ctx.plan.extra:
        return
    ctx.report(
        ("frameworks", ctx.plan.frameworks.index("montreal")),
        "the plan uses the Montreal practices but has no [governance] section",
        "add [governance] with published, stakeholders, committees and reviews (intl new --template montreal-governance shows them all)",
    )


def governance_invalid(ctx: CheckContext) -> None:
    """A value in `[governance]` of the wrong type.

    ## What it does
    Reports each value the Montreal checks cannot read: a date that is
    neither a TOML date nor a year, text where a list goes, a list entry
    that is not a table. The checks then skip that value.

    ## Why is this bad?
    The core keeps `[governance]` as the author wrote it, so a slip there is
    not a load error; without this check, a review dated `"May 2008"` would
    silently count as no review.

    ## Example
    ```toml
    [[governance.reviews]]
    date = "May 2008"
    ```

    ## Use instead
    ```toml
    [[governance.reviews]]
    date = 2008-05-15
    ```
    """
    governance = section(ctx, even_if_not_a_table=True)
    if governance is None:
        return
    for path, message in governance.problems:
        ctx.report(path, message, "write dates as TOML dates (2009-03-31) or years (2009), lists as [...], and tables as [[governance.KEY]]")


def not_published(ctx: CheckContext) -> None:
    """The strategy's governance gives no date of publication.

    ## What it does
    Reports a `[governance]` section without `published` (a date, or a
    year), unless `not_given` lists it.

    ## Why is this bad?
    Practice 1, "Draft and publicise": the leading organisation should
    "publicize officially the cluster-based strategy once it is drafted"
    (seed 001, lines 1747-1749). An unpublished strategy mobilises no one.

    ## Example
    ```toml
    [governance]
    document = "Vision 2025"
    ```

    ## Use instead
    ```toml
    [governance]
    document = "Vision 2025"
    published = 2003
    ```
    """
    governance = section(ctx)
    if governance is None or governance.published is not None or governance.gives_no("published"):
        return
    if "published" in ctx.plan.extra["governance"]:
        return  # a published of the wrong type is montreal/governance-invalid's
    ctx.report(section_place(ctx), "[governance] gives no publication date", "add published = YYYY-MM-DD (or the year) when the strategy was made public")


def no_stakeholders(ctx: CheckContext) -> None:
    """The governance names no stakeholders.

    ## What it does
    Reports a `[governance]` section whose `stakeholders` is missing or
    empty and whose consultations name no one (`with = [...]`), unless
    `not_given` lists `stakeholders`.

    ## Why is this bad?
    Practice 2, "Encourage a bottom-up approach": "mobilization has to come
    from the community to identify development needs and industry
    challenges" (seed 001, lines 1750-1754). A strategy with no stakeholders
    was written top-down.

    ## Example
    ```toml
    [governance]
    published = 2003
    ```

    ## Use instead
    ```toml
    [governance]
    published = 2003
    stakeholders = ["business", "education", "government"]
    ```
    """
    governance = section(ctx)
    if governance is None or governance.gives_no("stakeholders"):
        return
    consulted = any(
        isinstance(c.data.get("with"), list) and c.data["with"] for c in governance.dated.get("consultations", [])
    )
    if governance.text.get("stakeholders") or consulted or mistyped(ctx, governance, "stakeholders"):
        return
    ctx.report(
        section_place(ctx, "stakeholders"),
        "[governance] names no stakeholders and no consultation says whom it heard",
        'list who took part: stakeholders = ["business", "education", "government", ...]',
    )


def business_education_missing(ctx: CheckContext) -> None:
    """The stakeholders leave out business or education.

    ## What it does
    Where `stakeholders` is given, reports one without `business` or without
    `education` (also as `education` in a longer word, such as
    `higher-education`).

    ## Why is this bad?
    Practice 5: "Involve the Business and Education communities in the
    planning process: this early involvement in the process seems to have
    created a natural cohesion in the community and have kept its members
    mobilized" (seed 001, lines 1764-1766).

    ## Example
    ```toml
    stakeholders = ["government"]
    ```

    ## Use instead
    ```toml
    stakeholders = ["government", "business", "education"]
    ```
    """
    governance = section(ctx)
    if governance is None or not governance.text.get("stakeholders"):
        return
    named = " ".join(s.casefold() for s in governance.text["stakeholders"])
    missing = [kind for kind in ("business", "education") if kind not in named]
    if missing:
        ctx.report(
            ("governance", "stakeholders"),
            f"the stakeholders leave out {' and '.join(missing)}",
            f"involve {' and '.join(missing)} in the planning: add {', '.join(repr(m) for m in missing)} to stakeholders",
        )


def no_higher_level(ctx: CheckContext) -> None:
    """No level of government above the strategy's own is engaged.

    ## What it does
    Where `levels` is given, reports one that names no provincial, state,
    national, federal or European level.

    ## Why is this bad?
    Practice 3, "Engage all levels of stakeholders": a strategy "might be
    drafted at metropolitan or provincial levels, but defining a
    cluster-specific legislative agenda with high levels of governments
    remains crucial (federal grants, tax credits, etc.)" (seed 001, lines
    1756-1758).

    ## Example
    ```toml
    levels = ["metropolitan", "municipal"]
    ```

    ## Use instead
    ```toml
    levels = ["metropolitan", "municipal", "provincial", "federal"]
    ```
    """
    governance = section(ctx)
    if governance is None or "levels" not in governance.text:
        return
    named = " ".join(level.casefold() for level in governance.text["levels"])
    if not any(level in named for level in HIGHER_LEVELS):
        ctx.report(
            ("governance", "levels"),
            "no level of government above the strategy's own is engaged (" + ", ".join(governance.text["levels"]) + ")",
            "engage a higher level for the legislative agenda, grants and tax credits: add it to levels, e.g. \"federal\"",
        )


def builds_on_nothing(ctx: CheckContext) -> None:
    """The governance names nothing existing that the strategy builds on.

    ## What it does
    Reports a `[governance]` section without `builds_on` (the existing
    initiatives, plans and facilities the strategy mobilises), unless
    `not_given` lists it.

    ## Why is this bad?
    Practice 4, "Build on what's existing: foster cluster development through
    optimization and mobilization of existing initiatives and/or facilities,
    i.e. Do not reinvent the wheel" (seed 001, lines 1760-1762).

    ## Example
    ```toml
    [governance]
    published = 2003
    ```

    ## Use instead
    ```toml
    [governance]
    published = 2003
    builds_on = ["Economic Development Plan", "Competitiveness Fund"]
    ```
    """
    governance = section(ctx)
    if governance is None or governance.text.get("builds_on") or governance.gives_no("builds_on"):
        return
    if mistyped(ctx, governance, "builds_on"):
        return
    ctx.report(section_place(ctx, "builds_on"), "[governance] names nothing existing that the strategy builds on",
               'list the initiatives and facilities it mobilises: builds_on = ["..."]')


def no_committees(ctx: CheckContext) -> None:
    """No dedicated committee carries any part of the strategy.

    ## What it does
    Reports a `[governance]` section without `[[governance.committees]]`,
    unless `not_given` lists `committees`.

    ## Why is this bad?
    Practice 6, "Get support from hands-on partners: delegate specific
    aspects of the cluster development to dedicated
    groups/councils/committees (ex: internationalization, innovation,
    marketing & branding, etc.)" (seed 001, lines 1768-1770).

    ## Example
    ```toml
    [governance]
    published = 2003
    ```

    ## Use instead
    ```toml
    [[governance.committees]]
    name = "Internationalisation committee"
    remit = ["internationalisation"]
    ```
    """
    governance = section(ctx)
    if governance is None or governance.tables.get("committees") or governance.gives_no("committees"):
        return
    if mistyped(ctx, governance, "committees"):
        return
    ctx.report(section_place(ctx, "committees"), "no committee carries any part of the strategy",
               "delegate parts (internationalisation, innovation, marketing) to [[governance.committees]] with a name and a remit")


def no_networking(ctx: CheckContext) -> None:
    """The governance names no networking tools.

    ## What it does
    Reports a `[governance]` section without `networking` (the meetings,
    newsletters, portals and platforms that keep people exchanging), unless
    `not_given` lists it.

    ## Why is this bad?
    Practice 7, "Encourage networking and exchange: implement networking
    tools to get the mobilization going ... Monthly meetings, newsletters,
    Web portals" (seed 001, lines 1772-1776).

    ## Example
    ```toml
    [governance]
    published = 2003
    ```

    ## Use instead
    ```toml
    [governance]
    networking = ["monthly meetings", "newsletter", "web portal"]
    ```
    """
    governance = section(ctx)
    if governance is None or governance.text.get("networking") or governance.gives_no("networking"):
        return
    if mistyped(ctx, governance, "networking"):
        return
    ctx.report(section_place(ctx, "networking"), "[governance] names no networking tools",
               'add networking = ["monthly meetings", "newsletter", "web portal", ...]')


CHECKS = (
    ("montreal/governance-missing", "warning", governance_missing),
    ("montreal/governance-invalid", "error", governance_invalid),
    ("montreal/not-published", "warning", not_published),
    ("montreal/no-stakeholders", "warning", no_stakeholders),
    ("montreal/business-education-missing", "warning", business_education_missing),
    ("montreal/no-higher-level", "info", no_higher_level),
    ("montreal/builds-on-nothing", "info", builds_on_nothing),
    ("montreal/no-committees", "warning", no_committees),
    ("montreal/no-networking", "info", no_networking),
    ("montreal/review-overdue", "warning", review_overdue),
    ("montreal/update-overdue", "warning", update_overdue),
)
