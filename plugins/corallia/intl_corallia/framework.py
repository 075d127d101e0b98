"""The Corallia framework's declaration: agreement kinds in tier order and party levels."""

from __future__ import annotations

from intl_sdk.frameworks import AgreementKind, Framework, PartyLevel

POLICY_IMPLEMENTERS = ("cluster-initiative", "regional-authority", "development-agency")

CORALLIA = Framework(
    id="corallia",
    name="Corallia policy framework",
    description=(
        "Priority 1 of the Hellenic Technology Clusters Initiative's internationalisation: "
        "an MoU between cluster initiatives, then collaboration agreements between cluster "
        "members, then bilateral agreements between governments."
    ),
    source="European Cluster Alliance, Improving the Cluster Infrastructure through Cluster Policy (2009), 3.4.4.1",
    levels=(
        PartyLevel(
            "cluster-initiative",
            "Cluster initiative",
            "A body with a dedicated, permanent cluster-support role and a mandate to drive internationalisation.",
            implements_cluster_policy=True,
        ),
        PartyLevel("cluster-member", "Cluster member", "An industrial member of a cluster."),
        PartyLevel("government", "State / government", "A national government or its agency."),
        PartyLevel(
            "regional-authority", "Regional authority", "A regional authority implementing cluster policy.",
            implements_cluster_policy=True,
        ),
        PartyLevel(
            "development-agency", "Development agency", "A development agency implementing cluster policy.",
            implements_cluster_policy=True,
        ),
    ),
    kinds=(
        AgreementKind(
            "mou",
            "Memorandum of Understanding",
            tier=1,
            levels=POLICY_IMPLEMENTERS,
            required=("parties", "added_value", "thematic_areas"),
            description="Strategic objectives and joint clustering activities: common cluster priorities, "
            "thematic areas, rules of engagement, communication guidelines. General and flexible.",
        ),
        AgreementKind(
            "ratification",
            "Ratification of an MoU",
            tier=1,
            levels=POLICY_IMPLEMENTERS,
            builds_on=("mou",),
            description="Extends an MoU, case by case, to specific actions (e.g. a joint project).",
        ),
        AgreementKind(
            "collaboration",
            "Collaboration Agreement",
            tier=2,
            levels=("cluster-member",),
            required=("parties", "added_value"),
            builds_on=("mou",),
            description="At cluster-member (industry) level: joint R&D projects, commercialisation "
            "partnering, outsourcing.",
        ),
        AgreementKind(
            "bilateral",
            "Bilateral Agreement",
            tier=3,
            levels=("government",),
            required=("parties", "resources", "sponsor"),
            builds_on=("mou", "collaboration"),
            description="At state/government level: joint call-for-proposals funds (ERA-NET style), "
            "common industrial and regional development activities.",
        ),
    ),
)
