"""The alliance's Partnership Agreement: one kind, its checklists and signature block.

Everything here is Appendix 1 of the report, as worded there (seed 001, lines
2279-2322): the rights (2294-2303), the obligations (2305-2316) and the
signature block (2318-2322).
"""

from __future__ import annotations

from intl_sdk.frameworks import AgreementKind, Framework, PartyLevel

RIGHTS = {
    "participate-work-areas": "Participate in the work of the INNO-Nets and the working areas of their choice",
    "events": "Be invited to events organised within the Alliance",
    "calls": "Participate in and co-fund calls for proposals launched by the Alliance",
    "intranet": "Fully access the Alliance's intranet site",
    "results": "Use and disseminate the results obtained within the Alliance",
}
OBLIGATIONS = {
    "support-objectives": "Support the objectives and activities of the Alliance and give them public visibility",
    "invite-partners": "Invite ECA partners to events organised under their initiative",
    "report-activities": "Provide regular information about their activities",
    "inform-partners": "Inform the ECA partners about their own activities in areas of mutual interest",
    "self-finance": "Self-finance their participation in the work of the Alliance",
}
#: The signature block, in the appendix's order (lines 2318-2322).
SIGNATURE_FIELDS = {
    "person": "authorised person",
    "organisation": "organisation",
    "position": "position",
    "signature": "signature",
    "address": "address/email",
    "date": "date",
}
#: `funding` purposes that are not a financial commitment of the agreement:
#: self-financing one's participation is an obligation (line 2316), co-funding
#: calls a right (line 2299), and the agreement implies no financial
#: commitment (lines 2289-2290).
NOT_COMMITMENTS = ("self-financing", "call-co-funding")

#: Who signs: the cluster initiatives associated to the alliance (line 2286),
#: its associate members being public organisations that develop or manage
#: cluster policies (lines 350-355).
SIGNATORY_LEVELS = ("cluster-initiative", "regional-authority", "development-agency", "national-authority")

ALLIANCE = Framework(
    id="alliance",
    name="European Cluster Alliance Partnership Agreement",
    description="A Memorandum of Understanding of mutual rights and obligations for cluster "
    "initiatives associated to the alliance; legally non-binding, no financial commitment.",
    source="European Cluster Alliance, Improving the Cluster Infrastructure through Cluster Policy (2009), Appendix 1",
    levels=(
        PartyLevel("cluster-initiative", "Cluster initiative", implements_cluster_policy=True),
        PartyLevel("regional-authority", "Regional authority", implements_cluster_policy=True),
        PartyLevel("development-agency", "Development agency", implements_cluster_policy=True),
        PartyLevel("national-authority", "National authority", implements_cluster_policy=True),
    ),
    kinds=(
        AgreementKind(
            "partnership",
            "ECA Partnership Agreement",
            tier=1,
            levels=SIGNATORY_LEVELS,
            description="Mutual rights and obligations; legally non-binding; no financial commitment.",
        ),
    ),
)
