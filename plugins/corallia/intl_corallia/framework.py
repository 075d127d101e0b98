"""The Corallia framework's declaration: agreement kinds in tier order and party levels."""

from __future__ import annotations

from intl_sdk.frameworks import AgreementKind, Framework, PartyLevel

POLICY_IMPLEMENTERS = ("cluster-initiative", "regional-authority", "development-agency")

#: What an MoU defines (seed 001, lines 1369-1372): a plan-file key each, all optional.
MOU_CONTENTS = {
    "cluster_priorities": "a common set of cluster priorities",
    "thematic_areas": "thematic (technological) areas of interest",
    "rules_of_engagement": "rules of engagement",
    "communication_guidelines": "communication guidelines",
}

#: A collaboration agreement supports alliances "among (mainly) industrial
#: members" (line 1379): other parties are noted, not wrong.
COLLABORATION_MAINLY = ("cluster-member",)

CORALLIA = Framework(
    id="corallia",
    name="Corallia policy framework",
    description=(
        "Priority 1 of the Hellenic Technology Clusters Initiative's internationalisation: "
        "an MoU between cluster initiatives, then collaboration agreements mainly between cluster "
        "members, then bilateral agreements between governments: an order the report encourages."
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
            required=("parties", "added_value"),
            description="Strategic objectives and joint clustering activities: common cluster priorities, "
            "thematic areas, rules of engagement, communication guidelines (cluster_priorities, "
            "thematic_areas, rules_of_engagement, communication_guidelines). General and flexible.",
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
            levels=(),  # mainly cluster members: corallia/collaboration-party notes the others
            required=("parties", "added_value"),
            builds_on=("mou",),
            description="Mainly at cluster-member (industry) level: joint R&D projects, commercialisation "
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
