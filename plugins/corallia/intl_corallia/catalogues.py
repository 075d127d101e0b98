"""Corallia's Priority 2 (human resources) and Priority 3 (investment) activities."""

from __future__ import annotations

from intl_sdk.frameworks import Activity, Catalogue

_SOURCE = "European Cluster Alliance report (2009), 3.4.4.1, Corallia"

CATALOGUES = (
    Catalogue(
        "corallia-human-resources",
        "Corallia Priority 2: human resources activities",
        (
            Activity("summer-internships", "Summer internships", ("competitive-sectors", "science-rd-hei"),
                     "Short assignments of senior or graduate-year students with cluster members of another country."),
            Activity("student-exchanges", "Student exchange programmes", ("science-rd-hei", "international-connections"),
                     "Exchanges among academic institutions, supported by cluster initiatives."),
            Activity("joint-theses", "Joint academia–industry diploma and doctorate theses", ("science-rd-hei",),
                     "A transnational framework between universities and industry for diploma and doctorate degrees."),
            Activity("joint-curricula", "Joint academic under- and post-graduate curricula", ("science-rd-hei",),
                     "Feeding where-the-market-is-heading information from industry into taught courses."),
            Activity("job-vacancy-database", "Online job vacancy database for cluster members", ("competitive-sectors",),
                     "A repository for cluster members seeking talent and workers seeking employment."),
            Activity("cross-matching-agents", "Cross-matching employment agents for European clusters", ("competitive-sectors", "international-connections"),
                     "Dedicated agents that match international talent with cluster members."),
        ),
        "Activities that use talented human capital to aid transnational co-operation.",
        _SOURCE,
    ),
    Catalogue(
        "corallia-investment",
        "Corallia Priority 3: investment and financial activities",
        (
            Activity("vc-syndication", "Transnational syndication of VCs for cluster members", ("competitive-sectors", "international-connections"),
                     "Teaming local venture capital with European and international investors."),
            Activity("business-angels", "Cluster-focused network of business angels", ("competitive-sectors",),
                     "Angels experienced in investing in cluster environments."),
            Activity("transnational-projects", "Collaborative frameworks for transnational projects", ("science-rd-hei", "european-policy"),
                     "Industry and academia working together on European collaborative programmes."),
        ),
        "Financial and investment vehicles that give clusters international exposure.",
        _SOURCE,
    ),
)
