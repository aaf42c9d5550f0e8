"""The rule catalogue: the frameworks' rules as typed, immutable data, each with its sources.

Modules: :mod:`~ilacs.catalogue.grades` (scales and wordings),
:mod:`~ilacs.catalogue.frameworks` (frameworks, versions, judgement areas),
:mod:`~ilacs.catalogue.inspection_types` (types and routes), :mod:`~ilacs.catalogue.cadence`
(cycles, focused visits, monitoring, pauses), :mod:`~ilacs.catalogue.duties` (post-inspection
deadlines), :mod:`~ilacs.catalogue.refs` (the documents cited) and
:mod:`~ilacs.catalogue.plans` (the route and plan of the next inspection),
:mod:`~ilacs.catalogue.listing` (every rule, for listings).
"""

from __future__ import annotations

from ilacs._lazy import attach

# Each public name, once, with its module (tools/public_names.py writes __init__.pyi from it).
_PUBLIC: dict[str, str] = {
    # frameworks, versions, areas and grades
    "Framework": "ilacs.catalogue.frameworks",
    "FrameworkVersion": "ilacs.catalogue.frameworks",
    "JudgementArea": "ilacs.catalogue.frameworks",
    "AreaSpec": "ilacs.catalogue.frameworks",
    "Scale": "ilacs.catalogue.frameworks",
    "VERSIONS": "ilacs.catalogue.frameworks",
    "framework_version_on": "ilacs.catalogue.frameworks",
    "version_named": "ilacs.catalogue.frameworks",
    "versions_of": "ilacs.catalogue.frameworks",
    "Grade": "ilacs.catalogue.grades",
    "LegacyGrade": "ilacs.catalogue.grades",
    # inspection types, routes and the plan of the next inspection
    "InspectionType": "ilacs.catalogue.inspection_types",
    "Outcome": "ilacs.catalogue.inspection_types",
    "TypeRule": "ilacs.catalogue.inspection_types",
    "Route": "ilacs.catalogue.inspection_types",
    "TYPE_RULES": "ilacs.catalogue.inspection_types",
    "ROUTES": "ilacs.catalogue.inspection_types",
    "InspectionPlan": "ilacs.catalogue.plans",
    "inspection_plan": "ilacs.catalogue.plans",
    "route_for": "ilacs.catalogue.plans",
    # cadence, pauses and duties
    "CYCLE": "ilacs.catalogue.cadence",
    "FOCUSED_VISITS": "ilacs.catalogue.cadence",
    "MONITORING": "ilacs.catalogue.cadence",
    "PAUSES": "ilacs.catalogue.cadence",
    "NO_OVERALL_ROUTE": "ilacs.catalogue.cadence",
    "DUTIES": "ilacs.catalogue.duties",
    # authorities, regions and reorganisations
    "la_code": "ilacs.catalogue.la_codes",
    "authority": "ilacs.catalogue.la_codes",
    "Region": "ilacs.catalogue.regions",
    "region_of": "ilacs.catalogue.regions",
    "REORGANISATIONS": "ilacs.catalogue.reorganisations",
    # comparability, and every rule
    "Verdict": "ilacs.catalogue.comparability",
    "COMPARABILITY_RULES": "ilacs.catalogue.comparability",
    "Rule": "ilacs.catalogue.rule",
    "all_rules": "ilacs.catalogue.listing",
}
__getattr__, __dir__, __all__ = attach(__name__, _PUBLIC)
