"""Corallia's Priority 2 (human resources) and Priority 3 (investment) activities.

Each activity carries the pillars the report's words support (seed 001; the
pillars at lines 1094-1158, the activities at 1393-1477). None is pillar 5:
that pillar is transport links, alumni networks, major events, business
visitors and tourists (lines 1147-1151), which no activity here is about.
None is pillar 6, lobbying EU policymakers (lines 1154-1158): following the
European Commission's programmes to take part in them (lines 1469-1471) is
not lobbying.
"""

from __future__ import annotations

from intl_sdk.frameworks import Activity, Catalogue

_SOURCE = "European Cluster Alliance report (2009), 3.4.4.1, Corallia"

CATALOGUES = (
    Catalogue(
        "corallia-human-resources",
        "Corallia Priority 2: human resources activities",
        (
            # Skilled workers for cluster members (pillar 1, lines 1096-1097) and
            # students of one country with companies of another (pillar 2), lines 1409-1413.
            Activity("summer-internships", "Summer internships", ("competitive-sectors", "science-rd-hei"),
                     "Short assignments of senior or graduate-year students with cluster members of another country."),
            # Academic institutions, education in the region (pillar 2), lines 1415-1418.
            Activity("student-exchanges", "Student exchange programmes", ("science-rd-hei",),
                     "Exchanges among academic institutions, supported by cluster initiatives."),
            Activity("joint-theses", "Joint academia–industry diploma and doctorate theses", ("science-rd-hei",),
                     "A transnational framework between universities and industry for diploma and doctorate degrees."),
            Activity("joint-curricula", "Joint academic under- and post-graduate curricula", ("science-rd-hei",),
                     "Feeding where-the-market-is-heading information from industry into taught courses."),
            # Attracting workers with the skills they need (pillar 1), lines 1426-1434.
            Activity("job-vacancy-database", "Online job vacancy database for cluster members", ("competitive-sectors",),
                     "A repository for cluster members seeking talent and workers seeking employment."),
            Activity("cross-matching-agents", "Cross-matching employment agents for European clusters", ("competitive-sectors",),
                     "Dedicated agents that match international talent with cluster members."),
        ),
        "Activities that use talented human capital to aid transnational co-operation.",
        _SOURCE,
    ),
    Catalogue(
        "corallia-investment",
        "Corallia Priority 3: investment and financial activities",
        (
            # International investors for cluster members: inward investment (pillar 1), lines 1443-1459.
            Activity("vc-syndication", "Transnational syndication of VCs for cluster members", ("competitive-sectors",),
                     "Teaming local venture capital with European and international investors."),
            # Reading: investment for cluster members (pillar 1), lines 1461-1465.
            Activity("business-angels", "Cluster-focused network of business angels", ("competitive-sectors",),
                     "Angels experienced in investing in cluster environments."),
            # Industrial members with academia on research projects (pillar 2), lines 1467-1472.
            Activity("transnational-projects", "Collaborative frameworks for transnational projects", ("science-rd-hei",),
                     "Industry and academia working together on European collaborative research programmes."),
        ),
        "Financial and investment vehicles that give clusters international exposure.",
        _SOURCE,
    ),
)
