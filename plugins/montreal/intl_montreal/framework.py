"""The Montreal practices as a framework: a plan opts in with `frameworks = ["montreal"]`.

The framework defines no agreement kinds: what it adds is the plan's
`[governance]` section and the checks on it. Naming it in a plan is what
turns the checks on, and what `framework-missing` reports when this plugin
is not installed, so the section is never silently unchecked.
"""

from __future__ import annotations

from intl_sdk.frameworks import Framework

#: The nine practices, in the report's order and words (seed 001, section 3.4.4.7, lines 1747-1784).
PRACTICES = (
    ("draft-and-publicise", "Draft and publicise", "published"),
    ("bottom-up", "Encourage a bottom-up approach", "stakeholders, consultations"),
    ("all-levels", "Engage all levels of stakeholders", "levels"),
    ("build-on-existing", "Build on what's existing", "builds_on"),
    ("business-and-education", "Involve the business and education communities in the planning process", "stakeholders"),
    ("hands-on-partners", "Get support from hands-on partners: delegate to committees", "committees"),
    ("networking", "Encourage networking and exchange", "networking"),
    ("measure-performance", "Measure performance on a regular basis (annually, against business plans)", "reviews"),
    ("update-strategy", "Update the strategy and make it evolve (an annual event)", "updates"),
)

MONTREAL = Framework(
    id="montreal",
    name="Montreal governance practices",
    kinds=(),
    description=(
        "The nine best practices of cluster strategy governance from the benchmarking study of North American "
        "strategies presented at the Montreal CLUNET meeting, June 2007: a [governance] section (published, "
        "stakeholders, levels, builds_on, consultations, committees, networking, reviews, updates) and its checks."
    ),
    source="European Cluster Alliance, Improving the Cluster Infrastructure through Cluster Policy (2009), 3.4.4.7",
)
